import { shippedAssessmentConfig } from '../../../test/support/assessmentConfig';
import { describe, expect, it } from 'vitest';
import { parseCst } from '../../layers/common/time';
import { caseAt, tableOf, TOWN_CODES } from '../warnings/testCases';
import { assessment } from './assessment';
import { previousPeriod, samePeriodLastYear } from './periods';

const config = shippedAssessmentConfig();
const HOUR = 3_600_000;
const OCT = { from: parseCst(2025, 10, 1), to: parseCst(2025, 11, 1) };

describe('periods', () => {
  it('compares a month with the month before and the same month a year before', () => {
    expect(previousPeriod(OCT)).toEqual({ from: parseCst(2025, 9, 1), to: OCT.from });
    expect(samePeriodLastYear(OCT)).toEqual({ from: parseCst(2024, 10, 1), to: parseCst(2024, 11, 1) });
    const quarter = { from: parseCst(2025, 7, 1), to: OCT.from };
    expect(previousPeriod(quarter)).toEqual({ from: parseCst(2025, 4, 1), to: quarter.from });
  });

  it('compares a period of days with the same length just before', () => {
    const week = { from: parseCst(2025, 10, 6), to: parseCst(2025, 10, 13) };
    expect(previousPeriod(week)).toEqual({ from: parseCst(2025, 9, 29), to: week.from });
  });
});

describe('assessment', () => {
  const r = parseCst(2025, 10, 10, 9);
  const cases = [
    // Town 1 (x < 1): two lamp faults of their own unit, one late.
    caseAt('a', r, r + HOUR, r + 48 * HOUR, { responsibleUnit: 'LAMP', source: 'hotline' }),
    caseAt('b', r + 1, r + 50 * HOUR, r + 48 * HOUR, { responsibleUnit: 'LAMP', source: 'patrol' }),
    // Town 2: one without a unit (an older file), one a year before, one the month before.
    caseAt('c', r + 2, r + HOUR, r + 48 * HOUR, { x: 1.5 }),
    caseAt('d', parseCst(2024, 10, 5), parseCst(2024, 10, 5, 3), parseCst(2024, 10, 6), { x: 1.5, responsibleUnit: 'LAMP' }),
    caseAt('e', parseCst(2025, 9, 5), parseCst(2025, 9, 9), parseCst(2025, 9, 6), { x: 1.5, responsibleUnit: 'LAMP' }),
  ];
  const answer = assessment([{ layer: 'lamps', table: tableOf(cases) }], TOWN_CODES, OCT, config);

  it('counts each case in the district, its town and its unit', () => {
    expect(answer.district.counts).toMatchObject({ registered: 3, due: 3, closed: 3, closedOnTime: 2, overdue: 1, publicReports: 1 });
    expect(answer.towns.map((t) => [t.code, t.counts.registered, t.counts.closedOnTime])).toEqual([
      ['370114001', 2, 1],
      ['370114002', 1, 1],
    ]);
    const lamp = answer.units.find((u) => u.code === 'LAMP')!;
    expect(lamp.counts.registered).toBe(3);
  });

  it('gives a lamp fault without a unit to the lamp office by default, and says how many', () => {
    expect(answer.unitsByDefault).toBe(1);
    expect(answer.unitsUnknown).toBe(0);
  });

  it('lists only units with cases in one of the periods', () => {
    expect(answer.units.map((u) => u.code)).toEqual(['LAMP']);
  });

  it('gives the month before and the same month a year before', () => {
    expect(answer.district.previous.counts).toMatchObject({ registered: 1, closed: 1, closedOnTime: 0, overdue: 1 });
    expect(answer.district.lastYear.counts).toMatchObject({ registered: 1, closedOnTime: 1 });
    expect(answer.previousPeriod).toEqual({ from: parseCst(2025, 9, 1), to: OCT.from });
  });

  it('scores each row and ranks none below the minimum of cases due', () => {
    expect(answer.district.score).not.toBeNull();
    expect(answer.towns.every((t) => t.rank === null && !t.flagged)).toBe(true);
    const loose = assessment([{ layer: 'lamps', table: tableOf(cases) }], TOWN_CODES, OCT, { ...config, scoring: { ...config.scoring, minCases: 1 } });
    expect(loose.towns.map((t) => t.rank)).toEqual([2, 1]);
  });

  it('flags the last units by their own count, apart from the towns’ three', () => {
    const units = [
      caseAt('u1', r, r + HOUR, r + 48 * HOUR, { responsibleUnit: 'LAMP' }),
      caseAt('u2', r, r + 50 * HOUR, r + 48 * HOUR, { responsibleUnit: 'DRAIN' }),
      caseAt('u3', r, r + HOUR, r + 48 * HOUR, { responsibleUnit: 'GAS' }),
    ];
    const scoring = { ...config.scoring, minCases: 1 };
    const one = assessment([{ layer: 'lamps', table: tableOf(units) }], TOWN_CODES, OCT, { ...config, scoring: { ...scoring, flagBottomUnits: 1 } });
    expect(one.units.filter((u) => u.flagged).map((u) => u.code)).toEqual(['DRAIN']);
    const none = assessment([{ layer: 'lamps', table: tableOf(units) }], TOWN_CODES, OCT, { ...config, scoring: { ...scoring, flagBottomUnits: 3 } });
    expect(none.units.some((u) => u.flagged)).toBe(false);
  });
});
