/** The holiday calendar's requests and responses: GET /api/calendar?year= and PUT /api/calendar/:year. */
import { z } from 'zod';

export const CALENDAR_SOURCES = ['official', 'package', 'provisional'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

export const CALENDAR_SOURCE_LABELS: Record<CalendarSource, string> = {
  official: '已录入的官方安排',
  package: '官方安排（随日历组件发布）',
  provisional: '暂按法定节假日推算（尚未公布）',
};

export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

/** A year as it comes in a path or query string. */
export const CalendarYearParam = z
  .string({ error: '请提供年份，如 2027' })
  .trim()
  .regex(/^\d{4}$/, '年份应为四位数字，如 2027')
  .transform(Number)
  .refine((y) => y >= CALENDAR_MIN_YEAR && y <= CALENDAR_MAX_YEAR, `年份应在 ${CALENDAR_MIN_YEAR} 到 ${CALENDAR_MAX_YEAR} 之间`);

/** A real calendar date written `YYYY-MM-DD`. */
const calendarDate = z
  .string({ error: '日期必须是文字，写成 YYYY-MM-DD' })
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), { error: (i) => `日期“${String(i.input)}”应写成 YYYY-MM-DD，如 2027-02-05` })
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: (i) => `日期“${String(i.input)}”不存在` });

/** The official schedule of one year as the State Council publishes it. */
export const CalendarScheduleRequest = z.strictObject(
  {
    holidays: z.array(calendarDate, { error: '放假日期应是日期列表，如 ["2027-01-01"]' }).min(1, '请至少填写一个放假日期').max(366, '放假日期太多了'),
    workdays: z.array(calendarDate, { error: '调休上班日期应是日期列表，如 ["2027-02-20"]' }).max(366, '调休上班日期太多了').default([]),
  },
  { error: '请提交放假安排：{"holidays":[…],"workdays":[…]}' },
);

export const CalendarYearResponse = z.object({
  year: z.number(),
  /** official: entered by the admin; package: shipped with the calendar package; provisional: statutory rule only. */
  source: z.enum(CALENDAR_SOURCES),
  sourceLabel: z.string(),
  /** Days off other than ordinary weekends (the days of each holiday block, including weekend days in it). */
  holidays: z.array(z.string()),
  /** Make-up working days (调休上班) on weekends. */
  workdays: z.array(z.string()),
  /** Whether next year's official schedule is still missing although it is 1 November or later (Beijing). */
  missingNextYear: z.boolean(),
  warnings: z.array(z.string()),
});

export type CalendarScheduleRequest = z.input<typeof CalendarScheduleRequest>;
export type CalendarYearResponse = z.infer<typeof CalendarYearResponse>;
