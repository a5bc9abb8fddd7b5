import type { Label } from '../layers/common/labels';
import { rankTowns, type Better, type TownRanking } from './rank';
import type { StatsAnswer } from './worker/statsApi';

export type MetricFormat = 'percent' | 'count' | 'decimal' | 'hours';

/** One column of the town table: read from the engine's answer for a slot (0 = outside, then towns) or the district. */
export interface TownMetric {
  label: Label;
  better: Better;
  format: MetricFormat;
  value(answer: StatsAnswer, slot: number | 'district'): number | null;
}

const pick = <T>(figures: { bySlot: T[]; district: T } | null, slot: number | 'district'): T | null => (figures ? (slot === 'district' ? figures.district : (figures.bySlot[slot] ?? null)) : null);
const hours = (minutes: number | null | undefined) => (minutes === null || minutes === undefined ? null : minutes / 60);

/** The figures analysts rank towns on, in the order the table shows them. */
export const TOWN_METRICS = {
  lightingRate: {
    label: { zh: '亮灯率', en: 'Lighting rate' },
    better: 'higher',
    format: 'percent',
    value: (a, s) => pick(a.lamps, s)?.lightingRate ?? null,
  },
  lampFaults: {
    label: { zh: '路灯故障上报', en: 'Lamp faults reported' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.lamps, s)?.faultsReported ?? null,
  },
  medianRepairHours: {
    label: { zh: '维修时长中位数 (小时)', en: 'Median repair time (h)' },
    better: 'lower',
    format: 'decimal',
    value: (a, s) => hours(pick(a.lamps, s)?.medianRepairMinutes),
  },
  overdueFaults: {
    label: { zh: '超期故障', en: 'Overdue faults' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.lamps, s)?.overdueFaults ?? null,
  },
  openDefects: {
    label: { zh: '未修复井盖病害', en: 'Open cover defects' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.manholes, s)?.openDefects ?? null,
  },
  defectsPer1000: {
    label: { zh: '每千井盖病害', en: 'Defects per 1,000 covers' },
    better: 'lower',
    format: 'decimal',
    value: (a, s) => pick(a.manholes, s)?.openDefectsPer1000Covers ?? null,
  },
  patchesDetected: {
    label: { zh: '新增图斑', en: 'Patches detected' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.patches, s)?.detected ?? null,
  },
  patchDisposalRate: {
    label: { zh: '图斑处置率', en: 'Patch disposal rate' },
    better: 'higher',
    format: 'percent',
    value: (a, s) => pick(a.patches, s)?.disposalRate ?? null,
  },
  railwayOpen: {
    label: { zh: '铁路沿线未办结', en: 'Open railway issues' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.railway, s)?.open ?? null,
  },
  railwayPerKm: {
    label: { zh: '每公里铁路问题', en: 'Railway issues per km' },
    better: 'lower',
    format: 'decimal',
    value: (a, s) => pick(a.railway, s)?.issuesPerKm ?? null,
  },
} satisfies Record<string, TownMetric>;

export type TownMetricId = keyof typeof TOWN_METRICS;
export const TOWN_METRIC_IDS = Object.keys(TOWN_METRICS) as TownMetricId[];

export interface TownRow {
  code: string;
  values: Record<TownMetricId, number | null>;
}

/** Each town's row of metric values (towns only: the outside and the district are apart, since they are not ranked). */
export function townRows(answer: StatsAnswer): { towns: TownRow[]; outside: TownRow; district: TownRow } {
  const row = (code: string, slot: number | 'district'): TownRow => ({
    code,
    values: Object.fromEntries(TOWN_METRIC_IDS.map((id) => [id, (TOWN_METRICS[id] as TownMetric).value(answer, slot)])) as TownRow['values'],
  });
  return { towns: answer.codes.map((code, i) => row(code, i + 1)), outside: row('outside', 0), district: row('district', 'district') };
}

/** The towns ranked on one metric, in the rows' order. */
export function rankRows(rows: readonly TownRow[], metric: TownMetricId): TownRanking {
  return rankTowns(
    rows.map((r) => r.values[metric]),
    TOWN_METRICS[metric].better as Better,
  );
}
