import { addMonths, addWorkingDays, chinaDate, isWorkingDay, monthsDeadline, rollToWorkingDay, workingDaysLeft } from '../core/calendar/workdays';
import { assignmentDeadlines, describeDeadlines, redoDeadline } from '../core/suggestions/deadlines';

describe('the statutory clock', () => {
  test('knows the 2025 National Day holidays and the make-up working weekend days', () => {
    expect(isWorkingDay('2025-10-01')).toBe(false);
    expect(isWorkingDay('2025-10-08')).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, make-up day
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, make-up day
    expect(isWorkingDay('2025-10-12')).toBe(false);
  });

  test('the return window counts working days across the holidays and the make-up Saturday', () => {
    // Assigned Friday 26 Sep: 28 Sep (Sun, make-up), 29, 30 Sep, 9, 10, 11 (Sat, make-up), 13 Oct.
    expect(addWorkingDays('2025-09-26', 7)).toBe('2025-10-13');
    expect(assignmentDeadlines('2025-09-26').returnDueOn).toBe('2025-10-13');
    // Without the holidays the same count would end on 7 Oct.
    expect(addWorkingDays('2025-09-29', 3)).toBe('2025-10-10');
  });

  test('month deadlines landing in a holiday move to the next working day', () => {
    expect(addMonths('2025-07-01', 3)).toBe('2025-10-01');
    expect(monthsDeadline('2025-07-01', 3)).toBe('2025-10-09');
    expect(rollToWorkingDay('2025-10-11')).toBe('2025-10-11');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  test('working days left counts the deadline, not today, and goes negative when overdue', () => {
    expect(workingDaysLeft('2025-09-30', '2025-10-13')).toBe(4);
    expect(workingDaysLeft('2025-10-13', '2025-10-13')).toBe(0);
    expect(workingDaysLeft('2025-10-14', '2025-10-13')).toBe(-1);
    expect(workingDaysLeft('2025-10-20', '2025-10-13')).toBe(-5);
  });

  test('a redo after a dissatisfied rating is due 15 days later, rolled to a working day', () => {
    expect(redoDeadline('2025-09-20')).toBe('2025-10-09');
    expect(redoDeadline('2026-03-02')).toBe('2026-03-17');
  });

  test('dates are China dates', () => {
    expect(chinaDate(new Date('2025-09-30T16:30:00Z'))).toBe('2025-10-01');
    expect(chinaDate(new Date('2025-09-30T15:59:00Z'))).toBe('2025-09-30');
  });

  test('the next deadline and overdue flag', () => {
    const d = { state: 'assigned' as const, round: 1, ...assignmentDeadlines('2025-09-26'), redoDueOn: null };
    expect(describeDeadlines(d, '2025-09-30').next).toMatchObject({ kind: 'return', date: '2025-10-13', workingDaysLeft: 4 });
    expect(describeDeadlines(d, '2025-10-14').next).toMatchObject({ kind: 'answer', date: '2025-12-26' });
    expect(describeDeadlines({ ...d, state: 'handling' }, '2025-12-29').overdue).toBe(true);
    expect(describeDeadlines({ ...d, state: 'answered' }, '2025-12-29').overdue).toBe(false);
  });
});
