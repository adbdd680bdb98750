/** Similar existing suggestions: preview for new text, for a suggestion, and in the bot's intake preview. */
import { BotEngine } from '../../../bot/engine';
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';

describe.each(databaseKinds())('similar suggestions on %s', (kind) => {
  let api: TestApi;
  let elevator: number;
  beforeAll(async () => {
    api = await startTestApi(kind);
    const d1 = await api.as('deputy01');
    const office = await api.as('office');
    for (const [title, body] of [
      ['关于加快老旧小区加装电梯的建议', '老旧小区没有电梯，老年人上下楼困难，建议加大加装电梯补助。'],
      ['关于增加中小学课后服务的建议', '双职工家庭接孩子难，建议学校延长课后托管时间。'],
      ['关于规范共享单车停放的建议', '地铁口共享单车乱停乱放，堵塞人行道。'],
    ]) {
      const s = await d1.createSuggestion({ title, body, submit: true });
      await office.act(s.id, 'accept');
      if (title.includes('电梯')) elevator = s.id;
    }
    await d1.createSuggestion({ title: '草稿：老旧小区电梯', body: '草稿不应出现' });
  });
  afterAll(() => api.close());

  test('new text finds the reviewed suggestion about the same thing, not drafts or unrelated ones', async () => {
    const c = await api.as('deputy07');
    const { items } = await c.similar('建议为老旧小区加装电梯', '我们小区都是六层老楼，老人上下楼很难');
    expect(items[0]).toMatchObject({ id: elevator, title: '关于加快老旧小区加装电梯的建议', stateLabel: '已立案待交办' });
    expect(items.map((i) => i.title)).not.toContain('草稿：老旧小区电梯');
    expect((await c.similar('关于提高医保报销比例的建议', '大病负担重')).items).toEqual([]);
    expect((await api.http('POST', '/api/routing/similar', { title: '' }, await api.token('deputy07'))).status).toBe(400);
  });

  test('hints show only what the reader may open, and a deputy can ask to join what it finds', async () => {
    // A citizen's opinion about elevators, forwarded by deputy05 and accepted: private to the people in it.
    const citizen = await api.as('citizen01');
    const opinion = await citizen.createSuggestion({ title: '我们小区老楼加装电梯太难了', body: '老旧小区加装电梯，老人上下楼困难，补助申请很麻烦。', deputy: 'deputy05', submit: true });
    await (await api.as('deputy05')).act(opinion.id, 'forward');
    await (await api.as('office')).act(opinion.id, 'accept');
    const ask = async (who: string) => (await (await api.as(who)).similar('建议为老旧小区加装电梯', '老人上下楼很难，加装电梯补助')).items.map((i) => i.id);
    const deputyHints = await ask('deputy07');
    expect(deputyHints).toContain(elevator);
    expect(deputyHints).not.toContain(opinion.id);
    expect(await ask('office')).toEqual(expect.arrayContaining([elevator, opinion.id]));
    expect(await ask('deputy05')).toEqual(expect.arrayContaining([elevator, opinion.id]));
    expect(await ask('staff-edu')).toEqual([]);
    expect(await ask('citizen02')).toEqual([]);
    // Every hint opens, and the deputy may ask the lead author to join.
    const d7 = await api.as('deputy07');
    for (const id of deputyHints) {
      const seen = await d7.getSuggestion(id);
      expect(seen.actions).toContain('join');
    }
    const joined = await d7.act(elevator, 'join', { note: '我们街道也有同样情况' });
    expect(joined.cosigning).toEqual([expect.objectContaining({ person: expect.objectContaining({ username: 'deputy07' }), kind: 'request', status: 'pending', statusLabel: '待答复' })]);
    const decided = await (await api.as('deputy01')).act(elevator, 'decide-join', { user: 'deputy07', approve: true });
    expect(decided.cosigners.map((c) => c.username)).toContain('deputy07');
    expect(decided.cosigning[0]).toMatchObject({ status: 'accepted', statusLabel: '已同意附议' });
  });

  test('similar to an existing suggestion, for those who may see it', async () => {
    const d2 = await api.as('deputy02');
    const mine = await d2.createSuggestion({ title: '老旧小区加装电梯补助太少', body: '电梯加装费用高，补助不足。', submit: true });
    const token = await api.token('deputy02');
    const r = await api.http('GET', `/api/suggestions/${mine.id}/similar`, undefined, token);
    expect(r.body.items[0].id).toBe(elevator);
    const other = await api.token('deputy09');
    expect((await api.http('GET', `/api/suggestions/${mine.id}/similar`, undefined, other)).status).toBe(404);
  });

  test('the bot shows similar suggestions when a deputy writes one', async () => {
    const engine = new BotEngine({ apiUrl: api.url, serviceUsername: 'bot', servicePassword: 'lvzhi-demo' });
    const replies = await engine.handle({ transport: 'console', chatId: null, chatType: 'single', senderId: 'deputy08', senderName: 'deputy08', text: '提建议 老旧小区加装电梯难｜很多老人上下楼困难，希望加快加装电梯', mentionsBot: false });
    expect(replies[0].text).toContain('已有相似建议');
    expect(replies[0].text).toContain(`${elevator}. 关于加快老旧小区加装电梯的建议`);
  });
});
