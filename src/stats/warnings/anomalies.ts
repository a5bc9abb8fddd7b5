import { firstReportedAtOrAfter, type CaseTable } from '../cases/caseTable';
import { countModel, quantile, upperTail } from './countModel';
import type { WarningLayer } from './warnings';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * The windows looked at: the last 6 hours, 24 hours and 7 days before the moment. Each is
 * compared with the same hours of the week in the weeks before (hour-of-week baselines).
 */
export const ANOMALY_WINDOWS = { hours: DAY_MS / 4, day: DAY_MS, week: WEEK_MS } as const;
export type AnomalyWindow = keyof typeof ANOMALY_WINDOWS;

/**
 * The baseline, documented in the README ("Early warning"):
 * - level: the mean of the same window 1 to 8 weeks before, leaving out the highest of the eight
 *   (one past spike does not raise the bar); the spread of those seven sets the band's width;
 * - season: how much the district's week at this time of year rose above its eight weeks before,
 *   in each earlier year the data covers (the median of the years, kept within 0.5–3): a summer
 *   that always brings more lamp faults is expected, not flagged;
 * - band: Poisson, or negative binomial when the weeks spread wider; "usual" is its 5–95 % range;
 * - flagged: a count of at least `minCount[window]` whose chance under the band is below `pMax`.
 */
export const ANOMALY_RULE = { recentWeeks: 8, years: 3, pMax: 1e-4, minCount: { hours: 4, day: 4, week: 8 }, season: { min: 0.5, max: 3 } } as const;

/** A count above its baseline: when, how many, what was expected, the usual range (5–95 % of the band) and the chance of as many or more. */
export interface CountBand {
  from: number;
  to: number;
  count: number;
  expected: number;
  low: number;
  high: number;
  p: number;
}

export interface Anomaly extends CountBand {
  layer: WarningLayer;
  window: AnomalyWindow;
  /** Town code; null: the whole district. */
  town: string | null;
  /** A category's value (entries of the district's or a town's category); null: every category. */
  category: string | null;
  seasonal: number;
  /** Town entries: the category most reported in the window, with its count. */
  top?: { category: string; count: number };
}

/** Counts of the cases reported in [from, to) per town slot (0: outside) and per category, under `keep`. */
function countWindow(table: CaseTable, from: number, to: number, slots: number, keep: (row: number) => boolean) {
  const byTown = new Float64Array(slots);
  const byCategory = new Float64Array(256);
  const byTownCategory = new Map<number, Float64Array>();
  let total = 0;
  for (let i = firstReportedAtOrAfter(table, from), end = firstReportedAtOrAfter(table, to); i < end; i++) {
    if (!keep(i)) continue;
    const slot = table.town[i] + 1;
    byTown[slot]++;
    byCategory[table.category[i]]++;
    let perCategory = byTownCategory.get(slot);
    if (!perCategory) byTownCategory.set(slot, (perCategory = new Float64Array(256)));
    perCategory[table.category[i]]++;
    total++;
  }
  return { byTown, byCategory, byTownCategory, total };
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The level of past counts, the highest left out (one past spike does not raise the bar), and
 * their spread, all of them counted (a spread from seven quiet weeks would be too narrow).
 */
export function trimmedLevel(counts: readonly number[]): { mean: number; variance: number } {
  const kept = [...counts].sort((a, b) => a - b).slice(0, Math.max(1, counts.length - 1));
  const mean = kept.reduce((a, b) => a + b, 0) / kept.length;
  const all = counts.reduce((a, b) => a + b, 0) / counts.length;
  const variance = counts.length > 1 ? counts.reduce((a, b) => a + (b - all) ** 2, 0) / (counts.length - 1) : mean;
  return { mean, variance };
}

/**
 * The district's seasonal factor for a layer at `now`: per earlier year, its week around this date
 * (the mean of three weeks centred 52 weeks × year before) over the mean of the eight weeks before
 * those; the median of the years the data covers, kept within the rule's bounds; 1 without any.
 */
export function seasonalFactor(table: CaseTable, now: number, keep: (row: number) => boolean): number {
  const first = table.size > 0 ? table.reported[0] : Infinity;
  const week = (end: number) => countKept(table, end - WEEK_MS, end, keep);
  const ratios: number[] = [];
  for (let y = 1; y <= ANOMALY_RULE.years; y++) {
    const centre = now - 52 * y * WEEK_MS;
    if (centre - (ANOMALY_RULE.recentWeeks + 1) * WEEK_MS < first) break;
    const around = [-1, 0, 1].map((j) => week(centre + j * WEEK_MS));
    const before = Array.from({ length: ANOMALY_RULE.recentWeeks }, (_, k) => week(centre - (k + 1) * WEEK_MS));
    const level = trimmedLevel(before).mean;
    if (level > 0) ratios.push(around.reduce((a, b) => a + b, 0) / 3 / level);
  }
  if (ratios.length === 0) return 1;
  return Math.min(ANOMALY_RULE.season.max, Math.max(ANOMALY_RULE.season.min, median(ratios)));
}

/**
 * The band of a count against its past windows, times the seasonal factor, when the chance of as
 * many or more is below the rule's; null otherwise. The anomalies and the clusters both judge so.
 */
export function flaggedBand(count: number, history: readonly number[], seasonal: number): Omit<CountBand, 'from' | 'to'> | null {
  const level = trimmedLevel(history);
  const model = countModel(level.mean * seasonal, level.variance * seasonal * seasonal);
  const p = upperTail(model, count);
  return p < ANOMALY_RULE.pMax ? { count, expected: model.mean, low: quantile(model, 0.05), high: quantile(model, 0.95), p } : null;
}

/** Cases reported in [from, to) under `keep`. */
export function countKept(table: CaseTable, from: number, to: number, keep: (row: number) => boolean): number {
  let n = 0;
  for (let i = firstReportedAtOrAfter(table, from), end = firstReportedAtOrAfter(table, to); i < end; i++) if (keep(i)) n++;
  return n;
}

/**
 * The anomalies of one case layer at `now`: each town's cases, and the district's cases of each
 * category, over the last day and the last week, against their baselines. Most unlikely first.
 */
export function layerAnomalies(
  layer: WarningLayer,
  table: CaseTable,
  codes: readonly string[],
  now: number,
  keep: (row: number) => boolean,
  keepTown: Uint8Array,
  seasonal = seasonalFactor(table, now, keep),
): Anomaly[] {
  const slots = codes.length + 1;
  const first = table.size > 0 ? table.reported[0] : Infinity;
  const found: Anomaly[] = [];
  for (const window of Object.keys(ANOMALY_WINDOWS) as AnomalyWindow[]) {
    const length = ANOMALY_WINDOWS[window];
    const from = now - length;
    const current = countWindow(table, from, now, slots, keep);
    const recent = Array.from({ length: ANOMALY_RULE.recentWeeks }, (_, k) => now - (k + 1) * WEEK_MS)
      .filter((end) => end - length >= first)
      .map((end) => countWindow(table, end - length, end, slots, keep));
    if (recent.length < ANOMALY_RULE.recentWeeks) continue;
    const judge = (count: number, history: number[]) => {
      if (count < ANOMALY_RULE.minCount[window]) return null;
      const band = flaggedBand(count, history, seasonal);
      return band && { ...band, seasonal };
    };
    for (let slot = 1; slot < slots; slot++) {
      if (keepTown[slot] !== 1) continue;
      const flagged = judge(current.byTown[slot], recent.map((r) => r.byTown[slot]));
      if (!flagged) continue;
      // The most reported category; of equals, the first by name (as the SQL orders them).
      const perCategory = current.byTownCategory.get(slot)!;
      let top = { category: '', count: 0 };
      perCategory.forEach((n, c) => {
        const category = table.categories[c] ?? '';
        if (n > top.count || (n === top.count && n > 0 && category < top.category)) top = { category, count: n };
      });
      found.push({ layer, window, town: codes[slot - 1], category: null, from, to: now, ...flagged, top });
    }
    // Each town's own categories: one kind of problem surging in one town, which the town's total may hide.
    for (let slot = 1; slot < slots; slot++) {
      const perCategory = current.byTownCategory.get(slot);
      if (keepTown[slot] !== 1 || !perCategory) continue;
      for (let c = 0; c < table.categories.length; c++) {
        const flagged = judge(perCategory[c], recent.map((r) => r.byTownCategory.get(slot)?.[c] ?? 0));
        if (flagged) found.push({ layer, window, town: codes[slot - 1], category: table.categories[c], from, to: now, ...flagged });
      }
    }
    for (let c = 0; c < table.categories.length; c++) {
      const flagged = judge(current.byCategory[c], recent.map((r) => r.byCategory[c]));
      if (flagged) found.push({ layer, window, town: null, category: table.categories[c], from, to: now, ...flagged });
    }
  }
  return found.sort((a, b) => a.p - b.p);
}
