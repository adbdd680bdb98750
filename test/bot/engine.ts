/** The bot end to end against the real API, straight into the engine and through Wechaty with puppet-mock. */
import { execFile } from 'node:child_process';
import { nodeArgs, ROOT } from '../helpers/bin';
import { BotEngine, type IncomingMessage } from '../../bot/engine';
import { startTestApi, type TestApi } from '../helpers/api';
import { engineDriver, wechatyDriver, type BotDriver } from '../helpers/botDrivers';
import { databaseKinds } from '../helpers/db';

const cases = databaseKinds().flatMap((kind) => (['engine', 'wechaty'] as const).map((d) => [kind, d] as const));

describe.each(cases)('bot flows on %s through %s', (kind, driverName) => {
  let api: TestApi;
  let driver: BotDriver;
  beforeAll(async () => {
    api = await startTestApi(kind);
    api.clock.set('2026-03-02T02:00:00Z');
    driver = driverName === 'engine' ? engineDriver(api.url) : await wechatyDriver(api.url);
  });
  afterAll(async () => {
    await driver.close();
    await api.close();
  });
  const say = (from: string, text: string) => driver.say(from, text);

  test('a deputy writes a suggestion over several messages; office confirms; staff sign and answer; the deputy rates', async () => {
    expect(await say('deputy01', '提建议')).toContain('标题');
    expect(await say('deputy01', '关于加快老旧小区加装电梯的建议')).toContain('内容');
    // The bot restarts in the middle: the draft lives in the database.
    driver.restart();
    const preview = await say('deputy01', '很多老旧小区没有电梯，老年人上下楼困难，建议简化审批、加大补助。');
    expect(preview).toContain('住房和城乡建设局');
    expect(preview).toContain('依据：');
    expect(preview).toContain('老年人上下楼困难，建议简化审批'); // Chinese punctuation kept as written
    expect(await say('deputy01', '附议 deputy02')).toContain('deputy02');
    const done = await say('deputy01', '确认');
    const id = Number(/建议编号 (\d+)/.exec(done)![1]);
    expect((await (await api.as('deputy01')).getSuggestion(id)).cosigners.map((c) => c.username)).toEqual(['deputy02']);

    const queued = await say('office', '待分办');
    expect(queued).toContain(`${id}. 关于加快老旧小区加装电梯的建议`);
    expect(queued).toMatch(/住房和城乡建设局（把握[高中低]，依据：/);
    expect(queued).not.toMatch(/\d+%/);
    expect(await say('office', `确认 ${id}`)).toContain('已交办');
    expect(await say('staff-housing', '我的任务')).toContain('剩 7 个工作日');
    expect(await say('staff-housing', `签收 ${id}`)).toContain('已签收');
    // The consultation (面商) is recorded in the mini-program; the answer needs it.
    await (await api.as('staff-housing')).act(id, 'consult', { method: 'phone', happenedOn: '2026-03-02', summary: '电话联系代表。' });
    for (const co of (await (await api.as('office')).getSuggestion(id)).assignments.filter((a) => a.role === 'co')) {
      await (await api.as(`staff-${co.department.code}`)).act(id, 'opinion', { opinion: '同意主办单位意见。' });
    }
    expect(await say('staff-housing', `答复 ${id}`)).toContain('答复类别');
    expect(await say('staff-housing', 'E')).toContain('A、B、C 或 D');
    expect(await say('staff-housing', 'b')).toContain('正文');
    expect(await say('staff-housing', '已列入明年改造计划。')).toContain('答复预览');
    expect(await say('staff-housing', '确认')).toContain('已正式答复');
    expect(await say('deputy01', `建议 ${id}`)).toContain('B 类');
    expect(await say('deputy01', `评价 ${id} 不满意`)).toContain('理由');
    expect(await say('deputy01', `评价 ${id} 不满意 补助标准不清楚`)).toContain('重新办理');
    api.clock.set('2026-03-12T02:00:00Z');
    expect(await say('staff-housing', `退回 ${id} 不归我们`)).toContain('退回期限（2026年3月11日）已过');
    api.clock.set('2026-03-02T02:00:00Z');
  });

  test('cancel, and a draft left alone expires with a polite note', async () => {
    await say('deputy03', '提建议');
    expect(await say('deputy03', '算了')).toContain('已取消');
    await say('deputy03', '提建议');
    api.clock.set('2026-03-02T02:31:00Z');
    const reply = await say('deputy03', '我的建议');
    expect(reply).toContain('已经过期');
    api.clock.set('2026-03-02T02:00:00Z');
  });

  test('an unbound sender gets only binding instructions, then binds with a one-time code', async () => {
    expect(await say('chat-zhang', '我的建议')).toContain('绑定码');
    const deputy = await api.as('deputy04');
    const { code } = await deputy.bindCode();
    expect(await say('chat-zhang', '绑定 000000')).toContain('不对或已过期');
    expect(await say('chat-zhang', `绑定 ${code}`)).toContain('绑定成功');
    expect(await say('chat-zhang', `绑定 ${code}`)).toContain('不对或已过期');
    expect(await say('chat-zhang', '帮助')).toContain('提建议');
  });

  test('co-signing in chat: an invitation accepted or declined, a request to join, and a withdrawal before assignment', async () => {
    const lead = await api.as('deputy07');
    const s = await lead.createSuggestion({ title: '关于增设社区老年食堂的建议', body: '社区老人多，子女上班没人做饭，希望每个街道建一个老年食堂。', submit: true, cosigners: ['deputy08', 'deputy09'] });
    expect(s.cosigners.map((c) => c.username)).toEqual(['deputy08', 'deputy09']);
    expect(await say('deputy08', `${s.id}号建议的附议我同意`)).toContain('已同意附议');
    expect(await say('deputy09', `谢谢邀请，${s.id}号附议就不参加了`)).toContain('已谢绝附议');
    expect((await lead.getSuggestion(s.id)).cosigners.map((c) => c.username)).toEqual(['deputy08']);
    // The deputy who declined still sees what they were shown.
    expect((await (await api.as('deputy09')).getSuggestion(s.id)).title).toBe('关于增设社区老年食堂的建议');
    expect(await say('deputy08', `撤回 ${s.id}`)).toContain('提出人');
    expect(await say('deputy07', `${s.id}号建议不提了，撤回来，街道已经处理好了`)).toContain('已撤回');
    expect((await lead.getSuggestion(s.id)).state).toBe('withdrawn');
    // Once the office has accepted a suggestion every deputy may find it and ask to join.
    const open = await lead.createSuggestion({ title: '关于规范电动自行车充电的建议', body: '楼道充电有火灾隐患，建议多建集中充电桩。', submit: true });
    await (await api.as('office')).act(open.id, 'accept', {});
    expect(await say('deputy10', `我也想附议${open.id}号建议`)).toContain('已向建议');
    expect(await say('deputy10', `申请附议 ${open.id}`)).toContain('等待领衔代表同意');
  });

  test('a letter where a title was asked for becomes the content; a command with a 2 in it does not answer the keep-the-draft question', async () => {
    const letter = `小区门口的路灯坏了好几个月了，${'晚上居民出行很不方便，老人摔倒过好几次，'.repeat(12)}希望尽快修好。`;
    expect(await say('deputy11', '提建议')).toContain('标题');
    expect(await say('deputy11', letter)).toContain('这段话我先记作建议内容');
    const preview = await say('deputy11', '关于尽快修复小区路灯的建议');
    expect(preview).toContain('标题：关于尽快修复小区路灯的建议');
    expect(preview).toContain('内容：小区门口的路灯坏了好几个月了');
    expect(await say('deputy11', '2号会议我请假，单位有接待任务')).toContain('要先保存草稿吗');
    expect(await say('deputy11', '12号建议办得怎么样了')).toContain('请回复“保存”');
    expect(await say('deputy11', '保存')).toContain('草稿已保存');
    expect(await say('deputy11', '继续写建议')).toContain('关于尽快修复小区路灯的建议');
    expect(await say('deputy11', '算了')).toContain('已取消');
    // One message with sentences: the first is the title, the rest the content.
    const inline = await say('deputy11', '提建议 小区门口的路灯坏了好几个月了。晚上居民出行很不方便，希望尽快修好并定期巡查。');
    expect(inline).toContain('标题：小区门口的路灯坏了好几个月了\n内容：晚上居民出行很不方便');
    expect(await say('deputy11', '取消')).toContain('已取消');
  });

  test('an unbound sender who sends just the six digits binds with them', async () => {
    const deputy = await api.as('deputy06');
    const { code } = await deputy.bindCode();
    expect(await say('chat-wang', '123')).toContain('绑定码');
    expect(await say('chat-wang', ` ${code.split('').map((d: string) => String.fromCharCode(0xff10 + Number(d))).join('')} `)).toContain('绑定成功');
    expect(await say('chat-wang', '我的建议')).not.toContain('绑定码');
  });

  test('notices, meetings with check-in, a survey question by question and a ballot', async () => {
    const officeToken = await api.token('office');
    await api.http('POST', '/api/notices', { title: '代表培训通知', body: '周五下午培训', audience: { users: ['deputy05'] } }, officeToken);
    expect(await say('deputy05', '通知')).toContain('代表培训通知');
    expect(await say('deputy05', '收到')).toContain('已确认收到');
    expect(await say('deputy05', '通知')).toContain('没有未读通知');

    const m = await api.http('POST', '/api/meetings', { kind: 'committee', title: '常委会会议', place: '市人大会议室', startsAt: '2026-03-02T10:30:00+08:00', endsAt: '2026-03-02T12:00:00+08:00', invitees: { users: ['deputy05'] } }, officeToken);
    expect(await say('deputy05', '会议')).toContain('常委会会议');
    expect(await say('deputy05', `参加 ${m.body.id}`)).toContain('已登记');
    const code = (await api.http('GET', `/api/meetings/${m.body.id}`, undefined, officeToken)).body.checkinCode;
    expect(await say('deputy05', `签到 ${code}`)).toContain('签到成功');

    const close = '2026-03-09T10:00:00+08:00';
    await api.http('POST', '/api/questionnaires', { kind: 'survey', title: '履职需求调查', closesAt: close, audience: { users: ['deputy05'] }, questions: [
      { id: 'a', type: 'single', title: '最常用渠道', options: ['小程序', '群聊'], required: true },
      { id: 'b', type: 'multiple', title: '希望加强', options: ['培训', '调研', '信息'], max: 2 },
      { id: 'c', type: 'text', title: '其他意见' },
    ] }, officeToken);
    expect(await say('deputy05', '问卷')).toContain('第 1/3 题');
    expect(await say('deputy05', '3')).toContain('1 到 2');
    expect(await say('deputy05', '２')).toContain('第 2/3 题');
    expect(await say('deputy05', '1 2 3')).toContain('最多只能选 2 项');
    expect(await say('deputy05', '1，3')).toContain('第 3/3 题');
    expect(await say('deputy05', '跳过')).toContain('已提交');
    const ballot = await api.http('POST', '/api/questionnaires', { kind: 'ballot', title: '民生实事票决', closesAt: close, audience: { users: ['deputy05'] }, candidates: ['甲', '乙', '丙'], maxChoices: 1 }, officeToken);
    expect(await say('deputy05', '投票')).toContain('甲');
    expect(await say('deputy05', '2')).toContain('投票成功');
    const results = (await api.http('GET', `/api/questionnaires/${ballot.body.id}/results`, undefined, officeToken)).body;
    expect(results.ballot.candidates[1].votes).toBe(1);
  });

});

describe('bot in groups and on the console', () => {
  let api: TestApi;
  let engine: BotEngine;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    api.clock.set('2026-03-02T02:00:00Z');
    engine = new BotEngine({ apiUrl: api.url, serviceUsername: 'bot', servicePassword: 'lvzhi-demo' });
  });
  afterAll(() => api.close());
  const group = (from: string, text: string, mention = true): IncomingMessage => ({ transport: 'console', chatId: 'room1@chatroom', chatType: 'group', senderId: from, senderName: from, text, mentionsBot: mention });

  test('in a group the bot answers only when addressed, and sends private details privately', async () => {
    expect(await engine.handle(group('deputy01', '我的建议', false))).toEqual([]);
    const replies = await engine.handle(group('deputy01', '@履职通 我的建议'));
    expect(replies.find((r) => r.chat === 'room1@chatroom')?.text).toBe('@deputy01 详情已私信发给你。');
    expect(replies.find((r) => r.chat === null)).toMatchObject({ to: 'deputy01' });
    expect(replies.find((r) => r.chat === null)!.text).toContain('还没有建议');
    const viaPrefix = await engine.handle(group('deputy01', '/帮助', false));
    expect(viaPrefix).toHaveLength(1);
    expect(viaPrefix[0]).toMatchObject({ chat: 'room1@chatroom', to: 'room1@chatroom' });
  });

  test('an expired service token is renewed without the user noticing', async () => {
    (await engine.serviceClient()).setToken('expired.or.forged');
    const replies = await engine.handle({ transport: 'console', chatId: null, chatType: 'single', senderId: 'deputy07', senderName: 'deputy07', text: '帮助', mentionsBot: false });
    expect(replies[0].text).toContain('提建议');
  });

  test('npm run bot:console speaks JSON lines', async () => {
    const input = ['{"from":"deputy06","chat":null,"text":"帮助"}', '{"from":"deputy06","chat":"g@chatroom","text":"hello","mention":false}', 'not json', '{"from":"deputy06","chat":"g@chatroom","text":"我的建议","mention":true}'].join('\n');
    const child = execFile(process.execPath, nodeArgs('bot/console.ts'), { cwd: ROOT, env: { ...process.env, API_URL: api.url } });
    child.stdin!.end(input);
    const out = await new Promise<string>((resolve) => {
      let s = '';
      child.stdout!.on('data', (d) => (s += d));
      child.on('close', () => resolve(s));
    });
    const lines = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ to: 'deputy06', chat: null, text: expect.stringContaining('提建议') });
    expect(lines.slice(1)).toEqual([
      { to: 'deputy06', chat: null, text: expect.stringContaining('还没有建议') },
      { to: 'g@chatroom', chat: 'g@chatroom', text: '@deputy06 详情已私信发给你。' },
    ]);
  });
});
