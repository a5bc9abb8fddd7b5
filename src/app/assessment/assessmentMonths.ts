import { DATA_START_MS, parseCst } from '../../layers/common/time';
import { isoDay } from '../../state/timePresets';
import type { Period } from '../../stats/assessment/periods';

/** 'YYYY-MM' of a moment, in China time. */
export function monthOf(ms: number): string {
  return isoDay(ms).slice(0, 7);
}

/** The calendar month 'YYYY-MM' as a period in China time. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split('-').map(Number);
  return { from: parseCst(y, m, 1), to: parseCst(y, m + 1, 1) };
}

/** The last month that had ended by `asOf`: the month assessed by default. */
export function lastWholeMonth(asOf: number): string {
  const current = monthPeriod(monthOf(asOf));
  return monthOf(current.from === asOf ? asOf - 1 : current.from - 1);
}

/** Every whole month from the first of the data to the last ended by `asOf`, latest first. */
export function assessableMonths(asOf: number, first = DATA_START_MS): string[] {
  const out: string[] = [];
  for (let month = lastWholeMonth(asOf); monthPeriod(month).from >= first; month = monthOf(monthPeriod(month).from - 1)) out.push(month);
  return out;
}
