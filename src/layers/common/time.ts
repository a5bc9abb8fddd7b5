import { z } from 'zod';

/** ISO 8601 with an explicit offset; the bundled data always writes +08:00 (China Standard Time). */
export const timestamp = z.iso.datetime({ offset: true });

export const CST_OFFSET_MS = 8 * 3600 * 1000;

/** Formats epoch milliseconds as local China time, e.g. 2021-03-04T21:13:00+08:00. */
export function formatCst(epochMs: number): string {
  const d = new Date(epochMs + CST_OFFSET_MS);
  return `${d.toISOString().slice(0, 19)}+08:00`;
}

export function parseCst(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - CST_OFFSET_MS;
}

/** The bundled dataset covers 2021-01-01 00:00 to 2026-10-31 24:00, China time. */
export const DATA_START_MS = parseCst(2021, 1, 1);
export const DATA_END_MS = parseCst(2026, 11, 1);
