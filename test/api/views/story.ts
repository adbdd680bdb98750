/** The whole lifecycle over HTTP, as the deputy, the office and the department see it. */
import { databaseKinds } from '../../helpers/db';
import { startTestApi, type TestApi } from '../../helpers/api';
import { ApiError } from '../../../contracts/client';

describe.each(databaseKinds())('full story on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
    api.clock.set('2026-03-02');
  });
  afterAll(() => api.close());

  test('deputy submits → routed → confirmed → signed → consulted → answered → dissatisfied → redo → satisfied → closed', async () => {
    const deputy = await api.as('deputy01');
    const office = await api.as('office');
    const housing = await api.as('staff-housing');

    const created = await deputy.createSuggestion({
      title: '关于加快老旧小区加装电梯的建议',
      body: '我市很多老旧小区没有电梯，老年人上下楼困难，建议简化加装电梯审批，加大补助力度。',
      cosigners: ['deputy02', 'deputy03'],
      submit: true,
    });
    expect(created.state).toBe('submitted');
    expect(created.cosigners.map((c) => c.username).sort()).toEqual(['deputy02', 'deputy03']);
    expect(created.routing?.lead?.code).toBe('housing');
    expect(created.routing?.lead?.why).toContain('加装电梯');
    expect(created.routing?.needsReview).toBe(false);
    expect(created.actions).toEqual(['withdraw']);

    const queued = await office.listSuggestions({ queue: 'confirm' });
    expect(queued.items.map((s) => s.id)).toContain(created.id);
    const beforeConfirm = await office.getSuggestion(created.id);
    expect(beforeConfirm.actions).toEqual(expect.arrayContaining(['accept', 'reject', 'confirm']));

    const assigned = await office.act(created.id, 'confirm');
    expect(assigned.state).toBe('assigned');
    expect(assigned.lead?.code).toBe('housing');
    // The office reads the confirmation in words; the model's percentage is not shown to people.
    expect(assigned.timeline.at(-1)!.note).toMatch(/^按分办建议交办。主办：/);
    expect(assigned.timeline.map((e) => e.note ?? '').join('')).not.toMatch(/\d+%/);
    expect(assigned.deadlines).toMatchObject({ returnBy: '2026-03-11', answerBy: '2026-06-02', overdue: false });

    const tasks = await housing.listSuggestions();
    expect(tasks.items.map((s) => s.id)).toEqual([created.id]);
    expect((await housing.getSuggestion(created.id)).actions).toEqual(expect.arrayContaining(['sign', 'return']));

    api.clock.set('2026-03-03');
    expect((await housing.act(created.id, 'sign')).state).toBe('handling');
    const consulted = await housing.act(created.id, 'consult', { method: 'visit', happenedOn: '2026-03-03', summary: '上门与王建国代表面商，介绍补助政策。' });
    expect(consulted.consultations).toHaveLength(1);
    await housing.act(created.id, 'draft-answer', { answerClass: 'B', text: '已列入计划。' });
    // The deputy sees no draft.
    expect((await deputy.getSuggestion(created.id)).answers).toHaveLength(0);
    const answered = await housing.act(created.id, 'publish-answer', {});
    expect(answered.state).toBe('answered');
    expect(answered.answers[0]).toMatchObject({ answerClass: 'B', state: 'published', round: 1 });

    // A co-signer reads the answer but cannot rate.
    const cosigner = await api.as('deputy02');
    expect((await cosigner.getSuggestion(created.id)).answers[0].text).toBe('已列入计划。');
    await expect(cosigner.act(created.id, 'rate', { rating: 'satisfied' })).rejects.toMatchObject({ status: 403 });

    api.clock.set('2026-03-10');
    const redo = await deputy.act(created.id, 'rate', { rating: 'dissatisfied', comment: '补助标准没有说清楚' });
    expect(redo.state).toBe('handling');
    expect(redo.round).toBe(2);
    expect(redo.deadlines.redoBy).toBe('2026-03-25');
    expect(redo.deadlines.answerBy).toBe('2026-03-25');

    await housing.act(created.id, 'publish-answer', { answerClass: 'A', text: '补助标准为每台 15 万元，已于本月发布。' });
    const closed = await deputy.act(created.id, 'rate', { rating: 'satisfied' });
    expect(closed.state).toBe('closed');
    expect(closed.actions).toEqual([]);
    // The office reads the full record (the deputy reads plain steps: test/api/views/plainWords.ts).
    const record = await office.getSuggestion(created.id);
    expect(record.timeline.map((e) => [e.action, e.from, e.to])).toEqual([
      ['create', null, 'draft'],
      ['submit', 'draft', 'submitted'],
      ['confirm', 'submitted', 'assigned'],
      ['sign', 'assigned', 'handling'],
      ['consult', 'handling', 'handling'],
      ['draft-answer', 'handling', 'handling'],
      ['publish-answer', 'handling', 'answered'],
      ['rate', 'answered', 'handling'],
      ['publish-answer', 'handling', 'answered'],
      ['rate', 'answered', 'closed'],
    ]);
    expect(record.timeline.every((e) => e.actor.name && e.at)).toBe(true);
    expect(closed.ratings.map((r) => r.rating)).toEqual(['dissatisfied', 'satisfied']);
  });

  test('a citizen hands an opinion to a deputy, who forwards it; the citizen follows it to the answer', async () => {
    const citizen = await api.as('citizen01');
    const deputy = await api.as('deputy05');
    const opinion = await citizen.createSuggestion({ title: '公交站台没有遮雨棚', body: '科苑街道公交站没有遮雨棚，雨天等车很不方便。', deputy: 'deputy05', submit: true });
    expect(opinion.state).toBe('received');
    expect(opinion.addressedDeputy?.username).toBe('deputy05');
    // Another deputy does not see it.
    await expect((await api.as('deputy06')).getSuggestion(opinion.id)).rejects.toMatchObject({ status: 404 });
    const forwarded = await deputy.act(opinion.id, 'forward', { note: '代群众提出' });
    expect(forwarded.state).toBe('submitted');
    expect(forwarded.deputy?.username).toBe('deputy05');
    const office = await api.as('office');
    await office.act(opinion.id, 'accept');
    await office.act(opinion.id, 'assign', { lead: 'transport' });
    const transport = await api.as('staff-transport');
    await transport.act(opinion.id, 'sign');
    await transport.act(opinion.id, 'consult', { method: 'phone', happenedOn: '2026-03-02', summary: '电话联系代表和群众，确认站台位置。' });
    await transport.act(opinion.id, 'publish-answer', { answerClass: 'A', text: '已安装遮雨棚。' });
    await deputy.act(opinion.id, 'rate', { rating: 'satisfied' });
    const seen = await citizen.getSuggestion(opinion.id);
    expect(seen.state).toBe('closed');
    expect(seen.answers[0].text).toBe('已安装遮雨棚。');
    expect(seen.actions).toEqual(['rate']);
    const rated = await citizen.act(opinion.id, 'rate', { rating: 'basically_satisfied' });
    expect(rated.state).toBe('closed');
    expect(rated.ratings.map((r) => r.by.username)).toEqual(['deputy05', 'citizen01']);
    expect((await citizen.listSuggestions()).items.map((s) => s.id)).toEqual([opinion.id]);
  });

  test('client errors carry Chinese messages', async () => {
    const deputy = await api.as('deputy01');
    const err = await deputy.createSuggestion({ title: '', body: 'x' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.message).toContain('标题');
  });
});
