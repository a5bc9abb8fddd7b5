import { describe, expect, it } from 'vitest';
import type { IndicatorRates } from './indicators';
import { bandPoints, compositeScore, rankUnits, type Rankable, type Scoring } from './score';

const scoring: Scoring = {
  weights: { closureRate: 25, onTimeClosureRate: 30, onTimeHandlingRate: 25, reworkRate: 10, publicReportRate: 10 },
  bands: {
    closureRate: { zero: 0.8, full: 1 },
    onTimeClosureRate: { zero: 0.6, full: 0.98 },
    onTimeHandlingRate: { zero: 0.6, full: 0.98 },
    reworkRate: { zero: 0.15, full: 0 },
    publicReportRate: { zero: 0.8, full: 0.2 },
  },
  minCases: 10,
  flagBottom: 3,
  flagBottomUnits: 1,
};
const rates = (r: Partial<IndicatorRates>): IndicatorRates => ({
  closureRate: null,
  onTimeClosureRate: null,
  onTimeHandlingRate: null,
  reworkRate: null,
  publicReportRate: null,
  meanHandleMinutes: null,
  medianHandleMinutes: null,
  ...r,
});

describe('bandPoints', () => {
  it('is linear between zero and full and clamped outside, for rates where higher and where lower is better', () => {
    expect(bandPoints(0.9, { zero: 0.8, full: 1 })).toBeCloseTo(50);
    expect(bandPoints(0.5, { zero: 0.8, full: 1 })).toBe(0);
    expect(bandPoints(1, { zero: 0.8, full: 0.9 })).toBe(100);
    expect(bandPoints(0.03, { zero: 0.15, full: 0 })).toBeCloseTo(80);
  });
});

describe('compositeScore', () => {
  it('weighs each indicator by its weight', () => {
    // 100, 50, 0, 100, 100 points.
    const r = rates({ closureRate: 1, onTimeClosureRate: 0.79, onTimeHandlingRate: 0.6, reworkRate: 0, publicReportRate: 0.2 });
    expect(compositeScore(r, scoring)).toBeCloseTo((25 * 100 + 30 * 50 + 0 + 10 * 100 + 10 * 100) / 100, 2);
  });

  it('leaves out an indicator with no figure and lets the others carry the score', () => {
    expect(compositeScore(rates({ closureRate: 0.9, reworkRate: null }), scoring)).toBe(50);
    expect(compositeScore(rates({}), scoring)).toBeNull();
  });

  it('ignores an indicator weighted 0', () => {
    const only = { ...scoring, weights: { ...scoring.weights, closureRate: 0, onTimeHandlingRate: 0, reworkRate: 0, publicReportRate: 0 } };
    expect(compositeScore(rates({ closureRate: 0.8, onTimeClosureRate: 0.98 }), only)).toBe(100);
  });
});

describe('rankUnits', () => {
  const row = (code: string, score: number | null, extra: Partial<Rankable> = {}): Rankable => ({ code, score, due: 50, registered: 50, onTimeClosureRate: 0.9, ...extra });

  it('ranks by score and flags the last three', () => {
    const rows = ['a', 'b', 'c', 'd', 'e'].map((c, k) => row(c, 90 - k));
    expect(rankUnits(rows, scoring)).toEqual([
      { rank: 1, flagged: false },
      { rank: 2, flagged: false },
      { rank: 3, flagged: true },
      { rank: 4, flagged: true },
      { rank: 5, flagged: true },
    ]);
  });

  it('lists a unit below the minimum count without ranking it, and flags none while three or fewer are ranked', () => {
    const out = rankUnits([row('a', 80), row('b', 99, { due: 9 }), row('c', 70), row('d', null)], scoring);
    expect(out.map((r) => r.rank)).toEqual([1, null, 2, null]);
    expect(out.every((r) => !r.flagged)).toBe(true);
  });

  it('breaks a tie by the on-time closure rate, then the cases registered, then the code', () => {
    const out = rankUnits(
      [row('d', 80, { onTimeClosureRate: 0.9, registered: 40 }), row('c', 80, { onTimeClosureRate: 0.9, registered: 40 }), row('b', 80, { onTimeClosureRate: 0.9, registered: 60 }), row('a', 80, { onTimeClosureRate: 0.95 })],
      scoring,
    );
    expect(out.map((r) => r.rank)).toEqual([4, 3, 2, 1]);
  });
});
