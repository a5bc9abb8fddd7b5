import { itemsPageUrl } from '../data/query';
import type { ClassFilter } from '../state/filters';
import type { DomainLayerId } from '../layers/registry';
import { TOWN_METRIC_IDS, type TownRow, type TownRowSet } from './townMetrics';

export type { TownRowSet };

export interface TownStatsQuery {
  from: number;
  to: number;
  towns?: string[];
  classes?: Partial<Record<DomainLayerId, ClassFilter>>;
}

/**
 * The items address of one of the server's statistics collections (town-stats, case-series): the
 * towns and the class filters of the layers that have one travel as the parameters towns and classes.
 */
export function statsCollectionUrl(ogcApiUrl: string, collection: string, params: Record<string, string>, filter: Pick<TownStatsQuery, 'towns' | 'classes'>): string {
  const search: Record<string, string> = { limit: '10000', ...params };
  if (filter.towns) search.towns = filter.towns.join(',');
  const classes = classesParameter(filter.classes);
  if (classes) search.classes = classes;
  return itemsPageUrl(ogcApiUrl, collection, search);
}

/** The class filters as the server's parameter classes takes them (JSON by layer); null when none narrows. */
export function classesParameter(classes: TownStatsQuery['classes'] = {}): string | null {
  const narrowing = Object.fromEntries(Object.entries(classes).filter(([, selection]) => selection && Object.keys(selection).length > 0));
  return Object.keys(narrowing).length > 0 ? JSON.stringify(narrowing) : null;
}

/** The address of the server's town statistics (the MapServer collection town-stats) for a query. */
export function townStatsUrl(ogcApiUrl: string, q: TownStatsQuery): string {
  return statsCollectionUrl(ogcApiUrl, 'town-stats', { from: new Date(q.from).toISOString(), to: new Date(q.to).toISOString() }, q);
}

/** MapServer writes a missing figure as "" (it cannot write null). */
export const figure = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/** The town rows of a town-stats page: every town, then 'outside' and 'district' apart, as townRows() gives them. */
export function parseTownStats(payload: unknown): TownRowSet | null {
  const features = (payload as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return null;
  const rows: TownRow[] = [];
  for (const f of features as { properties?: Record<string, unknown> }[]) {
    const p = f?.properties;
    if (!p || typeof p.code !== 'string') return null;
    rows.push({ code: p.code, values: Object.fromEntries(TOWN_METRIC_IDS.map((id) => [id, figure(p[id])])) as TownRow['values'] });
  }
  const outside = rows.find((r) => r.code === 'outside') ?? { code: 'outside', values: Object.fromEntries(TOWN_METRIC_IDS.map((id) => [id, null])) as TownRow['values'] };
  const district = rows.find((r) => r.code === 'district');
  if (!district) return null;
  return { towns: rows.filter((r) => r !== outside && r !== district).sort((a, b) => (a.code < b.code ? -1 : 1)), outside, district };
}
