import { z } from 'zod';
import type { AssessmentConfig } from '../assessment/config';
import { comparedPeriods } from './assessment/assessment';
import { indicatorRates, emptyCounts } from './assessment/indicators';
import type { Period } from './assessment/periods';
import { defaultCategory, OPEN_SHOWN, trendMonths, trendOf, worstFirst, type AssessmentDetail, type CategoryFigures, type GroupKey, type OpenCase } from './assessment/report';
import { answerOf, assessmentCountsUrl, parseGroupFigures, periodsOf } from './serverAssessment';
import { statsCollectionUrl } from './serverTownStats';

/**
 * The addresses of what the report and the drill-down read from the server: the assessment's
 * counts of the period, the one before, a year before and the twelve months of the trend (one
 * request), and the period's categories and open cases (the collection assessment-detail).
 */
export function assessmentDetailUrls(ogcApiUrl: string, period: Period, config: AssessmentConfig): { counts: string; detail: string } {
  const lampUnit = config.defaults['lamp-faults'].unit;
  return {
    counts: assessmentCountsUrl(ogcApiUrl, [...comparedPeriods(period), ...trendMonths(period)], config),
    detail: statsCollectionUrl(ogcApiUrl, 'assessment-detail', { from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString(), lampUnit, shown: String(OPEN_SHOWN) }, {}),
  };
}

const count = z.number().int().min(0);
const level = z.enum(['town', 'unit']);
const code = z.string().max(64);
const detailRow = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('category'),
    level,
    code,
    layer: z.enum(['lamps', 'manholes', 'railway', 'patches']),
    // The finisher writes an empty text as null.
    categoryCode: code.nullable(),
    railwayClass: code.nullable(),
    registered: count,
    due: count,
    overdue: count,
    closedOnTime: count,
  }),
  z.object({ kind: z.literal('open-count'), level, code, open: count, overdue: count }),
  z.object({ kind: z.literal('open'), level, code, id: z.string().min(1).max(64), late: z.union([z.literal(0), z.literal(1)]), urgency: z.number().int().min(1) }),
]);
const point = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number().finite(), z.number().finite()]) });
const detailPage = z.object({ features: z.array(z.object({ properties: detailRow, geometry: point })).max(100_000) });

/**
 * The detail from the server's two pages, as the engine's assessmentDetail gives it; null when
 * either is not what was asked. A case with no category takes the config's default here, as in
 * the engine, so the server needs no copy of the config.
 */
export function parseAssessmentDetail(countsPayload: unknown, detailPayload: unknown, period: Period, config: AssessmentConfig): AssessmentDetail | null {
  const months = trendMonths(period);
  const groups = parseGroupFigures(countsPayload, 3 + months.length);
  const detail = detailPage.safeParse(detailPayload);
  if (!groups || !detail.success) return null;
  const categoryCounts = new Map<GroupKey, Map<string, ReturnType<typeof emptyCounts>>>();
  const openCases: Record<GroupKey, (OpenCase & { urgency: number })[]> = {};
  const openCounts: AssessmentDetail['openCounts'] = {};
  for (const { properties: row, geometry } of detail.data.features) {
    const group: GroupKey = `${row.level}:${row.code}`;
    if (row.kind === 'category') {
      const category = row.categoryCode || defaultCategory(row.layer, row.railwayClass ?? '', config);
      const byCategory = categoryCounts.get(group) ?? new Map<string, ReturnType<typeof emptyCounts>>();
      categoryCounts.set(group, byCategory);
      const c = byCategory.get(category) ?? emptyCounts();
      byCategory.set(category, c);
      c.registered += row.registered;
      c.due += row.due;
      c.overdue += row.overdue;
      c.closedOnTime += row.closedOnTime;
    } else if (row.kind === 'open-count') {
      openCounts[group] = { open: row.open, overdue: row.overdue };
    } else {
      const [x, y] = geometry.coordinates;
      (openCases[group] ??= []).push({ id: row.id, x, y, overdue: row.late === 1, urgency: row.urgency });
    }
  }
  const worstCategories: AssessmentDetail['worstCategories'] = {};
  for (const [group, byCategory] of categoryCounts) {
    const rows: CategoryFigures[] = [...byCategory].map(([category, c]) => ({ code: category, registered: c.registered, due: c.due, overdue: c.overdue, onTimeClosureRate: indicatorRates(c).onTimeClosureRate }));
    worstCategories[group] = worstFirst(rows);
  }
  // The rows come by key: put each group's back in the order of urgency the server gave them.
  const shownOpen: AssessmentDetail['openCases'] = {};
  for (const group of Object.keys(openCases) as GroupKey[]) shownOpen[group] = openCases[group].sort((a, b) => a.urgency - b.urgency).map(({ id, x, y, overdue }) => ({ id, x, y, overdue }));
  return {
    answer: answerOf(periodsOf(groups, 0, 3), period, config),
    months,
    trend: trendOf(periodsOf(groups, 3, months.length), months, config),
    worstCategories,
    openCases: shownOpen,
    openCounts,
  };
}
