import { addDays, addMonths, addWorkingDays, chinaDate, isWorkingDay, monthsDeadline, rollToWorkingDay, workingDaysLeft } from '../core/calendar/workdays';
import { assignmentDeadlines, describeDeadlines, redoDeadline } from '../core/suggestions/deadlines';
import { calendarSource, missingNextYearWarning, provisionalYearsSpanned, useOfficialYear, yearCalendar } from '../core/calendar/calendar';
import { statutoryHolidays } from '../core/calendar/statutory';

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

  test('working days left, read off running counts, equals counting day by day: across years, holidays, make-up days and an entered schedule', () => {
    const dayByDay = (a: string, b: string) => {
      let n = 0;
      for (let d = a; d < b; ) if (isWorkingDay((d = addDays(d, 1)))) n += 1;
      return n;
    };
    const days = Array.from({ length: 7 * 366 }, (_, i) => addDays('2024-01-01', i)).filter((d) => d < '2031-01-01');
    // A fixed spread of pairs: some within a day or a week, some over years, in both directions.
    const pairs = Array.from({ length: 600 }, (_, i) => [days[(i * 7919) % days.length], days[(i * 104729 + i * i) % days.length]] as const);
    pairs.push(['2025-09-26', '2025-10-13'], ['2026-12-31', '2027-01-04'], ['2024-12-31', '2025-01-01']);
    const check = () => {
      for (const [a, b] of pairs) expect([a, b, workingDaysLeft(a, b)]).toEqual([a, b, a <= b ? dayByDay(a, b) : -dayByDay(b, a)]);
    };
    check();
    // A year's schedule entered later (a make-up Saturday and a holiday of 2030) changes the counts at once.
    const before = workingDaysLeft('2030-01-01', '2030-12-31');
    expect(workingDaysLeft('2030-03-01', '2030-03-02')).toBe(0);
    useOfficialYear(2030, [...statutoryHolidays(2030), '2030-03-04'], ['2030-03-02']);
    expect(workingDaysLeft('2030-01-01', '2030-12-31')).toBe(before);
    expect(workingDaysLeft('2030-03-01', '2030-03-02')).toBe(1);
    expect(workingDaysLeft('2030-03-01', '2030-03-04')).toBe(1);
    check();
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
    // A deputy or citizen waits for the answer: its deadline is next even while the department may still return it.
    expect(describeDeadlines(d, '2025-09-30', false).next).toMatchObject({ kind: 'answer', date: '2025-12-26' });
    expect(describeDeadlines({ ...d, state: 'handling' }, '2025-12-29').overdue).toBe(true);
    expect(describeDeadlines({ ...d, state: 'answered' }, '2025-12-29').overdue).toBe(false);
  });
});

describe('the provisional calendar for a year the package lacks', () => {
  test('the statutory days of 2027: 元旦, 除夕 to 初三, 清明, 5-1 and 5-2, 端午, 中秋, 10-1 to 10-3', () => {
    expect(statutoryHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-02-05', // 除夕: 春节 is 2027-02-06
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    // 中秋 2028 falls on 10-03: one day, not two.
    expect(statutoryHolidays(2028).filter((d) => d.startsWith('2028-10-'))).toEqual(['2028-10-01', '2028-10-02', '2028-10-03']);
  });

  test.each([2025, 2026])('every statutory day of %i is a holiday in the official schedule the package ships', (year) => {
    expect(calendarSource(year)).toBe('package');
    const official = new Set(yearCalendar(year).holidays);
    expect(statutoryHolidays(year).filter((d) => !official.has(d))).toEqual([]);
  });

  test('2027 is provisional: weekends and statutory days rest, nothing else is guessed', () => {
    expect(calendarSource(2027)).toBe('provisional');
    expect(yearCalendar(2027).workdays).toEqual([]);
    expect(isWorkingDay('2027-02-08')).toBe(false); // 正月初三, a Monday
    expect(isWorkingDay('2027-02-09')).toBe(true);
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(monthsDeadline('2026-10-01', 3)).toBe('2027-01-04');
  });

  test('deadlines counted through a provisional year say so while the suggestion is open', () => {
    const d = { state: 'assigned' as const, round: 1, assignedOn: '2026-10-01', ...assignmentDeadlines('2026-10-01'), redoDueOn: null };
    expect(describeDeadlines(d, '2026-10-02')).toMatchObject({ answerBy: '2027-01-04', provisional: true });
    expect(describeDeadlines(d, '2026-10-02').provisionalNote).toBe('2027 年放假安排尚未公布，期限按法定节假日推算（未计调休），公布后将自动重算');
    expect(describeDeadlines({ ...d, state: 'closed' }, '2027-02-01').provisional).toBe(false);
    const known = { state: 'handling' as const, round: 1, assignedOn: '2025-09-26', ...assignmentDeadlines('2025-09-26'), redoDueOn: null };
    expect(describeDeadlines(known, '2025-10-01')).toMatchObject({ provisional: false, provisionalNote: null });
    expect(provisionalYearsSpanned(['2026-12-01', '2028-03-01'])).toEqual([2027, 2028]);
  });

  test('the warning about next year starts on 1 November (Beijing date)', () => {
    expect(missingNextYearWarning('2026-10-31')).toBeNull();
    expect(missingNextYearWarning('2026-11-01')).toContain('2027 年放假安排尚未录入');
    expect(missingNextYearWarning('2025-12-31')).toBeNull(); // 2026 is in the package
  });
});
