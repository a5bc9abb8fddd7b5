import type { Label } from '../layers/common/labels';
import type { Better } from './rank';
import { bucketEdges } from './series/buckets';
import { TOWN_METRICS, type MetricFormat, type TownMetricId } from './townMetrics';
import type { StatsAnswer } from './worker/statsApi';

export interface KpiDefinition {
  label: Label;
  better: Better;
  format: MetricFormat;
  /** The district figure (or the kept towns') from an engine answer; null where there is nothing to measure. */
  value(answer: StatsAnswer): number | null;
  /** The town-table metric holding the same figure (the server names its figures so). */
  metric: TownMetricId;
}


/** The headline figures of the command centre, in the order the cards show them. */
export const KPIS = {
  lightingRate: {
    label: { zh: '亮灯率', en: 'Lighting rate' },
    better: 'higher',
    format: 'percent',
    value: (a) => a.lamps?.district.lightingRate ?? null,
    metric: 'lightingRate',
  },
  openDefects: {
    label: { zh: '井盖病害未修复', en: 'Open cover defects' },
    better: 'lower',
    format: 'count',
    value: (a) => a.manholes?.district.openDefects ?? null,
    metric: 'openDefects',
  },
  pendingPatches: {
    label: { zh: '图斑待核查', en: 'Patches to verify' },
    better: 'lower',
    format: 'count',
    value: (a) => a.patches?.district.countByStatus.pending ?? null,
    metric: 'patchesPending',
  },
  openRailway: {
    label: { zh: '铁路沿线未办结', en: 'Open railway issues' },
    better: 'lower',
    format: 'count',
    value: (a) => a.flows.railway?.district.backlog ?? null,
    metric: 'railwayOpen',
  },
  closureRate: {
    label: { zh: '案件处结率', en: 'Case closure rate' },
    better: 'higher',
    format: 'percent',
    value: (a) => TOWN_METRICS.closureRate.value(a, 'district'),
    metric: 'closureRate',
  },
  overdueCases: {
    label: { zh: '超期案件', en: 'Overdue cases' },
    better: 'lower',
    format: 'count',
    value: (a) => TOWN_METRICS.overdueCases.value(a, 'district'),
    metric: 'overdueCases',
  },
} satisfies Record<string, KpiDefinition>;

export type KpiId = keyof typeof KPIS;
export const KPI_IDS = Object.keys(KPIS) as KpiId[];
export type KpiValues = Record<KpiId, number | null>;

export function kpiValues(answer: StatsAnswer): KpiValues {
  return Object.fromEntries(KPI_IDS.map((id) => [id, (KPIS[id] as KpiDefinition).value(answer)])) as KpiValues;
}

const SPARK_POINTS = 16;
type Window = { from: number; to: number };

/** The windows the cards show: the range, the period of equal length before it, and its sparkline's sub-windows. */
export function kpiWindows(range: { from: number; to: number }): { current: Window; previous: Window; spark: Window[] } {
  const edges = thinEdges(bucketEdges(range.from, range.to), SPARK_POINTS);
  return { current: { from: range.from, to: range.to }, previous: previousPeriod(range), spark: edges.slice(1).map((to, k) => ({ from: edges[k], to })) };
}

/** The period of equal length just before [from, to). */
export function previousPeriod(range: { from: number; to: number }): { from: number; to: number } {
  return { from: range.from - (range.to - range.from), to: range.from };
}

/** At most `max` sub-windows of a range, on bucket edges: every k-th edge is kept, and the last. */
export function thinEdges(edges: readonly number[], max: number): number[] {
  if (edges.length - 1 <= max) return [...edges];
  const step = Math.ceil((edges.length - 1) / max);
  const kept = edges.filter((_, i) => i % step === 0);
  if (kept.at(-1) !== edges.at(-1)) kept.push(edges.at(-1)!);
  return kept;
}
