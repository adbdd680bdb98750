/**
 * The numbers that call for attention: unread messages and, per role, the items waiting for this person. Shown
 * on the home tiles and as badges on the 办件 and 消息 tabs.
 */
import Taro from '@tarojs/taro';
import type { Me } from '../../../contracts/schemas';
import type { ListSuggestionsQuery } from '../../../contracts/schemas';
import { api } from './api';

/** Unread messages, items to act on in all, and per list (by the list's key in services/views). */
export interface Counts {
  unread: number;
  todo: number;
  lists: Record<string, number>;
}

/** The lists whose items wait for a role: [list key, what of it waits]. */
const TODO: Partial<Record<Me['role'], [string, ListSuggestionsQuery][]>> = {
  citizen: [['opinions', { mine: true, state: 'answered' }]],
  deputy: [
    ['received', { state: 'received' }],
    ['rate', { mine: true, state: 'answered' }],
  ],
  staff: [
    ['tasks', { state: 'assigned' }],
    ['tasks', { state: 'handling' }],
  ],
  office: [['queue', { queue: 'routing' }]],
};

/** Counts for `me`, and the tab badges set to them. */
export async function loadCounts(me: Me): Promise<Counts> {
  const waits = TODO[me.role] ?? [];
  const [inbox, ...totals] = await Promise.all([api.inbox(true), ...waits.map(([, q]) => api.listSuggestions({ ...q, pageSize: 1 }).then((p) => p.total))]);
  const lists: Record<string, number> = {};
  waits.forEach(([key], i) => (lists[key] = (lists[key] ?? 0) + totals[i]));
  const counts = { unread: inbox.unread, todo: totals.reduce((a, b) => a + b, 0), lists };
  showBadges(counts);
  return counts;
}

const badge = (index: number, n: number) => {
  const done = () => undefined;
  if (n > 0) Taro.setTabBarBadge({ index, text: n > 99 ? '99+' : String(n) }).catch(done);
  else Taro.removeTabBarBadge({ index }).catch(done);
};

/** Puts the counts on the 办件 (to-do) and 消息 (unread) tabs (those given). */
export function showBadges(c: Partial<Counts>): void {
  try {
    if (c.todo !== undefined) badge(1, c.todo);
    if (c.unread !== undefined) badge(2, c.unread);
  } catch {
    /* not on a page with the tab bar */
  }
}
