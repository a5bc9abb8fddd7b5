import type { Lang } from '../i18n';
import { label } from '../i18n';
import { METRIC_GROUPS, TOWN_METRIC_IDS, TOWN_METRICS, type MetricGroup, type TownMetric, type TownMetricId, type TownRowSet } from '../stats/townMetrics';
import { METRIC_DEFINITIONS } from './metricDefinitions';

/** What an export says about itself: the filters and range it was made under, and when. */
export interface ExportContext {
  /** Human-readable range, e.g. "2025-01-01 – 2025-12-31". */
  range: string;
  /** Human-readable filters, e.g. "全区; 窨井盖 · 井盖类型: 雨水". */
  filters: string;
  dataVersion: string;
  /** Where the figures were computed and as of when (and if stale or lacking a layer), for statistics exports. */
  figures?: string;
  generatedAt: string;
  district: string;
}

export interface TownStatsTable {
  /** Column keys: 'code', 'name', then the metric ids. */
  keys: string[];
  headers: string[];
  /** One row per town, then outside the district and the district; raw numbers, null where none. */
  rows: (string | number | null)[][];
}

const COLUMN_LABELS = {
  code: { zh: '区划代码', en: 'Code' },
  name: { zh: '镇街', en: 'Town' },
  outside: { zh: '区界外', en: 'Outside the district' },
  district: { zh: '全区', en: 'Whole district' },
};

/** Every town's figures as a plain table (the same numbers the town table shows), for CSV and Excel. */
export function townStatsTable({ towns, outside, district }: TownRowSet, townName: (code: string) => string, lang: Lang, metrics: readonly TownMetricId[] = TOWN_METRIC_IDS): TownStatsTable {
  const row = (code: string, name: string, values: Record<TownMetricId, number | null>) => [code, name, ...metrics.map((id) => values[id])];
  return {
    keys: ['code', 'name', ...metrics],
    headers: [label(lang, COLUMN_LABELS.code), label(lang, COLUMN_LABELS.name), ...metrics.map((id) => label(lang, TOWN_METRICS[id].label))],
    rows: [
      ...towns.map((t) => row(t.code, townName(t.code), t.values)),
      row('', label(lang, COLUMN_LABELS.outside), outside.values),
      row('', label(lang, COLUMN_LABELS.district), district.values),
    ],
  };
}

/** The metrics of one layer group, in column order. */
export function metricsOf(group: MetricGroup): TownMetricId[] {
  return TOWN_METRIC_IDS.filter((id) => (TOWN_METRICS[id] as TownMetric).group === group);
}

/** Label–value lines stating what the file holds, in the export's language. */
export function contextLines(context: ExportContext, lang: Lang): [string, string][] {
  const zh = lang === 'zh';
  return [
    [zh ? '行政区' : 'District', context.district],
    [zh ? '时间范围' : 'Time range', context.range],
    [zh ? '筛选条件' : 'Filters', context.filters],
    [zh ? '数据版本' : 'Data version', context.dataVersion],
    ...(context.figures ? [[zh ? '统计口径' : 'Statistics', context.figures] as [string, string]] : []),
    [zh ? '生成时间' : 'Generated at', context.generatedAt],
  ];
}

/** Each metric's name and how it is computed, for the metadata sheet. */
export function definitionLines(lang: Lang): [string, string, string][] {
  return TOWN_METRIC_IDS.map((id) => [label(lang, METRIC_GROUPS[(TOWN_METRICS[id] as TownMetric).group]), label(lang, TOWN_METRICS[id].label), label(lang, METRIC_DEFINITIONS[id])]);
}
