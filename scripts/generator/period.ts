import { DATA_END_MS } from '../../src/layers/common/time';

/** Full years 2021-2025 and 2026 up to the end of October. */
export const YEARS = [2021, 2022, 2023, 2024, 2025, 2026] as const;
export const LAST_YEAR_MONTHS = 10;
export const END_MS = DATA_END_MS;
export const lastMonthOf = (year: number) => (year === 2026 ? LAST_YEAR_MONTHS : 12);
/** A moment's year, China time. */
export const yearOf = (ms: number) => new Date(ms + 8 * 3_600_000).getUTCFullYear();
