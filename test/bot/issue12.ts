/**
 * Every chat example of issue 12 against the real API, through the console transport's engine and through
 * Wechaty (puppet-mock): how deputies, staff and the office really write, conversations that keep drafts, and
 * names resolved against the directory.
 */
import { BotEngine, type IncomingMessage } from '../../bot/engine';
import { startTestApi, type TestApi } from '../helpers/api';
import { engineDriver, wechatyDriver, type BotDriver } from '../helpers/botDrivers';

const ELEVATOR = { title: '关于加快老旧小区加装电梯的建议', body: '很多老旧小区没有电梯，老年人上下楼困难，建议简化审批、加大补助。' };

describe.each(['engine', 'wechaty'] as const)('issue 12 phrasings through %s', (driverName) => {
  let api: TestApi;
  let driver: BotDriver;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    api.clock.set('2026-03-02T02:00:00Z');
    driver = driverName === 'engine' ? engineDriver(api.url) : await wechatyDriver(api.url);
  });
  afterAll(async () => {
    await driver.close();
    await api.close();
  });
  const say = (from: string, text: string) => driver.say(from, text);

  /** A suggestion by `deputy` taken through the API to `until`. */
  async function suggestionAt(deputy: string, until: 'submitted' | 'assigned' | 'handling' | 'answered'): Promise<number> {
    const d = await api.as(deputy);
    const s = await d.createSuggestion({ ...ELEVATOR, submit: true });
    if (until === 'submitted') return s.id;
    await (await api.as('office')).act(s.id, 'confirm');
    if (until === 'assigned') return s.id;
    const staff = await api.as('staff-housing');
    await staff.act(s.id, 'sign');
    if (until === 'handling') return s.id;
    // An answer needs a consultation with the deputy on record.
    await staff.act(s.id, 'consult', { method: 'phone', happenedOn: '2026-03-02', summary: '电话联系代表。' });
    await staff.act(s.id, 'publish-answer', { answerClass: 'B', text: '已列入明年改造计划。' });
    return s.id;
  }

  test('a deputy: 俺想提个建议, 对的，提交吧, 我的建议都办得怎么样了, 12号建议办到哪一步了', async () => {
    expect(await say('deputy11', '俺想提个建议')).toContain('标题');
    expect(await say('deputy11', ELEVATOR.title)).toContain('内容');
    expect(await say('deputy11', ELEVATOR.body)).toContain('住房和城乡建设局');
    const done = await say('deputy11', '对的，提交吧');
    const id = Number(/建议编号 (\d+)/.exec(done)![1]);
    expect(await say('deputy11', '我的建议都办得怎么样了')).toContain(`${id}. ${ELEVATOR.title}`);
    expect(await say('deputy11', `${id}号建议办到哪一步了`)).toContain(`建议 ${id}《${ELEVATOR.title}》`);
    // Two close readings: one short question with both guesses, answered with a number.
    const asked = await say('deputy11', `${id}号那个答复`);
    const q = /你是想 1 (查看|评价) (\d+) 号建议，还是 2 (查看|评价)它？/.exec(asked)!;
    expect(q).not.toBeNull();
    expect([q[1], q[3]].sort()).toEqual(['查看', '评价']);
    expect(Number(q[2])).toBe(id);
    expect(await say('deputy11', q[1] === '查看' ? '1' : '2')).toContain(`建议 ${id}《`);
    expect(await say('deputy11', '提件议')).toContain('标题');
    expect(await say('deputy11', '算了，先不提了')).toContain('已取消');
  });

  test('ratings in everyday words: 12号的答复我不满意，理由是…, then 满意度测评 12 基本满意', async () => {
    const id = await suggestionAt('deputy12', 'answered');
    expect(await say('deputy12', `${id}号的答复我不满意，理由是补助标准没说清楚`)).toContain('评价：不满意。承办单位将重新办理');
    const redo = await api.as('deputy12');
    expect((await redo.getSuggestion(id)).timeline.at(-1)!.note).toContain('补助标准没说清楚');
    await (await api.as('staff-housing')).act(id, 'publish-answer', { answerClass: 'A', text: '补助标准为每台 15 万元。' });
    expect(await say('deputy12', `满意度测评 ${id} 基本满意`)).toContain('评价：基本满意。谢谢，建议已办结');
    expect((await redo.getSuggestion(id)).state).toBe('closed');
  });

  test('a question about an answer is no rating, and a new matter is not taken as the rating asked for', async () => {
    const id = await suggestionAt('deputy15', 'answered');
    // 答复出来没 asks how it stands.
    expect(await say('deputy15', `${id}号的答复出来没`)).toContain(`建议 ${id}《`);
    expect(await say('deputy15', `评价一下${id}号`)).toContain(`请回复对建议 ${id} 答复的评价`);
    // Asked for a rating, the deputy tells a new matter: it is read as what it is, and the question is not repeated.
    const reply = await say('deputy15', '俺还想反映个事儿：小区门口的路灯坏了好几个月了，晚上黑灯瞎火的，老人出门不方便');
    expect(reply).not.toContain('请回复对建议');
    expect((await (await api.as('deputy15')).getSuggestion(id)).state).toBe('answered');
  });

  test('a rating asked for a suggestion not answered yet says so instead of asking for one', async () => {
    const id = await suggestionAt('deputy16', 'handling');
    const reply = await say('deputy16', `评价下${id}号`);
    expect(reply).toContain(`建议 ${id} 现在是“办理中”，还没有答复，答复后才能测评`);
    expect(reply).not.toContain('请回复对建议');
    // And the next message is read on its own, not as a rating.
    expect(await say('deputy16', '我的建议都办得怎么样了')).toContain(`${id}. ${ELEVATOR.title}`);
  });

  test('notices and meetings: 好的收到, 3号会议请假，单位有接待任务, 有问卷要填吗', async () => {
    const office = await api.token('office');
    await api.http('POST', '/api/notices', { title: '代表培训通知', body: '周五下午培训', audience: { users: ['deputy13'] } }, office);
    expect(await say('deputy13', '好的收到')).toContain('已确认收到');
    const m = await api.http('POST', '/api/meetings', { kind: 'committee', title: '常委会会议', place: '市人大会议室', startsAt: '2026-03-05T10:30:00+08:00', endsAt: '2026-03-05T12:00:00+08:00', invitees: { users: ['deputy13'] } }, office);
    expect(await say('deputy13', `${m.body.id}号会议请假，单位有接待任务`)).toContain('单位有接待任务');
    const mine = (await (await api.as('deputy13')).meetings()).items.find((x) => x.id === m.body.id)!;
    expect(mine.mine?.rsvp).toBe('leave');
    expect(await say('deputy13', '有问卷要填吗')).toContain('没有待填写的问卷');
  });

  test('staff: 12号建议签收, 延期12 两个月 (two months, the reason asked for), 面商, 确认发布', async () => {
    const id = await suggestionAt('deputy14', 'assigned');
    expect(await say('staff-housing', `${id}号建议签收`)).toContain('已签收');
    expect(await say('staff-housing', `延期${id} 两个月`)).toContain('理由');
    expect(await say('staff-housing', '需要等待预算批复')).toContain('已申请延期 2 个月');
    const s = await (await api.as('staff-housing')).getSuggestion(id);
    expect(s.extensions.at(-1)).toMatchObject({ months: 2, reason: '需要等待预算批复' });
    expect(await say('staff-housing', `${id}号昨天电话面商，代表同意方案`)).toContain('已记录');
    const c = (await (await api.as('staff-housing')).getSuggestion(id)).consultations.at(-1)!;
    expect(c).toMatchObject({ method: 'phone', happenedOn: '2026-03-01', summary: '代表同意方案' });
    expect(await say('staff-housing', `答复 ${id} B 已列入明年改造计划`)).toContain('答复预览');
    expect(await say('staff-housing', '确认发布')).toContain('已正式答复');
  });

  test('office: 确认12号的分办, 督办12号建议, 改派 12 住房和城乡建设局 财政局, 改派 12 住建局', async () => {
    const a = await suggestionAt('deputy15', 'submitted');
    expect(await say('office', `确认${a}号的分办`)).toContain('已交办');
    expect(await say('office', `督办${a}号建议`)).toContain('已催办');
    const b = await suggestionAt('deputy15', 'submitted');
    const reply = await say('office', `改派 ${b} 住房和城乡建设局 财政局`);
    expect(reply).toContain('主办 淄博市住房和城乡建设局，协办 淄博市财政局');
    const stored = await (await api.as('office')).getSuggestion(b);
    expect(stored.assignments.map((x) => [x.department.code, x.role])).toEqual([['housing', 'lead'], ['finance', 'co']]);
    const c = await suggestionAt('deputy15', 'submitted');
    expect(await say('office', `改派 ${c} 住建局`)).toContain('主办 淄博市住房和城乡建设局');
    const d = await suggestionAt('deputy15', 'submitted');
    expect(await say('office', `改派 ${d} 住建局和财政局`)).toContain('协办 淄博市财政局');
    expect(await say('office', `改派 ${d} 宣传部`)).toContain('没有找到“宣传部”');
  });

  test('附议人：deputy06 adds deputy06; a name is looked up in the directory; 等会儿再说，先取消吧 cancels', async () => {
    await say('deputy16', '提建议 增设公交站台遮雨棚｜科苑街道公交站没有遮雨棚，雨天等车很不方便。');
    expect(await say('deputy16', '附议人：deputy06')).toContain('已添加附议：deputy06');
    expect(await say('deputy16', '请李秀英附议')).toContain('李秀英');
    const done = await say('deputy16', '没问题');
    const id = Number(/建议编号 (\d+)/.exec(done)![1]);
    expect((await (await api.as('deputy16')).getSuggestion(id)).cosigners.map((c) => c.username).sort()).toEqual(['deputy02', 'deputy06']);
    await say('deputy16', '提建议');
    expect(await say('deputy16', '等会儿再说，先取消吧')).toContain('已取消');
    expect((await (await api.as('deputy16')).listSuggestions({ mine: true })).items.map((s) => s.title)).not.toContain('等会儿再说，先取消吧');
  });

  test('a new command in the middle of a draft asks to keep it; 继续写建议 brings it back', async () => {
    await say('deputy17', '提建议');
    await say('deputy17', '关于规范共享单车停放的建议');
    const asked = await say('deputy17', '我的建议');
    expect(asked).toContain('要先保存草稿吗');
    const kept = await say('deputy17', '保存');
    expect(kept).toContain('草稿已保存');
    expect(kept).toContain('还没有建议');
    expect(await say('deputy17', '继续写建议')).toContain('关于规范共享单车停放的建议');
    expect(await say('deputy17', '地铁口共享单车乱停乱放，影响通行。')).toContain('请确认你的建议');
    expect(await say('deputy17', '发吧')).toContain('已提交');
  });

  test('a problem told in plain words is offered as a suggestion; a citizen is shown where to write; chatter is not', async () => {
    const told = '反映一个问题：我们村的自来水这个月每天只供两个小时，老人做饭洗澡都困难';
    const offer = await say('deputy18', told);
    expect(offer).toContain('要把这段话写成一条建议吗');
    expect(await say('deputy18', '要')).toContain('请再发一句话的标题');
    const preview = await say('deputy18', '关于保障农村自来水正常供应的建议');
    expect(preview).toContain('内容：我们村的自来水这个月每天只供两个小时');
    expect(preview).not.toContain('反映一个问题');
    const done = await say('deputy18', '确认');
    const id = Number(/建议编号 (\d+)/.exec(done)![1]);
    const mine = await (await api.as('deputy18')).getSuggestion(id);
    expect(mine.body).toBe('我们村的自来水这个月每天只供两个小时，老人做饭洗澡都困难');
    // Declined: nothing is started, and the next message is understood as usual.
    expect(await say('deputy18', '有个情况想跟你们说一下，学校门口早上接送孩子的车停得到处都是')).toContain('写成一条建议吗');
    expect(await say('deputy18', '不用')).toContain('不写了');
    expect(await say('deputy18', '我的建议')).toContain(`${id}. 关于保障农村自来水正常供应的建议`);
    // A rating word inside a problem without a suggestion's number is part of the problem.
    expect(await say('deputy18', '小区门口的路灯坏了3个月了，居民很不满意')).toContain('写成一条建议吗');
    expect(await say('deputy18', '算了')).toContain('不写了');
    expect(await say('citizen02', '我家楼下的路灯坏了快一个月了，晚上走路很不安全')).toContain('找代表');
    expect(await say('deputy18', '今天天气不错')).toContain('没看懂');
    expect(await say('deputy18', '辛苦了！')).toContain('不客气');
    expect(await say('deputy18', '您好')).toContain('你好！我是履职通助手');
  });

  test('the acts people expect: forward a citizen\'s opinion, 立案, 不予立案, a co-handler opinion', async () => {
    const citizen = await api.as('citizen01');
    const opinion = await citizen.createSuggestion({ title: '小区门口路灯坏了', body: '晚上出行不安全。', deputy: 'deputy19', submit: true });
    expect(await say('deputy19', `把${opinion.id}号群众意见转成建议`)).toContain('作为建议提交人大');
    expect((await (await api.as('office')).getSuggestion(opinion.id)).state).toBe('submitted');
    expect(await say('office', `立案 ${opinion.id}`)).toContain('已立案');
    const other = await suggestionAt('deputy19', 'submitted');
    expect(await say('office', `${other}号不予立案`)).toContain('理由');
    expect(await say('office', '属于个人诉求')).toContain('不予立案');
    expect((await (await api.as('office')).getSuggestion(other)).state).toBe('referenced');
    const joint = await suggestionAt('deputy19', 'submitted');
    await say('office', `改派 ${joint} 住建局 财政局`);
    expect(await say('staff-finance', `协办意见 ${joint} 我局负责资金保障`)).toContain('已向主办单位提交');
    const a = (await (await api.as('office')).getSuggestion(joint)).assignments.find((x) => x.department.code === 'finance')!;
    expect(a.opinion).toBe('我局负责资金保障');
  });

  test("another role's act is answered with whose act it is, and nothing changes", async () => {
    const id = await suggestionAt('deputy14', 'submitted');
    const said = await say('deputy14', `驳回 ${id} 不属于建议`);
    expect(said).toContain('不予立案（驳回）由人大工作人员办理，代表账号不能这样做');
    expect(said).toContain(`发“${id}号建议办到哪了”`);
    expect(await say('deputy14', `退回${id}号建议`)).toContain(`如果是想撤回自己的建议，发“撤回 ${id}”`);
    expect((await (await api.as('deputy14')).getSuggestion(id)).state).toBe('submitted');
  });

  test('我的绑定码是123456 binds a chat account', async () => {
    const { code } = await (await api.as('deputy18')).bindCode();
    expect(await say('chat-li', '我的建议')).toContain('绑定码');
    expect(await say('chat-li', `我的绑定码是${code}`)).toContain('绑定成功');
    expect(await say('chat-li', '帮助')).toContain('提建议');
  });
});

describe('issue 12 in a group', () => {
  let api: TestApi;
  let engine: BotEngine;
  beforeAll(async () => {
    api = await startTestApi('sqlite');
    api.clock.set('2026-03-02T02:00:00Z');
    engine = new BotEngine({ apiUrl: api.url, serviceUsername: 'bot', servicePassword: 'lvzhi-demo' });
  });
  afterAll(() => api.close());
  const group = (from: string, text: string, mention = false): IncomingMessage => ({ transport: 'console', chatId: 'room9@chatroom', chatType: 'group', senderId: from, senderName: from, text, mentionsBot: mention });

  test('after #提建议 in a group the flow continues privately, and the title typed next in the group is not lost', async () => {
    const started = await engine.handle(group('deputy21', '#提建议'));
    expect(started.find((r) => r.chat === null)!.text).toContain('标题');
    expect(started.find((r) => r.chat === 'room9@chatroom')!.text).toContain('私聊里继续');
    const title = await engine.handle(group('deputy21', '关于增加老城区停车位的建议'));
    expect(title.find((r) => r.chat === null)!.text).toContain('具体内容');
    expect(title.find((r) => r.chat === 'room9@chatroom')!.text).toContain('已在私聊里继续');
    // Someone else's chatter in the group is still ignored.
    expect(await engine.handle(group('deputy22', '大家早上好'))).toEqual([]);
    const preview = await engine.handle({ ...group('deputy21', '老城区停车位严重不足，车辆乱停。'), chatId: null, chatType: 'single' });
    expect(preview[0].text).toContain('关于增加老城区停车位的建议');
  });

  test('unaddressed group talk triggers nothing', async () => {
    for (const text of ['收到', '12号建议办得挺快的', '我请假，单位有事', '1', '确认一下人数']) expect(await engine.handle(group('deputy23', text))).toEqual([]);
  });
});
