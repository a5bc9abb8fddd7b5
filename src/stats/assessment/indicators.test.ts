import { describe, expect, it } from 'vitest';
import { parseCst } from '../../layers/common/time';
import { caseAt, tableOf } from '../warnings/testCases';
import { addIndicatorCounts, emptyCounts, indicatorRates, type IndicatorCounts } from './indicators';

const MIN = 60_000;
const HOUR = 60 * MIN;
const OCT = { from: parseCst(2025, 10, 1), to: parseCst(2025, 11, 1) };
const NOV = { from: parseCst(2025, 11, 1), to: parseCst(2025, 12, 1) };

function countsOf(cases: Parameters<typeof tableOf>[0], period = OCT): IndicatorCounts {
  const into = [emptyCounts()];
  addIndicatorCounts(tableOf(cases), period.from, period.to, () => [0], into);
  return into[0];
}

const reported = parseCst(2025, 10, 10, 9, 0);
const deadline = reported + 48 * HOUR;

describe('the assessment indicators, golden cases', () => {
  it('a case handled on its deadline to the minute is on time', () => {
    const c = countsOf([caseAt('a', reported, deadline, deadline)]);
    expect(c).toMatchObject({ registered: 1, due: 1, closed: 1, closedOnTime: 1, handleDue: 1, handled: 1, handledOnTime: 1, overdue: 0 });
  });

  it('a case handled a minute after its deadline is late, and overdue', () => {
    const c = countsOf([caseAt('a', reported, deadline + MIN, deadline)]);
    expect(c).toMatchObject({ due: 1, closed: 1, closedOnTime: 0, handled: 1, handledOnTime: 0, overdue: 1 });
    expect(indicatorRates(c)).toMatchObject({ closureRate: 1, onTimeClosureRate: 0, onTimeHandlingRate: 0 });
  });

  it('a case sent back twice counts once among the reworked', () => {
    const c = countsOf([caseAt('a', reported, reported + 30 * HOUR, deadline, { reworks: 2 }), caseAt('b', reported, reported + HOUR, deadline)]);
    expect(c).toMatchObject({ handled: 2, reworked: 1 });
    expect(indicatorRates(c).reworkRate).toBe(0.5);
  });

  it('a case closed after the period is due but not closed, and overdue once its deadline passed unhandled', () => {
    const late = parseCst(2025, 11, 3);
    const c = countsOf([caseAt('a', parseCst(2025, 10, 20), late, parseCst(2025, 10, 25))]);
    expect(c).toMatchObject({ registered: 1, due: 1, closed: 0, handled: 0, handleDue: 1, overdue: 1 });
    expect(indicatorRates(c).closureRate).toBe(0);
  });

  it('a case reported late in a month and due in the next is not yet due at the month end, and belongs to the month it was reported in', () => {
    const r = parseCst(2025, 10, 31, 23, 0);
    const spanning = caseAt('a', r, parseCst(2025, 11, 1, 8, 0), r + 48 * HOUR);
    expect(countsOf([spanning], OCT)).toMatchObject({ registered: 1, due: 0, closed: 0, handleDue: 0, overdue: 0 });
    expect(countsOf([spanning], NOV)).toMatchObject({ registered: 0, due: 0 });
    expect(countsOf([spanning], { from: OCT.from, to: NOV.to })).toMatchObject({ registered: 1, due: 1, closed: 1, closedOnTime: 1 });
  });

  it('a case closed early, before its deadline at the period end, is due and closed on time', () => {
    const r = parseCst(2025, 10, 30, 9, 0);
    const c = countsOf([caseAt('a', r, r + 2 * HOUR, parseCst(2025, 11, 5))]);
    expect(c).toMatchObject({ due: 1, closed: 1, closedOnTime: 1, handleDue: 1, handledOnTime: 1 });
  });

  it('handled but not yet closed at the period end: on time for handling, not closed', () => {
    const c = countsOf([caseAt('a', reported, reported + HOUR, deadline, { closedAt: new Date(parseCst(2025, 11, 2)).toISOString() })]);
    expect(c).toMatchObject({ due: 1, closed: 0, closedOnTime: 0, handled: 1, handledOnTime: 1 });
  });

  it('counts the hotline and the app as public reports, and patrols and sensors not', () => {
    const c = countsOf(['hotline', 'app', 'patrol', 'sensor'].map((source, k) => caseAt(`c${k}`, reported + k * MIN, null, deadline, { source })));
    expect(c.publicReports).toBe(2);
    expect(indicatorRates(c).publicReportRate).toBe(0.5);
  });

  it('gives the mean and the lower median of the minutes to handle', () => {
    const c = countsOf([10, 20, 40, 90].map((m, k) => caseAt(`c${k}`, reported + k, reported + k + m * MIN, deadline)));
    expect(indicatorRates(c)).toMatchObject({ meanHandleMinutes: 40, medianHandleMinutes: 20 });
  });

  it('has no rate where nothing is counted', () => {
    expect(indicatorRates(emptyCounts())).toEqual({
      closureRate: null,
      onTimeClosureRate: null,
      onTimeHandlingRate: null,
      reworkRate: null,
      publicReportRate: null,
      meanHandleMinutes: null,
      medianHandleMinutes: null,
    });
  });
});
