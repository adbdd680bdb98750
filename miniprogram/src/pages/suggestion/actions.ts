/** The detail page's action buttons as the API presents them: what to ask before an irreversible one. */
import { ACTION_LABELS } from '../../../../contracts/labels';
import type { SuggestionAction } from '../../../../contracts/enums';
import type { SuggestionDetail } from '../../../../contracts/schemas';
import { confirm } from '../../services/confirm';

/** The button of `action` as the API presents it for this reader (label, what it does, the question to ask). */
export type ActionDetail = SuggestionDetail['actionDetails'][number];

/** A confirmation button's text: WeChat's modal takes at most four characters. */
export const confirmText = (action: SuggestionAction): string => (ACTION_LABELS[action].length <= 4 ? ACTION_LABELS[action] : '确定');

/**
 * Asks before an act the API marks irreversible, with its question (and for 按分办建议交办 the departments it
 * goes to); resolves true at once for the others.
 */
export async function askFirst(s: SuggestionDetail, detail: ActionDetail): Promise<boolean> {
  if (!detail.irreversible) return true;
  const lead = s.routing?.lead?.name;
  const co = s.routing?.co.map((c) => c.name).join('、');
  const to = detail.action === 'confirm' && lead ? `由${lead}主办${co ? `，${co}协办` : ''}。` : '';
  return confirm(`${detail.label}？`, `${to}${detail.confirm ?? detail.effect}`, confirmText(detail.action));
}

/** The toast after an act: 已签收; a long label just says it is done (WeChat's toast shows seven characters). */
export const doneText = (action: SuggestionAction): string => (ACTION_LABELS[action].length <= 6 ? `已${ACTION_LABELS[action]}` : '已完成');
