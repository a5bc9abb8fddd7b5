import { KPI_IDS, KPIS, type KpiValues } from './kpis';
import { figure, statsCollectionUrl, type TownStatsQuery } from './serverTownStats';

type Window = { from: number; to: number };

/** The address of the cards' figures for several windows (the MapServer collection kpi-windows): windows=FROM,TO,... in epoch ms. */
export function kpiWindowsUrl(ogcApiUrl: string, windows: readonly Window[], filter: Pick<TownStatsQuery, 'towns' | 'classes'> = {}): string {
  const bounds = windows.flatMap((w) => [w.from, w.to]).map((t) => String(Math.round(t)));
  return statsCollectionUrl(ogcApiUrl, 'kpi-windows', { windows: bounds.join(',') }, filter);
}

/**
 * A kpi-windows page as the cards' values, one per window asked in order; null when it is not one
 * or misses a window. A figure the server leaves out is null (nothing to measure), except an
 * overdue count, which is 0 as in kpiValues.
 */
export function parseKpiWindows(payload: unknown, count: number): KpiValues[] | null {
  const features = (payload as { features?: unknown } | null)?.features;
  if (!Array.isArray(features)) return null;
  const values: (KpiValues | undefined)[] = new Array(count).fill(undefined);
  for (const f of features as { properties?: Record<string, unknown> }[]) {
    const p = f?.properties;
    const k = figure(p?.k);
    if (!p || k === null || !Number.isInteger(k) || k < 0 || k >= count) return null;
    values[k] = Object.fromEntries(KPI_IDS.map((id) => [id, figure(p[KPIS[id].metric]) ?? (id === 'overdueCases' ? 0 : null)])) as KpiValues;
  }
  return values.every(Boolean) ? (values as KpiValues[]) : null;
}
