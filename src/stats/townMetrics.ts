import type { Label } from '../layers/common/labels';
import type { CaseFlow } from './cases/caseFlow';
import { densityPerKm2, rankTowns, type Better, type TownRanking } from './rank';
import { CASE_LAYERS } from './caseLayers';
import type { StatsAnswer } from './worker/statsApi';

export type MetricFormat = 'percent' | 'count' | 'decimal' | 'hours';
export type MetricGroup = 'lamps' | 'manholes' | 'patches' | 'railway' | 'cases';

export const METRIC_GROUPS: Record<MetricGroup, Label> = {
  lamps: { zh: '路灯', en: 'Street lamps' },
  manholes: { zh: '窨井盖', en: 'Manhole covers' },
  patches: { zh: '卫星图斑', en: 'Violation patches' },
  railway: { zh: '铁路沿线', en: 'Railway corridor' },
  cases: { zh: '案件办理（全部案件）', en: 'Case handling (all cases)' },
};

/** One column of the town table: read from the engine's answer for a slot (0 = outside, then towns) or the district. */
export interface TownMetric {
  /** The layer the column belongs to (the table groups its columns by it). */
  group: MetricGroup;
  label: Label;
  better: Better;
  format: MetricFormat;
  value(answer: StatsAnswer, slot: number | 'district'): number | null;
}

const pick = <T>(figures: { bySlot: T[]; district: T } | null, slot: number | 'district'): T | null => (figures ? (slot === 'district' ? figures.district : (figures.bySlot[slot] ?? null)) : null);
const hours = (minutes: number | null | undefined) => (minutes === null || minutes === undefined ? null : minutes / 60);
const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v));
const perKm2 = (a: StatsAnswer, s: number | 'district', count: number | null | undefined) => {
  const area = s === 'district' ? a.areasKm2.reduce<number>((t, x) => t + (x ?? 0), 0) : a.areasKm2[s];
  return count === null || count === undefined ? null : densityPerKm2(count, area);
};
/**
 * A sum over every case layer's flows (closing as the end); null unless every case layer has its
 * figures, so that a layer not loaded never shrinks a district total into a smaller one that looks whole.
 */
const sumFlows = (a: StatsAnswer, s: number | 'district', pickFlow: (f: CaseFlow) => number): number | null => {
  const flows = CASE_LAYERS.map((l) => pick(a.flows[l], s));
  return flows.every((f): f is CaseFlow => f !== null) ? flows.reduce((t, f) => t + pickFlow(f), 0) : null;
};

/** The figures analysts rank towns on, in the order the table shows them. */
export const TOWN_METRICS = {
  lightingRate: {
    group: 'lamps',
    label: { zh: '亮灯率', en: 'Lighting rate' },
    better: 'higher',
    format: 'percent',
    value: (a, s) => pick(a.lamps, s)?.lightingRate ?? null,
  },
  lampFaults: {
    group: 'lamps',
    label: { zh: '路灯故障上报', en: 'Lamp faults reported' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.lamps, s)?.faultsReported ?? null,
  },
  medianRepairHours: {
    group: 'lamps',
    label: { zh: '维修时长中位数 (小时)', en: 'Median repair time (h)' },
    better: 'lower',
    format: 'decimal',
    value: (a, s) => hours(pick(a.lamps, s)?.medianRepairMinutes),
  },
  overdueFaults: {
    group: 'lamps',
    label: { zh: '超期故障', en: 'Overdue faults' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.lamps, s)?.overdueFaults ?? null,
  },
  openDefects: {
    group: 'manholes',
    label: { zh: '未修复井盖病害', en: 'Open cover defects' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.manholes, s)?.openDefects ?? null,
  },
  defectsPer1000: {
    group: 'manholes',
    label: { zh: '每千井盖病害', en: 'Defects per 1,000 covers' },
    better: 'lower',
    format: 'decimal',
    value: (a, s) => pick(a.manholes, s)?.openDefectsPer1000Covers ?? null,
  },
  patchesDetected: {
    group: 'patches',
    label: { zh: '新增图斑', en: 'Patches detected' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.patches, s)?.detected ?? null,
  },
  patchDisposalRate: {
    group: 'patches',
    label: { zh: '图斑处置率', en: 'Patch disposal rate' },
    better: 'higher',
    format: 'percent',
    value: (a, s) => pick(a.patches, s)?.disposalRate ?? null,
  },
  railwayOpen: {
    group: 'railway',
    label: { zh: '铁路沿线未办结', en: 'Open railway issues' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.railway, s)?.open ?? null,
  },
  railwayPerKm: {
    group: 'railway',
    label: { zh: '每公里铁路问题', en: 'Railway issues per km' },
    better: 'lower',
    format: 'decimal',
    value: (a, s) => pick(a.railway, s)?.issuesPerKm ?? null,
  },
  poles: {
    group: 'lamps',
    label: { zh: '灯杆数', en: 'Poles' },
    better: 'higher',
    format: 'count',
    value: (a, s) => pick(a.lamps, s)?.poles ?? null,
  },
  faultyLamps: {
    group: 'lamps',
    label: { zh: '期末待修灯盏', en: 'Lamps dark at end' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.lamps, s)?.faultyLampsAtEnd ?? null,
  },
  lampFaultsRepaired: {
    group: 'lamps',
    label: { zh: '故障修复数', en: 'Faults repaired' },
    better: 'higher',
    format: 'count',
    value: (a, s) => pick(a.lamps, s)?.faultsRepaired ?? null,
  },
  p90RepairHours: {
    group: 'lamps',
    label: { zh: '维修时长90分位 (小时)', en: '90th pct repair time (h)' },
    better: 'lower',
    format: 'decimal',
    value: (a, s) => hours(pick(a.lamps, s)?.p90RepairMinutes),
  },
  lampFaultsPerKm2: {
    group: 'lamps',
    label: { zh: '每平方公里路灯故障', en: 'Lamp faults per km²' },
    better: 'lower',
    format: 'decimal',
    value: (a, s) => perKm2(a, s, pick(a.lamps, s)?.faultsReported),
  },
  covers: {
    group: 'manholes',
    label: { zh: '井盖数', en: 'Covers' },
    better: 'higher',
    format: 'count',
    value: (a, s) => pick(a.manholes, s)?.covers ?? null,
  },
  defectsReported: {
    group: 'manholes',
    label: { zh: '病害上报', en: 'Defects reported' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.manholes, s)?.reported ?? null,
  },
  defectsFixed: {
    group: 'manholes',
    label: { zh: '病害修复', en: 'Defects fixed' },
    better: 'higher',
    format: 'count',
    value: (a, s) => pick(a.manholes, s)?.fixed ?? null,
  },
  medianFixHours: {
    group: 'manholes',
    label: { zh: '修复时长中位数 (小时)', en: 'Median fix time (h)' },
    better: 'lower',
    format: 'decimal',
    value: (a, s) => hours(pick(a.manholes, s)?.medianFixMinutes),
  },
  patchAreaM2: {
    group: 'patches',
    label: { zh: '新增图斑面积 (m²)', en: 'Patch area detected (m²)' },
    better: 'lower',
    format: 'count',
    value: (a, s) => round(pick(a.patches, s)?.detectedAreaM2),
  },
  patchVerificationRate: {
    group: 'patches',
    label: { zh: '图斑核查率', en: 'Patch verification rate' },
    better: 'higher',
    format: 'percent',
    value: (a, s) => pick(a.patches, s)?.verificationRate ?? null,
  },
  patchesPending: {
    group: 'patches',
    label: { zh: '待核查图斑', en: 'Patches pending' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.patches, s)?.countByStatus.pending ?? null,
  },
  demolishedAreaM2: {
    group: 'patches',
    label: { zh: '拆除面积 (m²)', en: 'Area demolished (m²)' },
    better: 'higher',
    format: 'count',
    value: (a, s) => round(pick(a.patches, s)?.demolishedAreaM2),
  },
  patchesOverdue: {
    group: 'patches',
    label: { zh: '超期未处置图斑', en: 'Patches overdue' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.flows.patches, s)?.overdue ?? null,
  },
  trackKm: {
    group: 'railway',
    label: { zh: '铁路里程 (km)', en: 'Track (km)' },
    better: 'lower',
    format: 'decimal',
    value: (a, s) => pick(a.railway, s)?.trackKm ?? null,
  },
  corridorKm2: {
    group: 'railway',
    label: { zh: '管控区面积 (km²)', en: 'Corridor area (km²)' },
    better: 'lower',
    format: 'decimal',
    value: (a, s) => pick(a.railway, s)?.corridorKm2 ?? null,
  },
  railwayReported: {
    group: 'railway',
    label: { zh: '铁路沿线问题上报', en: 'Railway issues reported' },
    better: 'lower',
    format: 'count',
    value: (a, s) => pick(a.railway, s)?.reported ?? null,
  },
  garbageM3: {
    group: 'railway',
    label: { zh: '垃圾 (m³)', en: 'Garbage (m³)' },
    better: 'lower',
    format: 'decimal',
    value: (a, s) => pick(a.railway, s)?.quantityByCategory.garbage ?? null,
  },
  casesReported: {
    group: 'cases',
    label: { zh: '案件上报', en: 'Cases reported' },
    better: 'lower',
    format: 'count',
    value: (a, s) => sumFlows(a, s, (f) => f.reported),
  },
  closureRate: {
    group: 'cases',
    label: { zh: '处结率', en: 'Closure rate' },
    better: 'higher',
    format: 'percent',
    value: (a, s) => {
      const reported = sumFlows(a, s, (f) => f.reported);
      return reported ? sumFlows(a, s, (f) => f.doneOfReported)! / reported : null;
    },
  },
  backlog: {
    group: 'cases',
    label: { zh: '期末积压', en: 'Backlog at end' },
    better: 'lower',
    format: 'count',
    value: (a, s) => sumFlows(a, s, (f) => f.backlog),
  },
  overdueCases: {
    group: 'cases',
    label: { zh: '超期案件', en: 'Overdue cases' },
    better: 'lower',
    format: 'count',
    value: (a, s) => sumFlows(a, s, (f) => f.overdue),
  },
} satisfies Record<string, TownMetric>;

export type TownMetricId = keyof typeof TOWN_METRICS;
const GROUP_ORDER = Object.keys(METRIC_GROUPS) as MetricGroup[];
/** Every metric, grouped by layer in the table's column order. */
export const TOWN_METRIC_IDS = (Object.keys(TOWN_METRICS) as TownMetricId[]).sort(
  (a, b) => GROUP_ORDER.indexOf((TOWN_METRICS[a] as TownMetric).group) - GROUP_ORDER.indexOf((TOWN_METRICS[b] as TownMetric).group),
);

export interface TownRow {
  code: string;
  values: Record<TownMetricId, number | null>;
}

/** Each town's row of metric values (towns only: the outside and the district are apart, since they are not ranked). */
/** Every town's row, then outside the district and the whole district apart: what the table, the ranking and the exports read. */
export interface TownRowSet {
  towns: TownRow[];
  outside: TownRow;
  district: TownRow;
}

export function townRows(answer: StatsAnswer): TownRowSet {
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
