/**
 * The suggestion lists people work from, and which of them each role sees on its 办件 tab. The lists are API
 * queries; what a person may do with each item still comes from the API's `actions`.
 */
import type { Role } from '../../../contracts/enums';
import type { ListSuggestionsQuery } from '../../../contracts/schemas';

/** One list: its title, query, and what the empty list says to do next. */
export interface ListView {
  key: string;
  title: string;
  query: ListSuggestionsQuery;
  empty: string;
  next: string;
  /** The page that starts something new from an empty list. */
  start?: { label: string; url: string };
}

export const VIEWS: Record<string, ListView> = {
  mine: { key: 'mine', title: '我的建议', query: { mine: true }, empty: '还没有建议', next: '写下您调研到的问题和办法，系统会推荐承办单位。', start: { label: '写建议', url: '/pages/compose/index' } },
  opinions: { key: 'opinions', title: '我的意见', query: { mine: true }, empty: '还没有反映过意见', next: '到“找代表”选一位代表或联络站，把您的意见写给他们。', start: { label: '找代表', url: '/pages/deputies/index' } },
  received: { key: 'received', title: '群众来信', query: { state: 'received' }, empty: '暂时没有群众交来的意见', next: '群众扫您的二维码或在“找代表”里找到您后写的意见会出现在这里。' },
  rate: { key: 'rate', title: '待测评', query: { mine: true, state: 'answered' }, empty: '没有等待测评的答复', next: '承办单位答复后，请在这里评价是否满意。' },
  tasks: { key: 'tasks', title: '待办任务', query: { sort: 'deadline' }, empty: '暂时没有交办给本单位的建议', next: '人大交办后会出现在这里，并按答复期限排好顺序。' },
  overdue: { key: 'overdue', title: '逾期件', query: { overdue: true, sort: 'deadline' }, empty: '没有逾期未答复的建议', next: '期限临近时系统会提醒，超期后第一个工作日自动催办。' },
  queue: { key: 'queue', title: '待分办', query: { queue: 'routing' }, empty: '分办队列是空的', next: '代表提交的建议经审查立案后，会带着推荐的承办单位出现在这里。' },
  all: { key: 'all', title: '全部建议', query: {}, empty: '暂无建议', next: '代表提交建议后会出现在这里。' },
};

/** The lists on each role's 办件 tab, the most pressing first. */
export const WORK_VIEWS: Record<Role, string[]> = {
  citizen: ['opinions'],
  deputy: ['mine', 'received', 'rate'],
  staff: ['tasks', 'overdue'],
  office: ['queue', 'overdue', 'all'],
  admin: ['all'],
  service: [],
};
