import { CST_OFFSET_MS } from '../layers/common/time';
import type { AssessmentConfig, TimeLimit } from './config';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export type WorkCalendar = AssessmentConfig['calendar'];

/** Days counted in China time from the epoch; the day of a time stamp is its China day. */
const chinaDay = (ms: number) => Math.floor((ms + CST_OFFSET_MS) / DAY_MS);
const dayOfIso = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);

/** Whether a China day is worked: not a weekend day unless made up, and not a holiday. */
export function workingDayTest(calendar: WorkCalendar): (day: number) => boolean {
  const holidays = new Set(calendar.holidays.map(dayOfIso));
  const workdays = new Set(calendar.workdays.map(dayOfIso));
  const weekend = new Set(calendar.weekend);
  return (day) => {
    if (workdays.has(day)) return true;
    if (holidays.has(day)) return false;
    const weekday = new Date(day * DAY_MS).getUTCDay() || 7;
    return !weekend.has(weekday);
  };
}

/**
 * The deadline of a case reported at `reportedMs`: that many hours later, or the same time of day on
 * the n-th working day after the day it was reported (a Saturday report with one working day is due on
 * Monday at the same time).
 */
export function deadlineAfter(reportedMs: number, limit: TimeLimit, isWorkingDay: (day: number) => boolean): number {
  if ('hours' in limit) return reportedMs + Math.round(limit.hours * HOUR_MS);
  const start = chinaDay(reportedMs);
  let day = start;
  for (let counted = 0; counted < limit.workingDays; ) if (isWorkingDay(++day)) counted++;
  return reportedMs + (day - start) * DAY_MS;
}

/** The limit of a category for one class of case: the class's own where the table gives one. */
export function limitOf(config: AssessmentConfig, category: string, condition: string): TimeLimit | undefined {
  const row = config.categories.find((c) => c.code === category);
  return row ? (row.conditions?.[condition] ?? row.limit) : undefined;
}
