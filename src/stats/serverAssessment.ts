import { z } from 'zod';
import type { AssessmentConfig } from '../assessment/config';
import { comparedPeriods, scoredAnswer, type AssessmentAnswer, type CountedFigures, type GroupFigures } from './assessment/assessment';
import { ratesOf } from './assessment/indicators';
import type { Period } from './assessment/periods';
import { statsCollectionUrl } from './serverTownStats';

/** The address of the assessment's counts (the MapServer collection assessment) over periods. */
export function assessmentCountsUrl(ogcApiUrl: string, periods: readonly Period[], config: AssessmentConfig): string {
  const windows = periods.flatMap((p) => [p.from, p.to].map((t) => String(Math.round(t))));
  return statsCollectionUrl(ogcApiUrl, 'assessment', { windows: windows.join(','), lampUnit: config.defaults['lamp-faults'].unit }, {});
}

/** The address of the assessment's counts for a period, the one before and a year before. */
export const assessmentUrl = (ogcApiUrl: string, period: Period, config: AssessmentConfig): string => assessmentCountsUrl(ogcApiUrl, comparedPeriods(period), config);

const count = z.number().int().min(0);
const row = z.object({
  period: z.number().int().min(0).max(63),
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

/** Each group's figures per period (by the period's index) from an assessment page; null when it is not one. */
export function parseGroupFigures(payload: unknown, periods: number): GroupFigures | null {
  const parsed = page.safeParse(payload);
  if (!parsed.success) return null;
  const groups: GroupFigures = { district: [], towns: new Map(), units: new Map(), unitsByDefault: 0, unitsUnknown: 0 };
  for (const { properties: p } of parsed.data.features) {
    const { period: k, level, code, meanHandleMinutes, medianHandleMinutes, unitsByDefault, unitsUnknown, ...counts } = p;
    if (k >= periods) return null;
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
  return groups;
}

/** The groups' figures of the periods from..from+count (the page asked more periods than one answer reads). */
export function periodsOf(groups: GroupFigures, from: number, count: number): GroupFigures {
  const slice = (f: CountedFigures[]) => Array.from({ length: count }, (_, k) => f[from + k]);
  return {
    district: slice(groups.district) as CountedFigures[],
    towns: new Map([...groups.towns].map(([code, f]) => [code, slice(f) as CountedFigures[]])),
    units: new Map([...groups.units].map(([code, f]) => [code, slice(f) as CountedFigures[]])),
    unitsByDefault: from === 0 ? groups.unitsByDefault : 0,
    unitsUnknown: from === 0 ? groups.unitsUnknown : 0,
  };
}

/** The answer from the groups' figures of a period, the one before and a year before, scored and ranked from the page's config. The towns are those the server counted a case for in one of them, in code order. */
export function answerOf(groups: GroupFigures, period: Period, config: AssessmentConfig): AssessmentAnswer {
  const townCodes = [...groups.towns.keys()].filter((code) => groups.towns.get(code)!.some((f) => f !== undefined)).sort();
  return scoredAnswer(groups, comparedPeriods(period), townCodes, config);
}

/** An assessment page as the engine's answer; null when it is not one. */
export function parseAssessment(payload: unknown, period: Period, config: AssessmentConfig): AssessmentAnswer | null {
  const groups = parseGroupFigures(payload, 3);
  return groups && answerOf(groups, period, config);
}
