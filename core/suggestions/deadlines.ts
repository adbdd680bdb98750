/** The suggestion clocks of DESIGN.md §3, all counted from assignment. */
import { addWorkingDays, daysDeadline, monthsDeadline, workingDaysLeft } from '../calendar/workdays';
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

export interface DeadlineFacts {
  state: SuggestionState;
  round: number;
  returnDueOn: string | null;
  coOpinionDueOn: string | null;
  answerDueOn: string | null;
  redoDueOn: string | null;
}

const OPEN_STATES: SuggestionState[] = ['assigned', 'handling'];

/** Whether the answer is late on `today`. */
export function isOverdue(f: DeadlineFacts, today: string): boolean {
  return OPEN_STATES.includes(f.state) && !!f.answerDueOn && today > f.answerDueOn;
}

/** The deadlines as the API shows them, with the next one that matters and the working days left. */
export function describeDeadlines(f: DeadlineFacts, today: string) {
  let next: { kind: string; label: string; date: string; workingDaysLeft: number } | null = null;
  if (OPEN_STATES.includes(f.state) && f.answerDueOn) {
    const kind = f.round > 1 ? 'redo' : 'answer';
    next = { kind, label: kind === 'redo' ? '重新答复期限' : '答复期限', date: f.answerDueOn, workingDaysLeft: workingDaysLeft(today, f.answerDueOn) };
    if (f.state === 'assigned' && f.returnDueOn && today <= f.returnDueOn) {
      next = { kind: 'return', label: '退回期限', date: f.returnDueOn, workingDaysLeft: workingDaysLeft(today, f.returnDueOn) };
    }
  }
  return {
    returnBy: f.returnDueOn,
    coOpinionBy: f.coOpinionDueOn,
    answerBy: f.answerDueOn,
    redoBy: f.redoDueOn,
    next,
    overdue: isOverdue(f, today),
  };
}
