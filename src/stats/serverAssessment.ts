import { z } from 'zod';
import type { AssessmentConfig } from '../assessment/config';
import { comparedPeriods, scoredAnswer, type AssessmentAnswer, type CountedFigures, type GroupFigures } from './assessment/assessment';
import { ratesOf } from './assessment/indicators';
import type { Period } from './assessment/periods';
import { statsCollectionUrl } from './serverTownStats';

/** The address of the assessment's counts (the MapServer collection assessment) for a period, the one before and a year before. */
export function assessmentUrl(ogcApiUrl: string, period: Period, config: AssessmentConfig): string {
  const windows = comparedPeriods(period).flatMap((p) => [p.from, p.to].map((t) => String(Math.round(t))));
  return statsCollectionUrl(ogcApiUrl, 'assessment', { windows: windows.join(','), lampUnit: config.defaults['lamp-faults'].unit }, {});
}

const count = z.number().int().min(0);
const row = z.object({
  period: z.number().int().min(0).max(2),
  level: z.enum(['district', 'town', 'unit']),
  code: z.string().max(64),
  registered: count,
  due: count,
  closed: count,
  closedOnTime: count,
  handleDue: count,
  handled: count,
  handledOnTime: count,
  reworked: count,
  overdue: count,
  publicReports: count,
  meanHandleMinutes: z.number().finite().nullish(),
  medianHandleMinutes: z.number().int().nullish(),
  unitsByDefault: count,
  unitsUnknown: count,
});
const page = z.object({ features: z.array(z.object({ properties: row })).max(20_000) });

/**
 * An assessment page as the engine's answer, scored and ranked from the page's config; null when it
 * is not one. The towns are those the server counted a case for in one of the periods, in code order.
 */
export function parseAssessment(payload: unknown, period: Period, config: AssessmentConfig): AssessmentAnswer | null {
  const parsed = page.safeParse(payload);
  if (!parsed.success) return null;
  const groups: GroupFigures = { district: [], towns: new Map(), units: new Map(), unitsByDefault: 0, unitsUnknown: 0 };
  for (const { properties: p } of parsed.data.features) {
    const { period: k, level, code, meanHandleMinutes, medianHandleMinutes, unitsByDefault, unitsUnknown, ...counts } = p;
    const figures: CountedFigures = { counts, rates: ratesOf(counts, meanHandleMinutes ?? null, medianHandleMinutes ?? null) };
    if (level === 'district') {
      groups.district[k] = figures;
      if (k === 0) Object.assign(groups, { unitsByDefault, unitsUnknown });
    } else {
      const map = level === 'town' ? groups.towns : groups.units;
      if (!map.has(code)) map.set(code, []);
      map.get(code)![k] = figures;
    }
  }
  const periods = comparedPeriods(period);
  const townCodes = [...groups.towns.keys()].sort();
  return scoredAnswer(groups, periods, townCodes, config);
}
