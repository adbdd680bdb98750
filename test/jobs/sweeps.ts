/** The suggestion clocks: warnings, urge notice, order; every sweep run twice sends once. */
import { NotificationModel } from '../../models/engagement';
import { SuggestionEventModel, UserModel } from '../../models/definitions';
import { sweepCoOpinions, sweepDeadlineWarnings, sweepOverdue, sweepRedo } from '../../core/suggestions/clocks';
import { act, must, suggestionAt } from '../helpers/core';
import { eachDatabase } from '../helpers/db';

const inboxOf = async (username: string, kind: string, refId: number) => {
  const u = (await UserModel.findOne({ where: { username } }))!;
  return NotificationModel.findAll({ where: { userId: u.id, kind, refId }, order: [['id', 'ASC']] });
};

eachDatabase('suggestion sweeps', (t) => {
  beforeEach(() => t().clock.set('2026-03-02'));

  test('events notify the right people: assigned → departments, answered → deputy, co-signers', async () => {
    const id = await suggestionAt(t().core, 'answered');
    expect(await inboxOf('staff-housing', 'suggestion.assigned', id)).toHaveLength(1);
    expect(await inboxOf('staff-finance', 'suggestion.assigned', id)).toHaveLength(1);
    expect(await inboxOf('staff-edu', 'suggestion.assigned', id)).toHaveLength(0);
    expect(await inboxOf('deputy01', 'suggestion.answered', id)).toHaveLength(1);
    expect(await inboxOf('deputy02', 'suggestion.answered', id)).toHaveLength(1);
  });

  test('deadline warnings at 7, 3 and 1 working days, each once', async () => {
    const id = await suggestionAt(t().core, 'handling'); // answer due 2026-06-02
    t().clock.set('2026-05-22'); // 7 working days left
    await sweepDeadlineWarnings(t().core);
    await sweepDeadlineWarnings(t().core);
    t().clock.set('2026-05-27'); // 4 left: the 7-day warning was already sent
    await sweepDeadlineWarnings(t().core);
    t().clock.set('2026-05-28'); // 3 left
    await sweepDeadlineWarnings(t().core);
    t().clock.set('2026-06-01'); // 1 left
    await sweepDeadlineWarnings(t().core);
    await sweepDeadlineWarnings(t().core);
    const bodies = (await inboxOf('staff-housing', 'suggestion.deadline', id)).map((n) => n.body);
    expect(bodies).toEqual(['还有 7 个工作日到答复期限（2026年6月2日）。', '还有 3 个工作日到答复期限（2026年6月2日）。', '还有 1 个工作日到答复期限（2026年6月2日）。']);
  });

  test('urge the working day after the deadline, order five working days later, each once and in the timeline', async () => {
    const id = await suggestionAt(t().core, 'handling'); // due Tuesday 2026-06-02
    t().clock.set('2026-06-02');
    expect(await sweepOverdue(t().core)).toBe(0);
    t().clock.set('2026-06-03');
    await sweepOverdue(t().core);
    await sweepOverdue(t().core);
    t().clock.set('2026-06-09');
    await sweepOverdue(t().core);
    t().clock.set('2026-06-10'); // 5 working days after 3 June
    await sweepOverdue(t().core);
    await sweepOverdue(t().core);
    const events = await SuggestionEventModel.findAll({ where: { suggestionId: id, action: ['urge', 'order'] }, order: [['id', 'ASC']] });
    expect(events.map((e) => [e.action, e.actorName, e.createdAt.toISOString().slice(0, 10)])).toEqual([
      ['urge', '系统自动督办', '2026-06-03'],
      ['order', '系统自动督办', '2026-06-10'],
    ]);
    expect(await inboxOf('staff-housing', 'suggestion.urge', id)).toHaveLength(1);
    expect(await inboxOf('staff-housing', 'suggestion.order', id)).toHaveLength(1);
    expect(await inboxOf('office', 'suggestion.order', id)).toHaveLength(1);
    expect(await inboxOf('office-zhangdian', 'suggestion.order', id)).toHaveLength(1);
    expect(await inboxOf('office-boshan', 'suggestion.order', id)).toHaveLength(0);
  });

  test('many overdue at once: urged and ordered in one sweep (batched), each in its own timeline with its own notices, once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await suggestionAt(t().core, i === 4 ? 'assigned' : 'handling')); // all due 2026-06-02
    const answered = await suggestionAt(t().core, 'answered');
    t().clock.set('2026-06-10'); // the urge (3 June) and the order (10 June) both due now
    const first = await sweepOverdue(t().core);
    expect(await sweepOverdue(t().core)).toBe(0);
    const events = await SuggestionEventModel.findAll({ where: { suggestionId: [...ids, answered], action: ['urge', 'order'] }, order: [['id', 'ASC']] });
    for (const id of ids) {
      const mine = events.filter((e) => e.suggestionId === id);
      expect(mine.map((e) => [e.action, e.actorName, e.fromState, e.createdAt.toISOString().slice(0, 10)])).toEqual([
        ['urge', '系统自动督办', id === ids[4] ? 'assigned' : 'handling', '2026-06-10'],
        ['order', '系统自动督办', id === ids[4] ? 'assigned' : 'handling', '2026-06-10'],
      ]);
      expect(mine[0].note).toContain('2026年6月2日');
    }
    expect(events.filter((e) => e.suggestionId === answered)).toHaveLength(0);
    expect(first).toBeGreaterThanOrEqual(ids.length * 2);
    // Each event is the cause of its own notices: one per person, keyed by the event.
    const housing = (await UserModel.findOne({ where: { username: 'staff-housing' } }))!;
    for (const kind of ['suggestion.urge', 'suggestion.order']) {
      const notes = await NotificationModel.findAll({ where: { userId: housing.id, kind, refId: ids }, order: [['id', 'ASC']] });
      const mine = events.filter((e) => `suggestion.${e.action}` === kind);
      expect(notes.map((n) => [n.refId, n.dedupeKey])).toEqual(mine.map((e) => [e.suggestionId, `suggestion-event:${e.id}:${housing.id}`]));
    }
    expect(await NotificationModel.count({ where: { kind: 'suggestion.order', refId: ids, userId: (await UserModel.findOne({ where: { username: 'office' } }))!.id } })).toBe(ids.length);
  });

  test('an answered suggestion is not urged', async () => {
    const id = await suggestionAt(t().core, 'answered');
    t().clock.set('2026-07-01');
    await sweepOverdue(t().core);
    expect(await SuggestionEventModel.count({ where: { suggestionId: id, action: 'urge' } })).toBe(0);
  });

  test('co-handler opinions and redo answers falling due are reminded once', async () => {
    const id = await suggestionAt(t().core, 'handling'); // co-opinion due 2026-04-02
    t().clock.set('2026-03-31');
    await sweepCoOpinions(t().core);
    await sweepCoOpinions(t().core);
    expect(await inboxOf('staff-finance', 'suggestion.co-opinion', id)).toHaveLength(1);
    expect(await inboxOf('staff-housing', 'suggestion.co-opinion', id)).toHaveLength(0);

    t().clock.set('2026-03-02');
    const redo = await suggestionAt(t().core, 'answered');
    must(await act(t().core, 'deputy01', redo, 'rate', { rating: 'dissatisfied', comment: '没有落实' })); // redo due 2026-03-17
    expect(await inboxOf('staff-housing', 'suggestion.dissatisfied', redo)).toHaveLength(1);
    t().clock.set('2026-03-13');
    await sweepRedo(t().core);
    await sweepRedo(t().core);
    expect(await inboxOf('staff-housing', 'suggestion.redo-due', redo)).toHaveLength(1);
  });
});
