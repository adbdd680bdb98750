/** The intent table: formal, colloquial, typo-tolerant and mixed-digit phrasings and what they mean. */
import { hasCommandPrefix, normalize, num, parseIntent, type Intent } from '../../bot/intents';

const TABLE: [string, Partial<Intent> & { kind: Intent['kind'] }][] = [
  // help
  ['帮助', { kind: 'help' }], ['菜单', { kind: 'help' }], ['help', { kind: 'help' }], ['HELP', { kind: 'help' }], ['?', { kind: 'help' }], ['？', { kind: 'help' }],
  ['怎么用', { kind: 'help' }], ['你能做什么', { kind: 'help' }], ['你能做什么？', { kind: 'help' }], ['能做什么', { kind: 'help' }], ['使用说明', { kind: 'help' }], ['有哪些功能', { kind: 'help' }],
  ['@履职通 帮助', { kind: 'help' }], ['/帮助', { kind: 'help' }], ['#菜单', { kind: 'help' }], ['履职通，帮助', { kind: 'help' }],
  // bind
  ['绑定 123456', { kind: 'bind', code: '123456' }], ['绑定123456', { kind: 'bind', code: '123456' }], ['绑定 １２３４５６', { kind: 'bind', code: '123456' }], ['綁定 654321', { kind: 'bind', code: '654321' }], ['绑定账号 111222', { kind: 'bind', code: '111222' }], ['bind 999000', { kind: 'bind', code: '999000' }],
  // suggest
  ['提建议', { kind: 'suggest' }], ['我要提建议', { kind: 'suggest' }], ['我想提个建议', { kind: 'suggest' }], ['提一个建议', { kind: 'suggest' }], ['写建议', { kind: 'suggest' }], ['提交建议', { kind: 'suggest' }],
  ['帮我提个建议', { kind: 'suggest' }], ['提条建议', { kind: 'suggest' }], ['发建议', { kind: 'suggest' }],
  ['提建议 增加公交线路｜早晚高峰等车时间太长', { kind: 'suggest', title: '增加公交线路', body: '早晚高峰等车时间太长' }],
  ['提建议 增加公交线路|早晚高峰等车时间太长', { kind: 'suggest', title: '增加公交线路', body: '早晚高峰等车时间太长' }],
  ['提建议：标题：规范共享单车停放，内容：地铁口乱停乱放', { kind: 'suggest', title: '规范共享单车停放', body: '地铁口乱停乱放' }],
  ['提建议\n加强校园周边交通管理\n放学时段拥堵严重', { kind: 'suggest', title: '加强校园周边交通管理', body: '放学时段拥堵严重' }],
  ['提建议 增加公交线路', { kind: 'suggest', title: '增加公交线路' }],
  // my suggestions
  ['我的建议', { kind: 'mySuggestions' }], ['查建议', { kind: 'mySuggestions' }], ['建议列表', { kind: 'mySuggestions' }], ['查看我的建议', { kind: 'mySuggestions' }], ['我提的建议', { kind: 'mySuggestions' }],
  ['建议进度', { kind: 'mySuggestions' }], ['建议办得怎么样了', { kind: 'mySuggestions' }], ['建议办得怎么样了？', { kind: 'mySuggestions' }], ['看看我的建议', { kind: 'mySuggestions' }], ['@履职通 我的建议', { kind: 'mySuggestions' }],
  // show suggestion
  ['建议 12', { kind: 'showSuggestion', id: 12 }], ['建议12', { kind: 'showSuggestion', id: 12 }], ['建议 １２', { kind: 'showSuggestion', id: 12 }], ['查看建议 7', { kind: 'showSuggestion', id: 7 }],
  ['看看建议3', { kind: 'showSuggestion', id: 3 }], ['建议第5号', { kind: 'showSuggestion', id: 5 }], ['建议 5 号', { kind: 'showSuggestion', id: 5 }], ['查一下建议 40', { kind: 'showSuggestion', id: 40 }],
  ['建议三', { kind: 'showSuggestion', id: 3 }], ['建议十二', { kind: 'showSuggestion', id: 12 }], ['建议 8 怎么样了', { kind: 'showSuggestion', id: 8 }], ['建议8进度', { kind: 'showSuggestion', id: 8 }],
  // rate
  ['评价 12 满意', { kind: 'rate', id: 12, rating: 'satisfied' }], ['评价12满意', { kind: 'rate', id: 12, rating: 'satisfied' }], ['评价 12 基本满意', { kind: 'rate', id: 12, rating: 'basically_satisfied' }],
  ['评价 12 不满意 没有落实', { kind: 'rate', id: 12, rating: 'dissatisfied', comment: '没有落实' }], ['评价 12 不满意，答复不具体', { kind: 'rate', id: 12, rating: 'dissatisfied', comment: '答复不具体' }],
  ['测评 3 非常满意', { kind: 'rate', id: 3, rating: 'satisfied' }], ['测评 3 很满意', { kind: 'rate', id: 3, rating: 'satisfied' }], ['评 ３ 满意', { kind: 'rate', id: 3, rating: 'satisfied' }],
  ['打分 4 还行', { kind: 'rate', id: 4, rating: 'basically_satisfied' }], ['评价建议5不太满意 还要跟进', { kind: 'rate', id: 5, rating: 'dissatisfied', comment: '还要跟进' }], ['评价 五 满意', { kind: 'rate', id: 5, rating: 'satisfied' }],
  // notices
  ['通知', { kind: 'notices' }], ['看通知', { kind: 'notices' }], ['未读通知', { kind: 'notices' }], ['有什么通知', { kind: 'notices' }], ['有没有通知？', { kind: 'notices' }], ['最新通知', { kind: 'notices' }], ['公告', { kind: 'notices' }], ['我的消息', { kind: 'notices' }],
  // ack
  ['收到', { kind: 'ack' }], ['收到！', { kind: 'ack' }], ['已收到', { kind: 'ack' }], ['已阅', { kind: 'ack' }], ['知道了', { kind: 'ack' }], ['收到 15', { kind: 'ack', id: 15 }], ['收到了', { kind: 'ack' }],
  // surveys and ballots
  ['问卷', { kind: 'surveys' }], ['填问卷', { kind: 'surveys' }], ['调查问卷', { kind: 'surveys' }], ['答问卷', { kind: 'surveys' }], ['问卷调查', { kind: 'surveys' }],
  ['票决', { kind: 'ballots' }], ['投票', { kind: 'ballots' }], ['去投票', { kind: 'ballots' }], ['我要投票', { kind: 'ballots' }],
  // meetings
  ['会议', { kind: 'meetings' }], ['开会', { kind: 'meetings' }], ['我的会议', { kind: 'meetings' }], ['近期会议', { kind: 'meetings' }], ['活动', { kind: 'meetings' }], ['有什么会', { kind: 'meetings' }], ['最近有什么会？', { kind: 'meetings' }], ['会议安排', { kind: 'meetings' }],
  ['参加 3', { kind: 'attend', id: 3 }], ['参加3', { kind: 'attend', id: 3 }], ['参会 3', { kind: 'attend', id: 3 }], ['出席 4', { kind: 'attend', id: 4 }], ['我参加 2', { kind: 'attend', id: 2 }], ['参加会议 ６', { kind: 'attend', id: 6 }],
  ['请假 3 在外地出差', { kind: 'leave', id: 3, reason: '在外地出差' }], ['请假3 生病住院', { kind: 'leave', id: 3, reason: '生病住院' }], ['请假 3，家里有事', { kind: 'leave', id: 3, reason: '家里有事' }], ['我请假 4', { kind: 'leave', id: 4 }], ['请假会议5 出差', { kind: 'leave', id: 5, reason: '出差' }],
  ['签到 123456', { kind: 'checkin', code: '123456' }], ['签到123456', { kind: 'checkin', code: '123456' }], ['签到 １２３４５６', { kind: 'checkin', code: '123456' }], ['打卡 654321', { kind: 'checkin', code: '654321' }], ['签到码：112233', { kind: 'checkin', code: '112233' }], ['会议签到 445566', { kind: 'checkin', code: '445566' }],
  // staff
  ['我的任务', { kind: 'tasks' }], ['任务', { kind: 'tasks' }], ['待办', { kind: 'tasks' }], ['待办事项', { kind: 'tasks' }], ['我的待办', { kind: 'tasks' }], ['待签收', { kind: 'tasks' }], ['任务列表', { kind: 'tasks' }],
  ['签收 12', { kind: 'sign', id: 12 }], ['签收12', { kind: 'sign', id: 12 }], ['签收 １２', { kind: 'sign', id: 12 }], ['签收建议 9', { kind: 'sign', id: 9 }], ['签收第3号', { kind: 'sign', id: 3 }],
  ['退回 12 不属于本单位职责', { kind: 'return', id: 12, reason: '不属于本单位职责' }], ['退回12，应由财政局主办', { kind: 'return', id: 12, reason: '应由财政局主办' }], ['退办 7 职责不符', { kind: 'return', id: 7, reason: '职责不符' }], ['退回 8', { kind: 'return', id: 8 }],
  ['答复 12', { kind: 'answer', id: 12 }], ['答复 12 B 已列入计划', { kind: 'answer', id: 12, answerClass: 'B', text: '已列入计划' }], ['答复12 a类 已解决', { kind: 'answer', id: 12, answerClass: 'A', text: '已解决' }],
  ['答复 12 C', { kind: 'answer', id: 12, answerClass: 'C' }], ['答复建议 3 D 留作参考', { kind: 'answer', id: 3, answerClass: 'D', text: '留作参考' }], ['回复建议 4 B类 正在推进', { kind: 'answer', id: 4, answerClass: 'B', text: '正在推进' }],
  ['延期 12 2个月 等预算批复', { kind: 'extend', id: 12, months: 2, reason: '等预算批复' }], ['延期12 需要跨部门协调', { kind: 'extend', id: 12, reason: '需要跨部门协调' }], ['申请延期 5 1个月 施工季节', { kind: 'extend', id: 5, months: 1, reason: '施工季节' }], ['延期 6 3月 资金未到位', { kind: 'extend', id: 6, months: 3, reason: '资金未到位' }],
  // office
  ['待分办', { kind: 'queue' }], ['分办', { kind: 'queue' }], ['待交办', { kind: 'queue' }], ['审查队列', { kind: 'queue' }], ['待审查', { kind: 'queue' }], ['待处理建议', { kind: 'queue' }],
  ['确认 12', { kind: 'confirm', id: 12 }], ['确认12', { kind: 'confirm', id: 12 }], ['确认 １２', { kind: 'confirm', id: 12 }], ['确认分办 3', { kind: 'confirm', id: 3 }], ['同意分办 4', { kind: 'confirm', id: 4 }],
  ['改派 12 住建局', { kind: 'reassign', id: 12, departments: ['住建局'] }], ['改派12 住建局 财政局', { kind: 'reassign', id: 12, departments: ['住建局', '财政局'] }], ['改派 12 给城管局', { kind: 'reassign', id: 12, departments: ['城管局'] }],
  ['改交 5 教育局、财政局', { kind: 'reassign', id: 5, departments: ['教育局', '财政局'] }], ['交办 6 到 housing', { kind: 'reassign', id: 6, departments: ['housing'] }],
  ['催办 12', { kind: 'urge', id: 12 }], ['催办12', { kind: 'urge', id: 12 }], ['催一下 12', { kind: 'urge', id: 12 }], ['催促 3', { kind: 'urge', id: 3 }],
  // conversation
  ['附议 deputy02 deputy03', { kind: 'cosign', usernames: ['deputy02', 'deputy03'] }], ['附议：deputy04，deputy05', { kind: 'cosign', usernames: ['deputy04', 'deputy05'] }],
  ['确认', { kind: 'yes' }], ['确定', { kind: 'yes' }], ['好的', { kind: 'yes' }], ['好', { kind: 'yes' }], ['是的', { kind: 'yes' }], ['可以', { kind: 'yes' }], ['提交', { kind: 'yes' }], ['没问题！', { kind: 'yes' }], ['OK', { kind: 'yes' }], ['ok', { kind: 'yes' }], ['行', { kind: 'yes' }],
  ['取消', { kind: 'no' }], ['算了', { kind: 'no' }], ['不要了', { kind: 'no' }], ['不提了', { kind: 'no' }], ['退出', { kind: 'no' }], ['不用了', { kind: 'no' }],
  ['跳过', { kind: 'skip' }], ['略过', { kind: 'skip' }],
  ['1', { kind: 'numbers', values: [1] }], ['１', { kind: 'numbers', values: [1] }], ['1 3', { kind: 'numbers', values: [1, 3] }], ['1,3', { kind: 'numbers', values: [1, 3] }], ['1，2，3', { kind: 'numbers', values: [1, 2, 3] }], ['2、4', { kind: 'numbers', values: [2, 4] }],
  ['小区门口路灯坏了很久了', { kind: 'text', text: '小区门口路灯坏了很久了' }], ['关于加快老旧小区加装电梯的建议', { kind: 'text', text: '关于加快老旧小区加装电梯的建议' }], ['大家好', { kind: 'text', text: '大家好' }],
];

describe('intent parsing', () => {
  test(`the table has at least 150 phrasings (${TABLE.length})`, () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(150);
  });
  test.each(TABLE)('%s', (text, expected) => {
    expect(parseIntent(text)).toEqual(expect.objectContaining(expected));
  });
  test('normalising keeps Chinese punctuation, folds full-width digits, strips @name and prefixes', () => {
    expect(normalize('@履职通 建议 １２，谢谢')).toBe('建议 12，谢谢');
    expect(normalize('/我的建议')).toBe('我的建议');
    expect(hasCommandPrefix('/帮助')).toBe(true);
    expect(hasCommandPrefix('＃帮助')).toBe(true);
    expect(hasCommandPrefix('大家好')).toBe(false);
    expect([num('十'), num('十二'), num('二十'), num('二十五'), num('7')]).toEqual([10, 12, 20, 25, 7]);
  });
});
