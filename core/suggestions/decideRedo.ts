/**
 * After a second (or later) 不满意 the congress office decides: close the suggestion with its note, or order
 * the lead department to answer once more within 15 days. At most three rounds in all (policy.ts), so a
 * suggestion never loops between answer and redo.
 */
import type { Actor, CoreContext } from '../context';
import { conflict } from '../result';
import { fail } from '../useCase';
import { redoDeadline } from './deadlines';
import { performAction } from './perform';
import { redoRefusal } from './policy';
import { chinaDate } from '../../contracts/format';

/** awaiting_office → handling (one more round) or → closed (with the office's note). */
export function decideRedo(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'decide-redo', input, async ({ facts, now, today, input }) => {
    const s = facts.suggestion;
    if (!input.redo) {
      s.closedAt = now;
      return { to: 'closed', note: `办结：${input.note}`, data: { redo: false } };
    }
    const refused = redoRefusal(facts);
    if (refused) fail(conflict(refused));
    s.round += 1;
    s.redoDueOn = redoDeadline(today);
    s.answerDueOn = s.redoDueOn;
    s.answeredAt = null;
    return { to: 'handling', note: `再次重新办理（第 ${s.round} 轮，${chinaDate(s.redoDueOn)}前答复）：${input.note}`, data: { redo: true, redoDueOn: s.redoDueOn } };
  });
}
