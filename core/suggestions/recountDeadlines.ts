/**
 * When the holiday calendar changes (the admin enters a year's official schedule), every open suggestion's
 * deadlines are counted again; each one that moves gets a timeline event by the admin saying what moved, and
 * the departments handling it are told. Runs inside the calendar change's transaction.
 */
import { Op } from 'sequelize';
import { chinaDate, monthsDeadline } from '../calendar/workdays';
import type { Actor } from '../context';
import { ExtensionModel, RatingModel, SuggestionModel } from '../../models/definitions';
import { recordEvent } from './events';
import { loadFacts } from './facts';
import { publishEvents } from '../notifications/publishEvents';
import { suggestionEvents } from './notifications';
import { ANSWER_MONTHS, DEADLINE_LABELS, recountDeadlines, type StoredDeadlines } from './deadlines';

const FIELDS = Object.keys(DEADLINE_LABELS) as (keyof StoredDeadlines)[];

/** The day of the dissatisfied rating that opened round `round`, if any. */
async function redoStart(suggestionId: number, round: number): Promise<string | null> {
  if (round <= 1) return null;
  const r = await RatingModel.findOne({ where: { suggestionId, round: round - 1, rating: 'dissatisfied' }, order: [['id', 'DESC']] });
  return r ? chinaDate(r.createdAt) : null;
}

/** What moved, as people read it: “答复期限由 2027-01-04 调整为 2027-01-05”. */
function describeMoves(before: StoredDeadlines, after: StoredDeadlines): string[] {
  return FIELDS.filter((k) => before[k] !== after[k])
    .filter((k) => !(k === 'redoDueOn' && before.redoDueOn === before.answerDueOn && after.redoDueOn === after.answerDueOn))
    .map((k) => `${DEADLINE_LABELS[k]}由 ${before[k] ?? '无'} 调整为 ${after[k] ?? '无'}`);
}

/**
 * Recounts the deadlines of every assigned or handling suggestion after the calendar changed (`actor` entered it
 * at `now`; `cause` starts each timeline note, e.g. “2027 年放假安排公布”). Returns how many suggestions' deadlines moved.
 */
export async function recountOpenDeadlines(actor: Actor, cause: string, now: Date): Promise<number> {
  const open = await SuggestionModel.findAll({ where: { state: ['assigned', 'handling'], assignedOn: { [Op.ne]: null } }, order: [['id', 'ASC']] });
  let moved = 0;
  for (const row of open) {
    const facts = await loadFacts(row.id, true);
    if (!facts || !['assigned', 'handling'].includes(facts.state) || !facts.suggestion.assignedOn) continue;
    const s = facts.suggestion;
    const before: StoredDeadlines = { returnDueOn: s.returnDueOn, coOpinionDueOn: s.coOpinionDueOn, answerDueOn: s.answerDueOn, redoDueOn: s.redoDueOn };
    const after = recountDeadlines(before, s.assignedOn!, s.round, facts.approvedExtensionMonths, await redoStart(s.id, s.round));
    const moves = describeMoves(before, after);
    const pending = facts.pendingExtension;
    if (pending) {
      // A pending extension asks for a whole number of months from assignment: its target follows the calendar too.
      const toDueOn = monthsDeadline(s.assignedOn!, ANSWER_MONTHS + facts.approvedExtensionMonths + pending.months);
      if (pending.toDueOn !== toDueOn || pending.fromDueOn !== after.answerDueOn) {
        await ExtensionModel.update({ toDueOn, fromDueOn: after.answerDueOn ?? pending.fromDueOn }, { where: { id: pending.id } });
      }
    }
    if (!moves.length) continue;
    Object.assign(s, after);
    await s.save();
    const note = `${cause}，${moves.join('；')}`;
    const event = await recordEvent({ suggestionId: s.id, actor, action: 'reschedule', from: facts.state, to: facts.state, note, data: { cause, before, after }, at: now });
    await publishEvents(actor, suggestionEvents({ action: 'reschedule', from: facts.state, to: facts.state, eventId: event.id, note }, actor, facts), now);
    moved += 1;
  }
  return moved;
}
