import { shippedAssessmentConfig } from '../../../test/support/assessmentConfig';
import { describe, expect, it } from 'vitest';
import { parseCst } from '../../layers/common/time';
import { caseAt, tableOf, TOWN_CODES } from '../warnings/testCases';
import { assessmentDetail, trendMonths } from './report';

const config = shippedAssessmentConfig();
const HOUR = 3_600_000;
const OCT = { from: parseCst(2025, 10, 1), to: parseCst(2025, 11, 1) };

describe('trendMonths', () => {
  it('gives the twelve months ending with the period’s last month', () => {
    const months = trendMonths(OCT);
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ from: parseCst(2024, 11, 1), to: parseCst(2024, 12, 1) });
    expect(months[11]).toEqual(OCT);
    expect(trendMonths({ from: parseCst(2025, 10, 25), to: parseCst(2025, 11, 4) })[11]).toEqual({ from: parseCst(2025, 11, 1), to: parseCst(2025, 12, 1) });
  });
});

describe('assessmentDetail', () => {
  const r = parseCst(2025, 10, 10, 9);
  const cases = [
    // Town 1: a cable fault handled late, a light-source fault on time, one still open and overdue, one open not yet due.
    caseAt('late', r, r + 80 * HOUR, r + 72 * HOUR, { responsibleUnit: 'LAMP', categoryCode: 'B0201' }),
    caseAt('ok', r + 1, r + HOUR, r + 48 * HOUR, { responsibleUnit: 'LAMP', categoryCode: 'B0201' }),
    caseAt('open-overdue', r + 2, null, r + 48 * HOUR, { responsibleUnit: 'LAMP', categoryCode: 'B0201' }),
    caseAt('open', parseCst(2025, 10, 31, 20), null, parseCst(2025, 11, 2), { responsibleUnit: 'LAMP', categoryCode: 'B0201' }),
    // Town 2: a sewage cover's case (another unit and category), and one handled after the month.
    caseAt('cover', r, r + 2 * HOUR, r + 6 * HOUR, { x: 1.5, responsibleUnit: 'DRAIN', categoryCode: 'B0102' }),
    caseAt('after', r, parseCst(2025, 11, 3), r + 6 * HOUR, { x: 1.5, responsibleUnit: 'DRAIN', categoryCode: 'B0102' }),
  ];
  const detail = assessmentDetail([{ layer: 'lamps', table: tableOf(cases) }], TOWN_CODES, OCT, config);

  it('trends each town, unit and the district over twelve months, the last being the month', () => {
    expect(detail.trend.district[11].registered).toBe(6);
    expect(detail.trend['town:370114001'][11].registered).toBe(4);
    expect(detail.trend['unit:DRAIN'][11]).toMatchObject({ registered: 2, onTimeClosureRate: 0.5 });
    expect(detail.trend.district.slice(0, 11).every((p) => p.registered === 0)).toBe(true);
  });

  it('lists each group’s categories, the most overdue first', () => {
    expect(detail.worstCategories['town:370114001']).toEqual([{ code: 'B0201', registered: 4, due: 3, overdue: 2, onTimeClosureRate: 1 / 3 }]);
    expect(detail.worstCategories['unit:DRAIN'][0]).toMatchObject({ code: 'B0102', overdue: 1 });
  });

  it('lists the cases unhandled at the month’s end, the overdue first, with how many in all', () => {
    expect(detail.openCases['town:370114001'].map((c) => [c.id, c.overdue])).toEqual([
      ['open-overdue', true],
      ['open', false],
    ]);
    expect(detail.openCounts['unit:LAMP']).toEqual({ open: 2, overdue: 1 });
    expect(detail.openCounts['town:370114002']).toEqual({ open: 1, overdue: 1 });
  });
});
