import { SuggestionEventModel, SuggestionModel, UserModel } from '../../../models/definitions';
import { NotificationModel } from '../../../models/engagement';
import { performActions } from '../../../core/suggestions/perform';
import { urgeSuggestions } from '../../../core/suggestions/urgeSuggestion';
import { conflict } from '../../../core/result';
import { fail } from '../../../core/useCase';
import { act, actor, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

eachDatabase('urgeSuggestion', (t) => {
  test('ok: an overdue task is urged, with the deadline in the note', async () => {
    const id = await suggestionAt(t().core, 'handling');
    t().clock.set('2026-06-03');
    must(await act(t().core, 'office', id, 'urge'));
    t().clock.set('2026-03-02');
    const e = await SuggestionEventModel.findOne({ where: { suggestionId: id, action: 'urge' } });
    expect(e).toMatchObject({ fromState: 'handling', toState: 'handling' });
    expect(e!.note).toContain('2026年6月2日');
  });
  test('invalid', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'handling'), 'urge', { note: ['x'] })).toMatchObject({ kind: 'invalid' });
  });
  test('forbidden', async () => {
    expect(await act(t().core, 'deputy01', await suggestionAt(t().core, 'handling'), 'urge')).toMatchObject({ kind: 'forbidden' });
  });
  test('conflict: nothing to urge once answered', async () => {
    expect(await act(t().core, 'office', await suggestionAt(t().core, 'answered'), 'urge')).toMatchObject({ kind: 'conflict' });
  });
});

eachDatabase('urgeSuggestions (the batch form, through the kernel’s many)', (t) => {
  const urgeEvents = (id: number) => SuggestionEventModel.findAll({ where: { suggestionId: id, action: 'urge' }, order: [['id', 'ASC']] });

  test('each item checked as alone, in order; the allowed ones each get their own timeline event and notice', async () => {
    const [a, b, c] = [await suggestionAt(t().core, 'handling'), await suggestionAt(t().core, 'handling'), await suggestionAt(t().core, 'assigned')];
    const answered = await suggestionAt(t().core, 'answered');
    t().clock.set('2026-06-03');
    const office = await actor('office');
    const before = await NotificationModel.count();
    const out = await urgeSuggestions(t().core, office, [
      { id: a },
      { id: 2_000_000_000 },
      { id: answered },
      { id: b, input: { note: ['x'] } },
      { id: c, input: { note: '请本周内答复' } },
      { id: a, input: { note: '再次催办' } },
    ]);
    t().clock.set('2026-03-02');
    expect(out.map((o) => (o.ok ? 'ok' : o.kind))).toEqual(['ok', 'notFound', 'conflict', 'invalid', 'ok', 'ok']);
    expect(await urgeEvents(answered)).toHaveLength(0);
    expect(await urgeEvents(b)).toHaveLength(0);
    const ea = await urgeEvents(a);
    expect(ea.map((e) => [e.actorName, e.actorRole, e.fromState, e.toState, e.createdAt.toISOString().slice(0, 10)])).toEqual([
      ['市人大常委会选联工委', 'office', 'handling', 'handling', '2026-06-03'],
      ['市人大常委会选联工委', 'office', 'handling', 'handling', '2026-06-03'],
    ]);
    expect(ea[0].note).toContain('2026年6月2日');
    expect(ea[1].note).toBe('再次催办');
    const [ec] = await urgeEvents(c);
    expect(ec).toMatchObject({ fromState: 'assigned', toState: 'assigned', note: '请本周内答复' });
    // One notice per event and person, keyed by that event (a second urge of a is a new cause).
    const housing = (await UserModel.findOne({ where: { username: 'staff-housing' } }))!;
    const notes = await NotificationModel.findAll({ where: { userId: housing.id, kind: 'suggestion.urge' }, order: [['id', 'ASC']] });
    expect(notes.map((n) => n.dedupeKey)).toEqual([...ea, ec].sort((x, y) => x.id - y.id).map((e) => `suggestion-event:${e.id}:${housing.id}`));
    expect(new Set([...ea, ec].map((e) => e.id)).size).toBe(3);
    expect(await NotificationModel.count()).toBeGreaterThan(before);
  });

  test('a forbidden actor gets 403 for every item and nothing is written', async () => {
    const id = await suggestionAt(t().core, 'handling');
    const out = await urgeSuggestions(t().core, await actor('deputy01'), [{ id }, { id }]);
    expect(out.map((o) => (o.ok ? 'ok' : o.kind))).toEqual(['forbidden', 'forbidden']);
    expect(await urgeEvents(id)).toHaveLength(0);
  });

  test('an action failing while applied rolls the batch back and it is redone one by one: only the failed item is missing', async () => {
    const [a, bad, c] = [await suggestionAt(t().core, 'handling'), await suggestionAt(t().core, 'handling'), await suggestionAt(t().core, 'handling')];
    const office = await actor('office');
    const out = await performActions(t().core, office, 'urge', [{ id: a }, { id: bad }, { id: c }], async ({ facts }) => {
      // Writes first, then fails: in the batch this undoes everyone's writes, alone only its own.
      await facts.suggestion.update({ title: `${facts.suggestion.title}（已改）` });
      if (facts.suggestion.id === bad) fail(conflict('测试：这一件失败'));
      return { note: '批量催办' };
    });
    expect(out.map((o) => (o.ok ? 'ok' : o.kind))).toEqual(['ok', 'conflict', 'ok']);
    expect((await urgeEvents(a)).map((e) => e.note)).toEqual(['批量催办']);
    expect(await urgeEvents(bad)).toHaveLength(0);
    expect((await urgeEvents(c)).map((e) => e.note)).toEqual(['批量催办']);
    const titles = await SuggestionModel.findAll({ where: { id: [a, bad, c] }, order: [['id', 'ASC']] });
    expect(titles.map((s) => s.title.endsWith('（已改）'))).toEqual([true, false, true]);
  });
});
