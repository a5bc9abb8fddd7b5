/**
 * ISO 8601 text with a numeric offset, read into epoch milliseconds and written back letter for
 * letter: a time column keeps numbers, not a string per value.
 */
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written by `count` ASCII digits from `at`, or -1 where one is not a digit. */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const d = text.charCodeAt(at + k) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Characters expected at fixed places of YYYY-MM-DDTHH:MM:SS. */
const SEPARATORS: [number, string][] = [
  [4, '-'],
  [7, '-'],
  [10, 'T'],
  [13, ':'],
  [16, ':'],
];

export interface TimeText {
  epochMs: number;
  offsetMinutes: number;
  millis: boolean;
}

/**
 * The time a text names, when writing it back (timeText) gives the same text; else null. Read by
 * character codes, not a regular expression: a million cases carry six times each.
 */
export function readTimeText(text: string): TimeText | null {
  const millis = text.length === 29;
  if (text.length !== 25 && !millis) return null;
  for (const [at, c] of SEPARATORS) if (text[at] !== c) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  let ms = 0;
  let at = 19;
  if (millis) {
    if (text[19] !== '.') return null;
    ms = digits(text, 20, 3);
    at = 23;
  }
  const sign = text[at] === '+' ? 1 : text[at] === '-' ? -1 : 0;
  const offHours = digits(text, at + 1, 2);
  const offMinutes = digits(text, at + 4, 2);
  if (sign === 0 || text[at + 3] !== ':' || Math.min(year, month, day, hour, minute, second, ms, offHours, offMinutes) < 0) return null;
  // Years below 100 are read by Date.UTC as 19xx.
  if (year < 100) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && !leap ? 28 : DAYS[month - 1])) return null;
  if (hour > 23 || minute > 59 || second > 59 || offHours > 23 || offMinutes > 59) return null;
  // "-00:00" would come back as "+00:00".
  if (sign === -1 && offHours === 0 && offMinutes === 0) return null;
  const offsetMinutes = sign * (offHours * 60 + offMinutes);
  return { epochMs: Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000, offsetMinutes, millis };
}

/** Writes epoch milliseconds as ISO 8601 at an offset, e.g. 2021-03-04T21:13:00+08:00. */
export function timeText(epochMs: number, offsetMinutes: number, millis: boolean): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString();
  const abs = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local.slice(0, millis ? 23 : 19)}${offset}`;
}
