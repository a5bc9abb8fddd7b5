/**
 * ISO 8601 text with a numeric offset, read into epoch milliseconds and written back letter for
 * letter: a time column keeps numbers, not a string per value.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?([+-])(\d{2}):(\d{2})$/;

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface TimeText {
  epochMs: number;
  offsetMinutes: number;
  millis: boolean;
}

/** The time a text names, when writing it back (timeText) gives the same text; else null. */
export function readTimeText(text: string): TimeText | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && !leap ? 28 : DAYS[month - 1])) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offHours = Number(m[9]);
  const offMinutes = Number(m[10]);
  if (offHours > 23 || offMinutes > 59) return null;
  const sign = m[8] === '-' ? -1 : 1;
  // "-00:00" would come back as "+00:00".
  if (sign === -1 && offHours === 0 && offMinutes === 0) return null;
  const offsetMinutes = sign * (offHours * 60 + offMinutes);
  const ms = m[7] ? Number(m[7].slice(1)) : 0;
  const epochMs = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  // Years below 100 are read by Date.UTC as 19xx.
  if (year < 100) return null;
  return { epochMs, offsetMinutes, millis: m[7] !== undefined };
}

/** Writes epoch milliseconds as ISO 8601 at an offset, e.g. 2021-03-04T21:13:00+08:00. */
export function timeText(epochMs: number, offsetMinutes: number, millis: boolean): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString();
  const abs = Math.abs(offsetMinutes);
  const offset = `${offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local.slice(0, millis ? 23 : 19)}${offset}`;
}
