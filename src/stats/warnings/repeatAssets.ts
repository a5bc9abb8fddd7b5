import type { CaseTable } from '../cases/caseTable';
import { firstReportedAtOrAfter } from '../cases/caseTable';

const DAY_MS = 86_400_000;

/** The rule an asset breaks: this many cases or more reported against it within so many days. */
export interface RepeatRule {
  minCases: number;
  days: number;
}

/** Three faults on one pole in 90 days; a cover broken again after a repair (two defects) in 90 days. */
export const REPEAT_RULES = { lamps: { minCases: 3, days: 90 }, manholes: { minCases: 2, days: 90 } } as const satisfies Record<string, RepeatRule>;

export interface RepeatAsset {
  asset: string;
  /** The asset's cases reported in the window, oldest first (rows of the table). */
  rows: number[];
  /** The newest of them. */
  last: number;
}

/**
 * Assets with at least `rule.minCases` cases reported in (now − days, now]: the same pole failing
 * again and again, or a cover repaired and broken again. `assetOf[row]` is each case's asset.
 * Most cases first, then the most recent, then by asset id.
 */
export function repeatAssets(table: CaseTable, assetOf: readonly string[], now: number, rule: RepeatRule, keep: (row: number) => boolean = () => true): RepeatAsset[] {
  const from = now - rule.days * DAY_MS;
  const byAsset = new Map<string, number[]>();
  const end = firstReportedAtOrAfter(table, now + 1);
  for (let i = firstReportedAtOrAfter(table, from + 1); i < end; i++) {
    if (!keep(i)) continue;
    const asset = assetOf[i];
    let rows = byAsset.get(asset);
    if (!rows) byAsset.set(asset, (rows = []));
    rows.push(i);
  }
  const repeats: RepeatAsset[] = [];
  for (const [asset, rows] of byAsset) if (rows.length >= rule.minCases) repeats.push({ asset, rows, last: table.reported[rows[rows.length - 1]] });
  return repeats.sort((a, b) => b.rows.length - a.rows.length || b.last - a.last || (a.asset < b.asset ? -1 : a.asset > b.asset ? 1 : 0));
}
