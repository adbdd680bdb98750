/** The suggestion clocks of DESIGN.md §3, all counted from assignment. */
import { addWorkingDays, daysDeadline, monthsDeadline, workingDaysLeft } from '../calendar/workdays';
import { provisionalNote, provisionalYearsSpanned } from '../calendar/calendar';
import type { SuggestionState } from '../../contracts/enums';

export const RETURN_WINDOW_WORKING_DAYS = 7;
export const CO_OPINION_MONTHS = 1;
export const ANSWER_MONTHS = 3;
export const MAX_ANSWER_MONTHS = 6;
export const REDO_DAYS = 15;

/** The return window, co-handler opinion and answer deadlines for a suggestion assigned on `assignedOn`. */
export function assignmentDeadlines(assignedOn: string) {
  return {
    returnDueOn: addWorkingDays(assignedOn, RETURN_WINDOW_WORKING_DAYS),
    coOpinionDueOn: monthsDeadline(assignedOn, CO_OPINION_MONTHS),
    answerDueOn: monthsDeadline(assignedOn, ANSWER_MONTHS),
  };
}

/** The latest answer deadline any extension may reach. */
export function maxAnswerDue(assignedOn: string): string {
  return monthsDeadline(assignedOn, MAX_ANSWER_MONTHS);
}

/** The new answer deadline after a dissatisfied rating on `ratedOn`. */
export function redoDeadline(ratedOn: string): string {
  return daysDeadline(ratedOn, REDO_DAYS);
}

export interface StoredDeadlines {
  returnDueOn: string | null;
  coOpinionDueOn: string | null;
  answerDueOn: string | null;
  redoDueOn: string | null;
}

/**
 * An open suggestion's deadlines counted afresh with the calendar as it is now: from its assignment on
 * `assignedOn` (with `extensionMonths` approved), and in a redo round from the dissatisfied rating on `redoFrom`.
 * Deadlines it does not have (no co-handlers, no redo) stay absent; an answer deadline that an extension
 * moved during a redo round keeps following the extension.
 */
export function recountDeadlines(stored: StoredDeadlines, assignedOn: string, round: number, extensionMonths: number, redoFrom: string | null): StoredDeadlines {
  const base = assignmentDeadlines(assignedOn);
  const extended = monthsDeadline(assignedOn, ANSWER_MONTHS + extensionMonths);
  const redo = round > 1 && redoFrom && stored.redoDueOn ? redoDeadline(redoFrom) : stored.redoDueOn;
  return {
    returnDueOn: stored.returnDueOn ? base.returnDueOn : null,
    coOpinionDueOn: stored.coOpinionDueOn ? base.coOpinionDueOn : null,
    answerDueOn: stored.answerDueOn ? (round > 1 && stored.answerDueOn === stored.redoDueOn ? redo : extended) : null,
    redoDueOn: redo,
  };
}

export const DEADLINE_LABELS: Record<keyof StoredDeadlines, string> = {
  returnDueOn: '退回期限',
  coOpinionDueOn: '协办意见期限',
  answerDueOn: '答复期限',
  redoDueOn: '重新答复期限',
};

export interface DeadlineFacts {
  state: SuggestionState;
  round: number;
  returnDueOn: string | null;
  coOpinionDueOn: string | null;
  answerDueOn: string | null;
  redoDueOn: string | null;
  /** The day the clocks started (assignment); with the deadlines it tells which years they ran through. */
  assignedOn?: string | null;
}

const OPEN_STATES: SuggestionState[] = ['assigned', 'handling'];

/** Whether the answer is late on `today`. */
export function isOverdue(f: DeadlineFacts, today: string): boolean {
  return OPEN_STATES.includes(f.state) && !!f.answerDueOn && today > f.answerDueOn;
}

/** Whether a deadline counted from `assignedOn` to `date` went through a year whose holidays are not published yet. */
export function provisionalDue(assignedOn: string | null | undefined, date: string | null | undefined): boolean {
  return !!date && provisionalYearsSpanned([assignedOn, date]).length > 0;
}

/**
 * The deadlines as the API shows them, with the next one that matters and the working days left. While the
 * suggestion is open, deadlines counted through a year whose official holiday schedule is not known yet are
 * `provisional`, with a note saying so (they are recomputed when the schedule is entered).
 *
 * `handlers`: whether the reader handles the assignment (the department and the office), for whom the return
 * deadline comes first while a task awaits signing; a deputy or citizen waits for the answer, whose deadline is next.
 */
export function describeDeadlines(f: DeadlineFacts, today: string, handlers = true) {
  let next: { kind: string; label: string; date: string; workingDaysLeft: number; provisional: boolean } | null = null;
  // A date is provisional only when it was counted through such a year (a return deadline in December is not,
  // though the answer deadline in February is).
  const at = (date: string) => ({ date, workingDaysLeft: workingDaysLeft(today, date), provisional: provisionalDue(f.assignedOn, date) });
  if (OPEN_STATES.includes(f.state) && f.answerDueOn) {
    const kind = f.round > 1 ? 'redo' : 'answer';
    next = { kind, label: kind === 'redo' ? '重新答复期限' : '答复期限', ...at(f.answerDueOn) };
    if (handlers && f.state === 'assigned' && f.returnDueOn && today <= f.returnDueOn) {
      next = { kind: 'return', label: '退回期限', ...at(f.returnDueOn) };
    }
  }
  return {
    returnBy: f.returnDueOn,
    coOpinionBy: f.coOpinionDueOn,
    answerBy: f.answerDueOn,
    redoBy: f.redoDueOn,
    next,
    overdue: isOverdue(f, today),
    ...provisionalFlag(f),
  };
}

function provisionalFlag(f: DeadlineFacts): { provisional: boolean; provisionalNote: string | null } {
  const years = OPEN_STATES.includes(f.state) ? provisionalYearsSpanned([f.assignedOn, f.returnDueOn, f.coOpinionDueOn, f.answerDueOn, f.redoDueOn]) : [];
  return years.length ? { provisional: true, provisionalNote: provisionalNote(years) } : { provisional: false, provisionalNote: null };
}
