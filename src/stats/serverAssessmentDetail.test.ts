import { describe, expect, it } from 'vitest';
import { shippedAssessmentConfig } from '../../test/support/assessmentConfig';
import { parseCst } from '../layers/common/time';
import { assessmentDetailUrls, parseAssessmentDetail } from './serverAssessmentDetail';

const config = shippedAssessmentConfig();
const period = { from: parseCst(2026, 10, 1), to: parseCst(2026, 11, 1) };
const DISTRICT_POINT = { type: 'Point', coordinates: [117.5, 36.7] };
const counts = { registered: 4, due: 3, closed: 2, closedOnTime: 1, handleDue: 3, handled: 2, handledOnTime: 1, reworked: 0, overdue: 1, publicReports: 1, meanHandleMinutes: 90, medianHandleMinutes: 60, unitsByDefault: 0, unitsUnknown: 0 };
/** The counts page: the period (0), the month before (1), a year before (2), then the twelve months (3–14). */
const countsPage = {
  features: [
    { properties: { period: 0, level: 'district', code: 'district', ...counts }, geometry: DISTRICT_POINT },
    { properties: { period: 0, level: 'town', code: '370114001', ...counts }, geometry: DISTRICT_POINT },
    { properties: { period: 14, level: 'town', code: '370114001', ...counts, registered: 7 }, geometry: DISTRICT_POINT },
    { properties: { period: 13, level: 'unit', code: 'LAMP', ...counts }, geometry: DISTRICT_POINT },
  ],
};
const category = (code: string, layer: string, categoryCode: string | null, railwayClass: string | null, n: Partial<Record<'registered' | 'due' | 'overdue' | 'closedOnTime', number>>) => ({
  properties: { kind: 'category', level: 'town', code, layer, categoryCode, railwayClass, registered: 1, due: 1, overdue: 0, closedOnTime: 1, open: null, id: null, late: null, urgency: null, ...n },
  geometry: DISTRICT_POINT,
});
const open = (id: string, late: 0 | 1, urgency: number, x: number) => ({ properties: { kind: 'open', level: 'town', code: '370114001', id, late, urgency }, geometry: { type: 'Point', coordinates: [x, 36.7] } });
const detailPage = {
  features: [
    // Two rows of one category: railway garbage with no code of its own, and with S0101 written.
    category('370114001', 'railway', null, 'garbage', { registered: 2, due: 2, overdue: 1, closedOnTime: 1 }),
    category('370114001', 'railway', 'S0101', null, { registered: 1, due: 1, overdue: 1, closedOnTime: 0 }),
    category('370114001', 'lamps', '', null, { registered: 5, due: 4, overdue: 0, closedOnTime: 4 }),
    { properties: { kind: 'open-count', level: 'town', code: '370114001', open: 3, overdue: 1 }, geometry: DISTRICT_POINT },
    // By key (id), not by urgency.
    open('A-1', 0, 3, 117.1),
    open('B-2', 1, 1, 117.2),
    open('C-3', 0, 2, 117.3),
  ],
};

describe('the assessment’s detail from the server', () => {
  it('asks the counts of the three compared periods and the twelve months in one request, and the detail of the period', () => {
    const urls = assessmentDetailUrls('/ogcapi', period, config);
    const search = (url: string) => new URLSearchParams(url.split('?')[1]);
    expect(search(urls.counts).get('windows')!.split(',')).toHaveLength(30);
    expect(Object.fromEntries(search(urls.detail))).toMatchObject({ from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z', lampUnit: 'LAMP', shown: '400' });
  });

  it('gives categories their config default where the server has no code, adding up the rows of one category', () => {
    const detail = parseAssessmentDetail(countsPage, detailPage, period, config)!;
    expect(detail.worstCategories['town:370114001']).toEqual([
      { code: 'S0101', registered: 3, due: 3, overdue: 2, onTimeClosureRate: 1 / 3 },
      { code: 'B0201', registered: 5, due: 4, overdue: 0, onTimeClosureRate: 1 },
    ]);
  });

  it('lists the open cases in the server’s order of urgency, with their counts', () => {
    const detail = parseAssessmentDetail(countsPage, detailPage, period, config)!;
    expect(detail.openCases['town:370114001'].map((c) => [c.id, c.overdue, c.x])).toEqual([
      ['B-2', true, 117.2],
      ['C-3', false, 117.3],
      ['A-1', false, 117.1],
    ]);
    expect(detail.openCounts['town:370114001']).toEqual({ open: 3, overdue: 1 });
  });

  it('reads the trend from the months after the compared periods, a month with no row counting nothing', () => {
    const detail = parseAssessmentDetail(countsPage, detailPage, period, config)!;
    expect(detail.months[11].from).toBe(period.from);
    expect(detail.trend['town:370114001'].map((p) => p.registered)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7]);
    expect(detail.trend['unit:LAMP'][10].registered).toBe(4);
    expect(detail.answer.towns.map((t) => t.code)).toEqual(['370114001']);
  });

  it('is refused when a page is not what was asked: a period past the fifteen, an unknown kind, an open case with no place', () => {
    const withRow = (page: { features: unknown[] }, row: unknown) => ({ features: [...page.features, row] });
    expect(parseAssessmentDetail(withRow(countsPage, { properties: { period: 15, level: 'district', code: 'district', ...counts } }), detailPage, period, config)).toBeNull();
    expect(parseAssessmentDetail(countsPage, withRow(detailPage, { properties: { kind: 'gossip', level: 'town', code: 'x' }, geometry: DISTRICT_POINT }), period, config)).toBeNull();
    expect(parseAssessmentDetail(countsPage, withRow(detailPage, { ...open('D-4', 1, 4, 117), geometry: null }), period, config)).toBeNull();
    expect(parseAssessmentDetail(countsPage, { features: 'many' }, period, config)).toBeNull();
  });
});
