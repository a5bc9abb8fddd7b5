import { CST_OFFSET_MS } from '../../layers/common/time';

export interface Period {
  from: number;
  to: number;
}

/** The same China-time moment `months` calendar months later (earlier when negative). */
export function shiftMonths(ms: number, months: number): number {
  const d = new Date(ms + CST_OFFSET_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()) - CST_OFFSET_MS;
}

const isMonthStart = (ms: number) => {
  const d = new Date(ms + CST_OFFSET_MS);
  return d.getUTCDate() === 1 && d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
};

/** Whole calendar months in China time, and how many. */
export function wholeMonths(p: Period): number | null {
  if (!isMonthStart(p.from) || !isMonthStart(p.to) || p.to <= p.from) return null;
  const a = new Date(p.from + CST_OFFSET_MS);
  const b = new Date(p.to + CST_OFFSET_MS);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}

/** 环比: the months just before a period of whole months, else the same length just before. */
export function previousPeriod(p: Period): Period {
  const months = wholeMonths(p);
  if (months !== null) return { from: shiftMonths(p.from, -months), to: p.from };
  return { from: p.from - (p.to - p.from), to: p.from };
}

/** 同比: the same dates a year before. */
export function samePeriodLastYear(p: Period): Period {
  return { from: shiftMonths(p.from, -12), to: shiftMonths(p.to, -12) };
}
