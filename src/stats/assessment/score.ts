import { INDICATORS_SCORED, type AssessmentConfig } from '../../assessment/config';
import type { IndicatorRates } from './indicators';

export type Scoring = AssessmentConfig['scoring'];

/** One indicator's points: 0 at the band's `zero`, 100 at its `full`, linear between and clamped. */
export function bandPoints(rate: number, band: { zero: number; full: number }): number {
  const t = (rate - band.zero) / (band.full - band.zero);
  return 100 * Math.min(1, Math.max(0, t));
}

/**
 * The composite score: each indicator's points weighted; an indicator with no figure (nothing due,
 * nothing handled) is left out and the other weights carry the score. Null when none has a figure.
 */
export function compositeScore(rates: IndicatorRates, scoring: Scoring): number | null {
  let sum = 0;
  let weights = 0;
  for (const k of INDICATORS_SCORED) {
    const rate = rates[k];
    const w = scoring.weights[k];
    if (rate === null || w === 0) continue;
    sum += w * bandPoints(rate, scoring.bands[k]);
    weights += w;
  }
  return weights > 0 ? Math.round((sum / weights) * 100) / 100 : null;
}

export interface Rankable {
  code: string;
  score: number | null;
  /** 应结案数: a unit below the minimum is listed, not ranked. */
  due: number;
  registered: number;
  onTimeClosureRate: number | null;
}

export interface Ranking {
  /** 1-based rank, or null for those not ranked. */
  rank: number | null;
  /** Among the last `flagBottom` ranked (none while no more than that are ranked). */
  flagged: boolean;
}

/**
 * Ranks by score, highest first. Ties (equal to the hundredth) go to the higher 按期结案率, then
 * to the larger 立案数 (more work done), then to the code in order. Units with fewer than
 * `minCases` cases due, or no score, are not ranked.
 */
export function rankUnits<T extends Rankable>(rows: readonly T[], scoring: Pick<Scoring, 'minCases' | 'flagBottom'>): Ranking[] {
  const ranked = rows
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.score !== null && row.due >= scoring.minCases)
    .sort(
      (a, b) =>
        b.row.score! - a.row.score! ||
        (b.row.onTimeClosureRate ?? -1) - (a.row.onTimeClosureRate ?? -1) ||
        b.row.registered - a.row.registered ||
        (a.row.code < b.row.code ? -1 : a.row.code > b.row.code ? 1 : 0),
    );
  const out: Ranking[] = rows.map(() => ({ rank: null, flagged: false }));
  // As the town table does: no one is flagged while there are no more ranked than would be.
  const flagFrom = ranked.length > scoring.flagBottom ? ranked.length - scoring.flagBottom : ranked.length;
  ranked.forEach(({ i }, k) => (out[i] = { rank: k + 1, flagged: k >= flagFrom }));
  return out;
}
