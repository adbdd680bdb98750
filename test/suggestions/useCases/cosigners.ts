/**
 * Joint filing: co-signers picked by name from the directory (unknown or ambiguous names refused at creation),
 * each asked on submission and answering; a deputy asking the lead author to join; the detail says who has.
 */
import { createSuggestion, getSuggestion } from '../../../core/suggestions';
import { CosignerModel, DeputyModel, SuggestionModel, UserModel } from '../../../models/definitions';
import { NotificationModel } from '../../../models/engagement';
import { act, actor, ELEVATOR, must, suggestionAt } from '../../helpers/core';
import { eachDatabase } from '../../helpers/db';

const rowsOf = async (id: number) =>
  (await CosignerModel.findAll({ where: { suggestionId: id }, order: [['id', 'ASC']] })).map((c) => [c.userId, c.kind, c.status]);
const userId = async (username: string) => (await UserModel.findOne({ where: { username } }))!.id;
const notified = (kind: string, id: number, username: string) =>
  userId(username).then((u) => NotificationModel.count({ where: { kind, refId: id, userId: u } }));

eachDatabase('co-signers', (t) => {
  test('picked by name, username or user id from the deputies directory; asked on submission, not before', async () => {
    const d3 = await userId('deputy03');
    const { id } = must(await createSuggestion(t().core, await actor('deputy01'), { ...ELEVATOR, cosigners: ['李秀英', d3, 'deputy04', '王建国'] }));
    // 李秀英 is deputy02; 王建国 is the author and is left out.
    expect(await rowsOf(id)).toEqual([
      [await userId('deputy02'), 'invited', 'pending'],
      [d3, 'invited', 'pending'],
      [await userId('deputy04'), 'invited', 'pending'],
    ]);
    expect(await notified('cosigner.added', id, 'deputy02')).toBe(0);
    must(await act(t().core, 'deputy01', id, 'submit'));
    expect(await notified('cosigner.added', id, 'deputy02')).toBe(1);
    const view = must(await getSuggestion(t().core, await actor('deputy02'), id));
    expect(view.actions).toContain('cosign');
  });

  test('invalid at creation: an unknown name, a name two deputies share; nothing is stored', async () => {
    const before = await SuggestionModel.count();
    const unknown = await createSuggestion(t().core, await actor('deputy01'), { ...ELEVATOR, cosigners: ['李秀英', '张三丰'], submit: true });
    expect(unknown).toMatchObject({ kind: 'invalid', message: expect.stringContaining('没有找到这些代表：张三丰') });
    const twin = await UserModel.create({ username: 'deputy-twin', passwordHash: null, role: 'deputy', name: '李秀英', regionId: null, departmentId: null, stationId: null, wechatOpenid: null });
    await DeputyModel.create({ userId: twin.id, name: '李秀英', gender: '女', ethnicity: '汉族', birthYear: 1980, party: '群众', education: '大学本科', level: 'township', delegation: '昆仑镇代表团', electoralUnit: '昆仑镇第1选区', occupation: '教师', workUnit: '昆仑镇中学', post: '教师', phone: null, stationId: null, regionId: null, term: '第十八届' });
    const ambiguous = await createSuggestion(t().core, await actor('deputy01'), { ...ELEVATOR, cosigners: ['李秀英'] });
    expect(ambiguous).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/李秀英.*deputy02.*deputy-twin.*请用用户名指明/) });
    expect(await SuggestionModel.count()).toBe(before);
    // By username the twin is no problem.
    must(await createSuggestion(t().core, await actor('deputy01'), { ...ELEVATOR, cosigners: ['deputy-twin'] }));
    await DeputyModel.destroy({ where: { userId: twin.id } });
    await twin.update({ active: false });
  });

  test('each co-signer accepts or declines once; the lead author hears of it; the detail says who has', async () => {
    const d3 = await userId('deputy03');
    const { id } = must(await createSuggestion(t().core, await actor('deputy01'), { ...ELEVATOR, cosigners: ['deputy02', d3], submit: true }));
    must(await act(t().core, 'deputy02', id, 'cosign', { accept: true }));
    must(await act(t().core, 'deputy03', id, 'cosign', { accept: false, note: '不熟悉这方面情况' }));
    expect(await act(t().core, 'deputy02', id, 'cosign', { accept: false })).toMatchObject({ kind: 'conflict' });
    expect(await act(t().core, 'deputy01', id, 'cosign', { accept: true })).toMatchObject({ kind: 'forbidden' });
    expect(await act(t().core, 'deputy02', id, 'cosign', { accept: 'yes' })).toMatchObject({ kind: 'invalid' });
    expect(await notified('cosigner.answered', id, 'deputy01')).toBe(2);
    const view = must(await getSuggestion(t().core, await actor('deputy01'), id));
    expect(view.facts.cosigners.map((c) => [c.userId, c.status, c.note])).toEqual([
      [await userId('deputy02'), 'accepted', null],
      [d3, 'declined', '不熟悉这方面情况'],
    ]);
    // Who declined is no co-signer: not counted, not told of the answer. They still read what they were shown when
    // asked (as a department that returned a task keeps its history), so their own answer is not met with a 404.
    expect(view.facts.cosignerIds).toEqual([await userId('deputy02')]);
    expect(await getSuggestion(t().core, await actor('deputy03'), id)).toMatchObject({ ok: true });
    expect(view.events.map((e) => e.note)).toEqual(expect.arrayContaining(['李秀英同意附议', '张志强谢绝附议：不熟悉这方面情况']));
  });

  test('a deputy asks to join an accepted suggestion; the lead author approves or declines; no second request', async () => {
    const id = await suggestionAt(t().core, 'accepted');
    // Another deputy may open it (accepted suggestions are open to deputies) and may ask to join.
    const view = must(await getSuggestion(t().core, await actor('deputy09'), id));
    expect(view.actions).toEqual(['join']);
    expect(await act(t().core, 'staff-housing', id, 'join')).toMatchObject({ ok: false });
    expect(await act(t().core, 'deputy01', id, 'join')).toMatchObject({ kind: 'forbidden' });
    must(await act(t().core, 'deputy09', id, 'join', { note: '我所在选区也有同样问题' }));
    must(await act(t().core, 'deputy10', id, 'join'));
    expect(await act(t().core, 'deputy09', id, 'join')).toMatchObject({ kind: 'conflict', message: '你的附议申请正在等待领衔代表同意' });
    expect(await notified('cosigner.join_requested', id, 'deputy01')).toBe(2);
    expect(await act(t().core, 'deputy02', id, 'decide-join', { user: 'deputy09', approve: true })).toMatchObject({ kind: 'forbidden' });
    expect(await act(t().core, 'deputy01', id, 'decide-join', { user: 'deputy11', approve: true })).toMatchObject({ kind: 'conflict' });
    must(await act(t().core, 'deputy01', id, 'decide-join', { user: 'deputy09', approve: true }));
    must(await act(t().core, 'deputy01', id, 'decide-join', { user: await userId('deputy10'), approve: false }));
    expect(await notified('cosigner.join_decided', id, 'deputy09')).toBe(1);
    expect(await notified('cosigner.join_decided', id, 'deputy10')).toBe(1);
    const facts = must(await getSuggestion(t().core, await actor('deputy01'), id)).facts;
    expect(facts.cosignerIds.sort()).toEqual([await userId('deputy02'), await userId('deputy09')].sort());
    expect(await act(t().core, 'deputy09', id, 'join')).toMatchObject({ kind: 'forbidden', message: '你已经是这件建议的附议代表' });
    expect(await act(t().core, 'deputy10', id, 'join')).toMatchObject({ kind: 'conflict', message: '领衔代表已谢绝你的附议申请' });
    expect(await act(t().core, 'deputy01', id, 'decide-join', { user: 'deputy10', approve: true })).toMatchObject({ kind: 'conflict' });
  });

  test('not found: a deputy cannot ask to join a suggestion still under review, nor a citizen opinion', async () => {
    const id = await suggestionAt(t().core, 'submitted');
    expect(await act(t().core, 'deputy09', id, 'join')).toMatchObject({ kind: 'notFound' });
  });
});
