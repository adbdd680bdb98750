/**
 * The suggestion clock sweeps: answer-deadline warnings (7, 3 and 1 working days before), the urge notice the
 * working day after a deadline passes and the order 5 working days after that, co-handler opinions and redo
 * answers falling due. Each thing is sent once, whatever how often the sweep runs.
 */
import { Op } from 'sequelize';
import { SuggestionModel } from '../../models/definitions';
import { addWorkingDays, chinaDate, workingDaysLeft } from '../calendar/workdays';
import type { CoreContext } from '../context';
import { publishEvents } from '../notifications/publishEvents';
import { markOnce, systemActor } from '../sweeps/marks';
import { inTransaction } from '../useCase';
import { ok } from '../result';
import { orderSuggestion } from './orderSuggestion';
import { urgeSuggestion } from './urgeSuggestion';

export const WARNING_LEVELS = [7, 3, 1];
export const ORDER_AFTER_WORKING_DAYS = 5;

const open = () => SuggestionModel.findAll({ where: { state: ['assigned', 'handling'], answerDueOn: { [Op.ne]: null } } });

/** Warns the handling departments as the answer deadline approaches. */
export async function sweepDeadlineWarnings(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  let sent = 0;
  for (const s of await open()) {
    const left = workingDaysLeft(today, s.answerDueOn!);
    if (left <= 0) continue;
    const level = WARNING_LEVELS.filter((l) => l >= left).pop();
    if (level === undefined) continue;
    sent += await publishEvents(null, [{ type: 'suggestion.deadline', ref: { type: 'suggestion', id: s.id }, data: { left, level } }], now);
  }
  return sent;
}

/**
 * Urges overdue suggestions, and orders (责令) those still open five working days after the urge — as the system
 * actor, through the same use cases (and policy) as the office's own urge; the once-mark and the action share a
 * transaction, so a crash or a second runner never sends twice.
 */
export async function sweepOverdue(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  let done = 0;
  const system = await systemActor();
  for (const s of await open()) {
    if (today <= s.answerDueOn!) continue;
    const urgeOn = addWorkingDays(s.answerDueOn!, 1);
    const orderOn = addWorkingDays(urgeOn, ORDER_AFTER_WORKING_DAYS);
    const steps: ['urge' | 'order', string, string][] = [
      ['urge', urgeOn, `已超过答复期限 ${s.answerDueOn}，请抓紧办理并答复代表。`],
      ['order', orderOn, `催办后仍未答复（期限 ${s.answerDueOn}），责令在 ${ORDER_AFTER_WORKING_DAYS} 个工作日内答复并说明原因。`],
    ];
    for (const [step, on, note] of steps) {
      if (today < on) continue;
      const useCase = step === 'urge' ? urgeSuggestion : orderSuggestion;
      const r = await inTransaction(ctx, async () => {
        if (!(await markOnce(`${step}:${s.id}:${s.round}:${s.answerDueOn}`, 'overdue', now))) return ok(false);
        const acted = await useCase(ctx, system, s.id, { note });
        return acted.ok ? ok(true) : acted;
      });
      if (r.ok && r.value) done += 1;
    }
  }
  return done;
}

/** Reminds co-handlers whose written opinion falls due within 3 working days or is late. */
export async function sweepCoOpinions(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  let sent = 0;
  for (const s of await SuggestionModel.findAll({ where: { state: ['assigned', 'handling'], coOpinionDueOn: { [Op.ne]: null } } })) {
    const left = workingDaysLeft(today, s.coOpinionDueOn!);
    if (left > 3) continue;
    sent += await publishEvents(null, [{ type: 'suggestion.co-opinion', ref: { type: 'suggestion', id: s.id }, data: { late: left < 0 } }], now);
  }
  return sent;
}

/** Reminds the lead of a redo (after 不满意) due within 3 working days. */
export async function sweepRedo(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  let sent = 0;
  for (const s of await SuggestionModel.findAll({ where: { state: 'handling', round: { [Op.gt]: 1 }, redoDueOn: { [Op.ne]: null } } })) {
    const left = workingDaysLeft(today, s.redoDueOn!);
    if (left > 3 || left < 0) continue;
    sent += await publishEvents(null, [{ type: 'suggestion.redo-due', ref: { type: 'suggestion', id: s.id }, data: {} }], now);
  }
  return sent;
}
