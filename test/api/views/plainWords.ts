/**
 * Plain words: what each audience reads of a suggestion — the timeline (plain steps for citizens and deputies,
 * the full record for departments and the office), the progress stepper, and the routing proposal (高/中/低 with
 * reasons for the office, no departments under the floor, whole deciding words only, nothing for citizens).
 */
import { ACTION_LABELS } from '../../../contracts/labels';
import type { RoutingProposal, SuggestionDetail } from '../../../contracts/schemas';
import { DEPARTMENT_FLOOR, acceptableWords, presentActions, presentNextStep, presentProgress, presentRouting, presentSummary, presentTimeline, type PlainFacts, type StoredEvent } from '../../../api/presenters/audience';
import { SUGGESTION_ACTIONS, SUGGESTION_STATES, VIEWERS } from '../../../contracts/enums';
import { UserModel } from '../../../models/definitions';
import { startTestApi, type TestApi } from '../../helpers/api';
import { databaseKinds } from '../../helpers/db';

/** Office words a citizen or deputy must never read in their timeline. */
const JARGON = ['保存答复草稿', '提交协办意见', '签收', '确认分办', '申请延期', '期限调整', '退回', '把握', 'A 类', 'B 类', 'C 类', 'D 类'];
const PLAIN = new Set(['修改', '提交', '撤回', '代表转为建议', '代表答复', '审查通过', '不予立案，留作参考', '交办', '开始办理', '承办单位与代表沟通', '办理期限延长', '答复', '测评', '重新办理', '办结', '人大督办', '答复附议邀请', '申请附议', '答复附议申请']);

function expectPlain(s: SuggestionDetail) {
  for (const e of s.timeline) {
    expect(PLAIN.has(e.label)).toBe(true);
    for (const j of JARGON) {
      expect(e.label).not.toContain(j);
      expect(e.note ?? '').not.toContain(j);
    }
  }
}

describe.each(databaseKinds())('plain words per audience on %s', (kind) => {
  let api: TestApi;
  let staffNames: string[];
  beforeAll(async () => {
    api = await startTestApi(kind);
    api.clock.set('2026-03-02');
    staffNames = (await UserModel.findAll({ where: { role: 'staff' }, attributes: ['name'] })).map((u) => u.name);
  });
  afterAll(() => api.close());

  test('a deputy reads plain steps and a stepper; the department and the office read the full record', async () => {
    const deputy = await api.as('deputy01');
    const office = await api.as('office');
    const housing = await api.as('staff-housing');
    const finance = await api.as('staff-finance');
    const created = await deputy.createSuggestion({
      title: '关于加快老旧小区加装电梯的建议',
      body: '我市很多老旧小区没有电梯，老年人上下楼困难，建议简化加装电梯审批，加大补助力度。',
      submit: true,
    });
    expect(created.viewer).toBe('deputy');
    expect(created.progress.steps.map((s) => [s.label, s.status])).toEqual([
      ['提交', 'done'],
      ['交办', 'current'],
      ['办理', 'todo'],
      ['答复', 'todo'],
      ['测评', 'todo'],
    ]);
    expect(created.progress.steps[0].at).toBeTruthy();
    expect(created.progress.steps[1].hint).toBe('人大机关审查中');

    // The office's buttons: 立案 and 立案并交办 say what each does; irreversible ones ask first.
    const review = await office.getSuggestion(created.id);
    const buttons = Object.fromEntries(review.actionDetails.map((a) => [a.action, a]));
    expect(review.actionDetails.map((a) => a.action)).toEqual(review.actions);
    expect(buttons.reject).toMatchObject({ label: '不予立案', irreversible: true, confirm: expect.stringContaining('留作参考') });
    expect(buttons.accept).toMatchObject({ label: '立案（稍后交办）', irreversible: false, confirm: null });
    if (buttons.confirm) expect(buttons.confirm).toMatchObject({ label: '立案并按分办建议交办', irreversible: true });
    await office.act(created.id, 'accept', { note: '内部：材料齐全' });
    await office.act(created.id, 'assign', { lead: 'housing', co: ['finance'], note: '内部备注' });
    // Who acts next and by when, worded for each reader: the lead department reads 轮到您 with its deadline.
    const toSign = await housing.getSuggestion(created.id);
    expect(toSign.progress.summary).toBe('已交给淄博市住房和城乡建设局办理，等待签收。');
    expect(toSign.progress.next).toMatchObject({ who: '您', you: true, due: toSign.deadlines.answerBy });
    expect(toSign.progress.next!.text).toMatch(/^轮到您：签收并开始办理，\d{4}年\d{1,2}月\d{1,2}日（星期[一二三四五六日]）前答复（还剩 \d+ 个工作日）。不属于本单位职责的，请在\d{4}年\d{1,2}月\d{1,2}日（星期.）前退回。$/);
    expect(toSign.actionDetails.find((a) => a.action === 'sign')).toMatchObject({ label: '签收', irreversible: true, effect: expect.stringContaining('本单位') });
    const waiting = await deputy.getSuggestion(created.id);
    expect(waiting.progress.next).toMatchObject({ who: '淄博市住房和城乡建设局', you: false, due: toSign.deadlines.answerBy });
    expect(waiting.progress.next!.text).toMatch(/^下一步：淄博市住房和城乡建设局签收并开始办理，\d{4}年.+前答复（还剩 \d+ 个工作日）。$/);
    api.clock.set('2026-03-03');
    await finance.act(created.id, 'sign');
    await finance.act(created.id, 'opinion', { opinion: '财政补助可按每台 10 万元测算。' });
    await housing.act(created.id, 'sign');
    await housing.act(created.id, 'consult', { method: 'phone', happenedOn: '2026-03-03', summary: '电话联系代表。' });
    const drafted = await housing.act(created.id, 'draft-answer', { answerClass: 'B', text: '已列入计划。' });
    expect(drafted.actionDetails.find((a) => a.action === 'publish-answer')).toMatchObject({ irreversible: true, confirm: expect.stringContaining('不能撤回') });
    expect(drafted.actionDetails.find((a) => a.action === 'draft-answer')).toMatchObject({ irreversible: false });
    await housing.act(created.id, 'publish-answer', {});

    const seen = await deputy.getSuggestion(created.id);
    expectPlain(seen);
    expect(seen.timeline.map((e) => e.label)).toEqual(['提交', '审查通过', '交办', '开始办理', '承办单位与代表沟通', '答复']);
    expect(seen.timeline.find((e) => e.label === '交办')!.note).toBe('由淄博市住房和城乡建设局主办，淄博市财政局协办');
    expect(seen.timeline.find((e) => e.label === '答复')!.note).toBe('办理结果：正在解决或列入计划');
    // No office-internal note, and no clerk's personal name.
    expect(JSON.stringify(seen.timeline)).not.toContain('内部');
    for (const e of seen.timeline) expect(staffNames).not.toContain(e.actor.name);
    expect(seen.assignments.find((a) => a.role === 'co')!.opinion).toBeNull();
    expect(seen.progress.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'current']);
    expect(seen.progress.current).toBe('rate');
    expect(seen.progress.steps.every((s) => s.status !== 'done' || s.at)).toBe(true);
    expect(seen.progress.next).toMatchObject({ who: '您', you: true, text: '轮到您：看过答复后测评是否满意。' });
    expect(seen.actionDetails.find((a) => a.action === 'rate')!.effect).toContain('不满意将重新办理');

    for (const [who, viewer] of [
      [housing, 'department'],
      [office, 'office'],
    ] as const) {
      const full = await who.getSuggestion(created.id);
      expect(full.viewer).toBe(viewer);
      expect(full.timeline.map((e) => e.action)).toEqual(['create', 'submit', 'accept', 'assign', 'sign', 'opinion', 'sign', 'consult', 'draft-answer', 'publish-answer']);
      expect(full.timeline.every((e) => e.label === ACTION_LABELS[e.action])).toBe(true);
      expect(full.assignments.find((a) => a.role === 'co')!.opinion).toBe('财政补助可按每台 10 万元测算。');
      expect(full.progress.current).toBe('rate');
    }

    // Dissatisfied: back to 办理 for the new round; the stepper shows it in progress again.
    const redo = await deputy.act(created.id, 'rate', { rating: 'dissatisfied', comment: '补助标准没有说清楚' });
    expectPlain(redo);
    expect(redo.timeline.at(-1)).toMatchObject({ label: '测评', note: '不满意：补助标准没有说清楚' });
    expect(redo.progress.steps.map((s) => s.status)).toEqual(['done', 'done', 'current', 'todo', 'todo']);
    expect(redo.progress.steps[2].hint).toBe('重新办理中（第 2 轮）');
    await housing.act(created.id, 'publish-answer', { answerClass: 'A', text: '补助标准为每台 15 万元。' });
    const closed = await deputy.act(created.id, 'rate', { rating: 'satisfied' });
    expect(closed.progress).toMatchObject({ current: null, finished: true, ended: null });
    expect(closed.progress.steps.every((s) => s.status === 'done' && s.at)).toBe(true);
  });

  test('a citizen never sees the routing proposal or office steps; the office sees 高/中/低 with reasons', async () => {
    const citizen = await api.as('citizen01');
    const deputy = await api.as('deputy05');
    const office = await api.as('office');
    const opinion = await citizen.createSuggestion({ title: '公交站台没有遮雨棚', body: '科苑街道公交站没有遮雨棚，雨天等车很不方便。', deputy: 'deputy05', submit: true });
    expect(opinion.viewer).toBe('citizen');
    expect(opinion.progress.steps[1]).toMatchObject({ status: 'current', hint: '等代表处理' });
    await deputy.act(opinion.id, 'forward', { note: '代群众提出' });

    const asOffice = await office.getSuggestion(opinion.id);
    const r = asOffice.routing!;
    expect(r.confidenceLabel).toBe({ high: '高', medium: '中', low: '低' }[r.confidenceLevel]);
    expect(r.reasons.length).toBeGreaterThanOrEqual(2);
    expect(r.reasons.at(-1)).toMatch(/把握(高|中等|低)/);
    expect(r.departments.every((d, i) => i === 0 || d.score >= DEPARTMENT_FLOOR)).toBe(true);
    const listed = (await office.listSuggestions({ queue: 'routing' })).items.find((s) => s.id === opinion.id);
    if (listed) expect(listed.routing?.confidenceLabel).toBe(r.confidenceLabel);

    const asCitizen = await citizen.getSuggestion(opinion.id);
    expect(asCitizen.routing).toBeNull();
    expect((await citizen.listSuggestions()).items.find((s) => s.id === opinion.id)!.routing).toBeNull();
    const asDeputy = await deputy.getSuggestion(opinion.id);
    expect(asDeputy.routing?.reasons).toHaveLength(1);

    await office.act(opinion.id, 'accept');
    await office.act(opinion.id, 'assign', { lead: 'transport' });
    const transport = await api.as('staff-transport');
    await transport.act(opinion.id, 'sign');
    await transport.act(opinion.id, 'request-extension', { months: 1, reason: '需要协调公交公司' });
    await office.act(opinion.id, 'decide-extension', { approve: true });
    await office.act(opinion.id, 'urge', {});
    await transport.act(opinion.id, 'consult', { method: 'phone', happenedOn: '2026-03-03', summary: '电话联系。' });
    await transport.act(opinion.id, 'draft-answer', { answerClass: 'A', text: '已安装遮雨棚。' });
    await transport.act(opinion.id, 'publish-answer', {});
    const followed = await citizen.getSuggestion(opinion.id);
    expectPlain(followed);
    expect(followed.timeline.map((e) => e.label)).toEqual(['提交', '代表转为建议', '审查通过', '交办', '开始办理', '办理期限延长', '人大督办', '承办单位与代表沟通', '答复']);
    expect(followed.progress.current).toBe('rate');
    expect(followed.progress.summary).toBe('淄博市交通运输局已经答复，请看下面的答复内容。');
    // The citizen may say whether they are satisfied (without reopening it); the office waits for the deputy's rating.
    expect(followed.progress.next).toMatchObject({ you: true, text: '轮到您：看过答复后，说说您是否满意。' });
    expect(followed.actionDetails.find((a) => a.action === 'rate')!.effect).not.toContain('重新办理');
    const name = (await deputy.getSuggestion(opinion.id)).deputy!.name;
    expect((await office.getSuggestion(opinion.id)).progress.next).toMatchObject({ who: `${name}代表`, you: false, text: `下一步：${name}代表测评是否满意。` });
  });

  test('an opinion the deputy answers directly, a rejected and a withdrawn suggestion end early on the stepper', async () => {
    const citizen = await api.as('citizen02');
    const deputy = await api.as('deputy05');
    const office = await api.as('office');
    const replied = await citizen.createSuggestion({ title: '楼道灯不亮', body: '三号楼楼道灯坏了。', deputy: 'deputy05', submit: true });
    const r = await deputy.act(replied.id, 'reply', { text: '已联系物业修好。' });
    const seen = await citizen.getSuggestion(r.id);
    expect(seen.timeline.map((e) => [e.label, e.note])).toEqual([
      ['提交', null],
      ['代表答复', '已联系物业修好。'],
    ]);
    expect(seen.progress.steps.map((s) => [s.label, s.status])).toEqual([
      ['提交', 'done'],
      ['交办', 'skipped'],
      ['办理', 'skipped'],
      ['代表答复', 'done'],
      ['测评', 'skipped'],
    ]);
    expect(seen.progress).toMatchObject({ finished: true, ended: { label: '代表已直接答复' } });

    const d = await api.as('deputy03');
    const rejected = await d.createSuggestion({ title: '关于举办音乐节的建议', body: '建议每年举办一次城市音乐节。', submit: true });
    await office.act(rejected.id, 'reject', { reason: '属于商业活动，留作参考' });
    const rs = await d.getSuggestion(rejected.id);
    expect(rs.timeline.at(-1)).toMatchObject({ label: '不予立案，留作参考', note: '属于商业活动，留作参考' });
    expect(rs.progress.steps.map((s) => s.status)).toEqual(['done', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(rs.progress.ended).toMatchObject({ label: '不予立案（留作参考）' });
    expect(rs.progress.ended!.at).toBeTruthy();

    const w = await d.createSuggestion({ title: '关于增设自行车道的建议', body: '建议主干道增设自行车道。', submit: true });
    const ws = await d.act(w.id, 'withdraw', { reason: '重复提交' });
    expect(ws.progress).toMatchObject({ finished: true, ended: { label: '已撤回' } });
    const draft = await d.createSuggestion({ title: '草稿', body: '还没写完' });
    expect(draft.progress.steps[0]).toMatchObject({ status: 'current', hint: '草稿，还没有提交', at: null });
  });

  test('the intake preview answers with the level and whole deciding words', async () => {
    const deputy = await api.as('deputy01');
    const p = await deputy.classify('关于加快老旧小区加装电梯的建议', '老年人上下楼困难，建议简化加装电梯审批。');
    expect(p.confidenceLabel).toMatch(/^[高中低]$/);
    expect(p.lead?.why).not.toContain('上下');
    expect(p.departments.every((d, i) => i === 0 || d.score >= DEPARTMENT_FLOOR)).toBe(true);
  });
});

describe('the audience presenter itself', () => {
  const dept = (code: string, score: number, why: string[]) => ({ code, name: `${code}局`, score, why });
  const proposal = (over: Partial<RoutingProposal>): RoutingProposal => ({
    lead: dept('housing', 0.8, ['加装电梯', '上下', '建议', '梯']),
    co: [dept('finance', 0.12, ['补助'])],
    departments: [dept('housing', 0.8, ['加装电梯', '上下']), dept('finance', 0.12, ['补助']), dept('water', 0.03, [])],
    confidence: 0.8,
    threshold: 0.6,
    needsReview: false,
    modelVersion: 'v1',
    ...over,
  });
  const text = { title: '关于加快老旧小区加装电梯的建议', body: '老年人上下楼困难，建议加大补助力度。' };

  test('fragments, one-character and generic words are dropped; whole words and longer phrases stay', () => {
    expect(acceptableWords(['加装电梯', '上下', '建议', '梯', '补助', '老旧小区'], text)).toEqual(['加装电梯', '补助', '老旧小区']);
    expect(acceptableWords(['住建局'], { title: '住建局', body: '' })).toEqual(['住建局']);
    expect(acceptableWords(['不存在的词'], text)).toEqual([]);
  });

  test('levels, the floor and who reads what', () => {
    const office = presentRouting(proposal({}), 'office', text)!;
    expect(office).toMatchObject({ confidenceLevel: 'high', confidenceLabel: '高' });
    expect(office.lead!.why).toEqual(['加装电梯']);
    expect(office.departments.map((d) => d.code)).toEqual(['housing', 'finance']);
    expect(office.reasons[0]).toBe('来信提到“加装电梯”，属于housing局的职责');
    expect(office.reasons).toContain('把握高，可一键确认交办');
    expect(presentRouting(proposal({}), 'citizen', text)).toBeNull();
    expect(presentRouting(proposal({}), 'deputy', text)!.reasons).toHaveLength(1);
    const medium = presentRouting(proposal({ confidence: 0.45, needsReview: true }), 'office', text)!;
    expect(medium.confidenceLabel).toBe('中');
    expect(medium.reasons).toContain('把握中等，请核对后交办');
    const low = presentRouting(proposal({ confidence: 0.2, needsReview: true }), 'office', text)!;
    expect(low.confidenceLabel).toBe('低');
    // A lead without any acceptable word is never 高 or 中.
    const wordless = presentRouting(proposal({ lead: dept('housing', 0.9, ['上下']), confidence: 0.9 }), 'office', text)!;
    expect(wordless.confidenceLabel).not.toBe('高');
    expect(presentRouting(null, 'office')).toBeNull();
  });

  test('the timeline hides internal events from plain audiences and keeps them for the office', () => {
    const at = new Date('2026-03-02T02:00:00Z');
    const ev = (id: number, action: string, fromState: string | null, toState: string | null, note: string | null = null, data: object | null = null, actorRole = 'staff'): StoredEvent => ({
      id,
      action,
      fromState,
      toState,
      actorUserId: 9,
      actorName: '张科员',
      actorRole,
      note,
      data: data ? JSON.stringify(data) : null,
      createdAt: at,
    });
    const events = [
      ev(1, 'sign', 'assigned', 'assigned', '协办单位签收'),
      ev(2, 'request-extension', 'handling', 'handling', '申请延期 1 个月'),
      ev(3, 'decide-extension', 'handling', 'handling', '不同意延期', { approve: false }, 'office'),
      ev(4, 'reschedule', 'handling', 'handling', '期限调整'),
      ev(5, 'return', 'handling', 'handling', '协办单位退回：不是我们的'),
      ev(6, 'publish-answer', 'handling', 'answered', 'C 类：因条件限制暂难解决', { answerClass: 'C' }),
    ];
    expect(presentTimeline(events, 'citizen').map((e) => [e.label, e.note, e.actor.name])).toEqual([['答复', '办理结果：因条件限制暂难解决', '承办单位']]);
    expect(presentTimeline(events, 'office')).toHaveLength(6);
    // Days written into notes read as people write them.
    const consult = ev(7, 'consult', 'handling', 'handling', '2026-03-03 电话：已联系代表（申请延期至 2026-04-02）');
    expect(presentTimeline([consult], 'office')[0].note).toBe('2026年3月3日 电话：已联系代表（申请延期至 2026年4月2日）');
    const progress = presentProgress('answered', 1, events);
    expect(progress.current).toBe('rate');
  });

  test('every state and audience gets a plain sentence and a next step: Chinese, no ISO dates, no codes', () => {
    const deadlines = { returnBy: '2026-03-11', coOpinionBy: '2026-04-02', answerBy: '2026-06-02', redoBy: null, next: { kind: 'answer', label: '答复期限', date: '2026-06-02', workingDaysLeft: -3, provisional: false }, overdue: true, provisional: false, provisionalNote: null };
    for (const state of SUGGESTION_STATES) {
      for (const audience of VIEWERS) {
        for (const actions of [[], [...SUGGESTION_ACTIONS]] as const) {
          const f: PlainFacts = { state, round: 2, source: 'citizen', lead: '淄博市交通运输局', deputy: '李秀英', addressee: '李秀英代表', deadlines, actions, today: '2026-06-05', audience };
          const summary = presentSummary(f);
          const next = presentNextStep(f);
          for (const text of [summary, next?.text ?? '']) {
            expect(text).not.toMatch(/[A-Za-z]|\d{4}-\d{2}-\d{2}|undefined|null/);
          }
          expect(summary).toMatch(/。$/);
          if (['closed', 'referenced', 'withdrawn', 'replied'].includes(state)) expect(next).toBeNull();
          else expect(next!.text).toMatch(actions.length ? /^轮到您：/ : /^下一步：/);
          if (next?.due) expect(next.text).toContain('2026年6月2日（星期二）前');
          if (next?.due && next.due === deadlines.answerBy) expect(next.text).toContain('已逾期 3 个工作日');
        }
      }
    }
    for (const d of presentActions(SUGGESTION_ACTIONS, 'handling', 'citizen')) {
      expect(d.effect).toMatch(/^[^A-Za-z]+。$/);
      expect(d.irreversible).toBe(d.confirm !== null);
    }
  });
});
