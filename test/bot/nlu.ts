/** The understanding layer's pure parts: normalising, slots, departments by any name, addressing, reply times. */
import { addressed } from '../../bot/addressing';
import { DepartmentIndex } from '../../bot/nlu/departments';
import { canonical, num } from '../../bot/nlu/normalize';
import { readDate, readId, readMonths, readPeople, readRating, readSlots } from '../../bot/nlu/slots';
import { defaultUnderstander, readCorpus } from '../../bot/nlu/understand';
import { timelineTime } from '../../bot/replies';

/** 2026-11-30 (a Monday) at noon in Beijing. */
const NOW = new Date('2026-11-30T04:00:00Z');

describe('normalising', () => {
  test.each([
    ['@履职通 那个，12号建议办到哪一步了啊', '12号建议办到哪一步了'],
    ['俺想提个建议', '我想提个建议'],
    ['提件议', '提建议'],
    ['延期12 两个月', '延期12 2个月'],
    ['第十二件', '第12件'],
    ['建议十二', '建议 12'],
    ['＃１２ 进度', '12 进度'],
    ['对的，提交吧', '对的，提交'],
  ])('%s → %s', (raw, want) => {
    expect(canonical(raw)).toBe(want);
  });
  test('numerals', () => {
    expect([num('两'), num('十二'), num('二十五'), num('一百零三'), num('三')]).toEqual([2, 12, 25, 103, 3]);
  });
});

describe('slots', () => {
  test.each([
    ['12号建议办到哪一步了', 12],
    ['第12件', 12],
    ['#12 进度', 12],
    ['建议 ３', 3],
    ['12月5日座谈', undefined],
    ['纳入2027年计划', undefined],
  ])('id of %s', (text, id) => {
    expect(readId(canonical(text))).toBe(id);
  });
  test('ratings in everyday words', () => {
    expect(['满意', '非常满意', '还行', '还可以', '一般', '基本满意', '不太满意', '不满意', '差评'].map((w) => readRating(w)?.rating)).toEqual([
      'satisfied', 'satisfied', 'basically_satisfied', 'basically_satisfied', 'basically_satisfied', 'basically_satisfied', 'dissatisfied', 'dissatisfied', 'dissatisfied',
    ]);
  });
  test('months and dates in Beijing time', () => {
    expect(readMonths(canonical('延期12 两个月'))).toBe(2);
    expect(readDate('昨天', NOW)).toBe('2026-11-29');
    expect(readDate('下周三', NOW)).toBe('2026-12-09');
    expect(readDate('上周五', NOW)).toBe('2026-11-27');
    expect(readDate('12月5日', NOW)).toBe('2026-12-05');
    // 23:30 UTC on the 29th is already the 30th in Beijing.
    expect(readDate('今天', new Date('2026-11-29T23:30:00Z'))).toBe('2026-11-30');
  });
  test('a reason is what is left once the command is taken out', () => {
    expect(readSlots('leave', canonical('3号会议请假，单位有接待任务'), '')).toEqual({ id: 3, reason: '单位有接待任务' });
    // When the meeting is, and a 会 inside the reason, are not taken for the command.
    expect(readSlots('leave', canonical('下周的4号会议我请个假，要出差'), '')).toEqual({ id: 4, reason: '要出差' });
    expect(readSlots('leave', canonical('3号会请假，下周三要去省里开会'), '')).toEqual({ id: 3, reason: '下周三要去省里开会' });
    expect(readSlots('reject', canonical('请驳回12号 不属于建议范围'), '')).toEqual({ id: 12, reason: '不属于建议范围' });
    expect(readSlots('extend', canonical('延期12 两个月'), '')).toEqual({ id: 12, months: 2 });
    expect(readSlots('rate', canonical('12号的答复我不满意，理由是补助标准没说清楚'), '')).toEqual({ id: 12, rating: 'dissatisfied', comment: '补助标准没说清楚' });
    expect(readSlots('consult', canonical('12号已面商，昨天电话沟通，代表同意方案'), '', NOW)).toEqual({ id: 12, date: '2026-11-29', method: 'phone', summary: '代表同意方案' });
  });
  test('people: usernames as written, names without 代表 and the label', () => {
    expect(readPeople(canonical('附议人：deputy06'))).toEqual(['deputy06']);
    expect(readPeople(canonical('加上张志强代表附议'))).toEqual(['张志强']);
    expect(readPeople(canonical('附议：王建国、刘海燕'))).toEqual(['王建国', '刘海燕']);
  });
});

describe('departments by any name', () => {
  const index = new DepartmentIndex([
    { code: 'housing', name: '淄博市住房和城乡建设局' },
    { code: 'finance', name: '淄博市财政局' },
    { code: 'urban', name: '淄博市城市管理局' },
    { code: 'health', name: '淄博市卫生健康委员会' },
    { code: 'hrss', name: '淄博市人力资源和社会保障局' },
    { code: 'fund', name: '淄博市住房公积金管理中心', aliases: ['公积金管理中心'] },
  ]);
  const codes = (text: string) => index.read(text).found.map((d) => d.code);
  test.each([
    ['住建局', ['housing']],
    ['住房城乡建设局', ['housing']],
    ['市住建', ['housing']],
    ['住房和城乡建设局 财政局', ['housing', 'finance']],
    ['住建局和财政局', ['housing', 'finance']],
    ['城管局、卫健委', ['urban', 'health']],
    ['人社局', ['hrss']],
    ['公积金管理中心', ['fund']],
    ['housing', ['housing']],
  ])('%s', (text, want) => {
    expect(codes(text)).toEqual(want);
  });
  test('a name that fits none is reported', () => {
    expect(index.read('宣传部').unknown).toEqual(['宣传部']);
  });
});

describe('addressing and reply times', () => {
  test('unaddressed group talk is never for the bot; a prefix, an @name or a conversation started there is', () => {
    expect(addressed({ text: '收到', inGroup: true, mentionsBot: false })).toBe(false);
    expect(addressed({ text: '#提建议', inGroup: true, mentionsBot: false })).toBe(true);
    expect(addressed({ text: '@履职通 我的建议', inGroup: true, mentionsBot: false })).toBe(true);
    expect(addressed({ text: '关于增加停车位的建议', inGroup: true, mentionsBot: false, continuing: true })).toBe(true);
    expect(addressed({ text: '随便说', inGroup: false, mentionsBot: false })).toBe(true);
  });
  test('a timeline line shows Beijing time', () => {
    expect(timelineTime('2026-11-29T23:05:00.000Z')).toBe('11-30 07:05');
  });
});

describe('the classifier', () => {
  test('trains from the corpus and reads held-out phrasings it never saw', () => {
    const nlu = defaultUnderstander();
    const heldout = readCorpus('heldout');
    const train = readCorpus('train');
    // No held-out line is in the training part of its own role (short phrasings may recur in other roles' files).
    expect(heldout.filter((l) => train.some((x) => x.role === l.role && x.text === l.text))).toEqual([]);
    const unseen = heldout.filter((l) => !train.some((x) => x.text === l.text));
    expect(unseen.length).toBeGreaterThan(100);
    const right = unseen.filter((l) => nlu.understand(l.text, l.role, NOW).intent === l.intent).length;
    expect(right / unseen.length).toBeGreaterThanOrEqual(0.95);
  });
  test('a request asked as a question carries no title: 能帮我提一条建议不 asks for one', () => {
    const nlu = defaultUnderstander();
    for (const text of ['我这边想反映个情况，能帮我提一条建议不', '能帮我提个建议吗', '提个建议行不行啊', '帮我写条建议呗']) {
      const u = nlu.understand(text, 'deputy', NOW);
      expect([text, u.intent, u.slots.title]).toEqual([text, 'suggest', undefined]);
    }
    expect(nlu.understand('提建议 修路', 'deputy', NOW).slots.title).toBe('修路');
    expect(nlu.understand('我想提个建议，关于加装电梯', 'deputy', NOW).slots.title).toBe('关于加装电梯');
  });
  test('limits itself to what the role can do', () => {
    const nlu = defaultUnderstander();
    expect(nlu.understand('签收 12', 'staff').intent).toBe('sign');
    expect(nlu.understand('签收 12', 'citizen').intent).not.toBe('sign');
  });
  test("opening with another role's act on a numbered suggestion is read as that, not as this role's content", () => {
    const nlu = defaultUnderstander();
    expect(nlu.understand('驳回 1 不属于建议', 'deputy', NOW)).toMatchObject({ intent: 'othersAct', slots: { act: 'reject', id: 1 } });
    expect(nlu.understand('立案12', 'deputy', NOW)).toMatchObject({ intent: 'othersAct', slots: { act: 'accept', id: 12 } });
    expect(nlu.understand('撤回 5', 'staff', NOW)).toMatchObject({ intent: 'othersAct', slots: { act: 'withdraw', id: 5 } });
    // Its own acts, and a description that only contains the word, stay what they were.
    expect(nlu.understand('撤回12', 'deputy', NOW).intent).toBe('withdraw');
    expect(nlu.understand('签收5', 'staff', NOW).intent).toBe('sign');
    expect(nlu.understand('驳回这个说法我不同意，建议重新调查', 'deputy', NOW).intent).not.toBe('othersAct');
  });
  test('the number after a rating is the suggestion, not the comment', () => {
    const nlu = defaultUnderstander();
    expect(nlu.understand('满意 12', 'deputy', NOW).slots).toEqual({ id: 12, rating: 'satisfied' });
    expect(nlu.understand('不满意 12 没有解决问题', 'deputy', NOW).slots).toEqual({ id: 12, rating: 'dissatisfied', comment: '没有解决问题' });
    expect(nlu.understand('满意 12号建议，谢谢', 'citizen', NOW).slots).toMatchObject({ id: 12, comment: '谢谢' });
  });
});
