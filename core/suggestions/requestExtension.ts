/** The lead department asks for more time; the whole answer period may not pass six months from assignment. */
import { ExtensionModel } from '../../models/definitions';
import type { Actor, CoreContext } from '../context';
import { monthsDeadline } from '../calendar/workdays';
import { invalid } from '../result';
import { ANSWER_MONTHS, MAX_ANSWER_MONTHS } from './deadlines';
import { fail } from '../useCase';
import { performAction } from './perform';
import { chinaDate } from '../../contracts/format';

/** Files a pending extension request; the state does not change. */
export function requestExtension(ctx: CoreContext, actor: Actor, id: number, input: unknown) {
  return performAction(ctx, actor, id, 'request-extension', input, async ({ facts, now, input }) => {
    const s = facts.suggestion;
    const left = MAX_ANSWER_MONTHS - ANSWER_MONTHS - facts.approvedExtensionMonths;
    if (input.months > left) fail(invalid(left > 0 ? `最多还能延期 ${left} 个月（答复期限合计不超过 6 个月）` : '已延期到 6 个月的上限，不能再延期'));
    const toDueOn = monthsDeadline(s.assignedOn!, ANSWER_MONTHS + facts.approvedExtensionMonths + input.months);
    await ExtensionModel.create({
      suggestionId: s.id,
      departmentId: actor.departmentId!,
      requestedByUserId: actor.id,
      months: input.months,
      reason: input.reason,
      state: 'pending',
      fromDueOn: s.answerDueOn!,
      toDueOn,
      decidedByUserId: null,
      decidedAt: null,
      note: null,
      createdAt: now,
    });
    return { note: `申请延期 ${input.months} 个月（至${chinaDate(toDueOn)}）：${input.reason}`, data: { months: input.months, toDueOn } };
  });
}
