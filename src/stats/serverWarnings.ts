import { FORECAST_RULE } from './warnings/forecast';
import { cellToBoundary, cellToLatLng, isValidCell } from 'h3-js';
import { z } from 'zod';
import { statsCollectionUrl } from './serverTownStats';
import type { StatsRange } from './worker/statsApi';
import { ANOMALY_WINDOWS, type Anomaly, type AnomalyWindow, type CountBand } from './warnings/anomalies';
import { DUE_LEVELS, type DueLevel } from './warnings/dueSoon';
import type { CellAnomaly } from './warnings/cellAnomalies';
import { WARNING_LAYERS, type DueSoonCase, type RepeatedAsset, type WarningsAnswer, type WarningsQuery } from './warnings/warnings';

type Query = WarningsQuery & Pick<StatsRange, 'classes'>;

/** The address of the early warnings at a moment (the MapServer collection warnings, server/sql/warnings.sql). */
export function warningsUrl(ogcApiUrl: string, query: Query): string {
  return statsCollectionUrl(ogcApiUrl, 'warnings', { now: new Date(query.now).toISOString(), hours: String(query.hours), shown: String(query.limit ?? 50) }, query);
}

const num = z.number().finite();
const text = z.string().max(200);
const row = z.object({
  properties: z.object({
    id: text,
    kind: z.enum(['due', 'due-count', 'due-unit', 'repeat', 'repeat-count', 'repeat-town', 'anomaly', 'cell', 'forecast']),
    layer: z.enum(WARNING_LAYERS as [string, ...string[]]).nullable(),
    town: text.nullable(),
    category: text.nullable(),
    win: z.enum(Object.keys(ANOMALY_WINDOWS) as [AnomalyWindow, ...AnomalyWindow[]]).nullable(),
    moment: num.nullable(),
    n: num.nonnegative(),
    expected: num.nullable(),
    low: num.int().nullable(),
    high: num.int().nullable(),
    p: num.min(0).max(1).nullable(),
    seasonal: num.nullable(),
    level: z.enum(DUE_LEVELS).nullable(),
    asset: text.nullable(),
    cases: z.string().max(100_000).nullable(),
    top: text.nullable(),
    top_n: num.int().nullable(),
    lon: num.nullable(),
    lat: num.nullable(),
  }),
});
const page = z.object({ features: z.array(row).max(100_000) });
type Row = z.infer<typeof row>['properties'];

/** An anomaly's or cluster's band, or null when a figure of it is missing. */
function bandOf(r: Row, to: number): CountBand | null {
  if (r.moment === null || r.expected === null || r.low === null || r.high === null || r.p === null) return null;
  return { from: r.moment, to, count: r.n, expected: r.expected, low: r.low, high: r.high, p: r.p };
}

const days = (text: string | undefined): number[] | null => {
  const values = (text ?? '').split(',').map(Number);
  return values.length === FORECAST_RULE.days && values.every((v) => Number.isFinite(v) && v >= 0) ? values : null;
};

/** A forecast row: n the backlog now, expected / low / high the week's total and band, seasonal the trend, cases "daily;expected daily;backlog". */
function forecastOf(r: Row): WarningsAnswer['forecast'][number] | null {
  if (r.layer !== 'lamps' && r.layer !== 'manholes' && r.layer !== 'railway') return null;
  if (r.expected === null || r.low === null || r.high === null || r.seasonal === null || r.cases === null) return null;
  const [daily, expectedDaily, backlog] = r.cases.split(';').map(days);
  if (!daily || !expectedDaily || !backlog) return null;
  return { layer: r.layer, daily, expectedDaily, total: { expected: r.expected, low: r.low, high: r.high }, trend: r.seasonal, backlogNow: r.n, backlog };
}

const LAYER_ORDER = (layer: string) => WARNING_LAYERS.indexOf(layer as (typeof WARNING_LAYERS)[number]);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A warnings page as the engine's answer, in the engine's orders; null when it is not one. */
export function parseWarnings(payload: unknown, query: Query): WarningsAnswer | null {
  const parsed = page.safeParse(payload);
  if (!parsed.success) return null;
  const rows = parsed.data.features.map((f) => f.properties);
  const of = (kind: Row['kind']) => rows.filter((r) => r.kind === kind);
  const counts: Record<DueLevel, number> = { critical: 0, high: 0, watch: 0 };
  const byTown = new Map<string | null, Record<DueLevel, number>>();
  for (const r of of('due-count')) {
    if (!r.level) return null;
    counts[r.level] += r.n;
    let perTown = byTown.get(r.town);
    if (!perTown) byTown.set(r.town, (perTown = { critical: 0, high: 0, watch: 0 }));
    perTown[r.level] += r.n;
  }
  // A due-unit row names its unit in `category` (null: none).
  const byUnit = new Map<string | null, Record<DueLevel, number>>();
  for (const r of of('due-unit')) {
    if (!r.level) return null;
    let perUnit = byUnit.get(r.category);
    if (!perUnit) byUnit.set(r.category, (perUnit = { critical: 0, high: 0, watch: 0 }));
    perUnit[r.level] += r.n;
  }
  const dueSoon: DueSoonCase[] = [];
  for (const r of of('due')) {
    if (!r.layer || !r.level || r.moment === null || r.lon === null || r.lat === null) return null;
    dueSoon.push({
      layer: r.layer as DueSoonCase['layer'],
      id: r.id.slice(`due:${r.layer}:`.length),
      ...(r.asset ? { asset: r.asset } : {}),
      town: r.town,
      deadline: r.moment,
      hoursLeft: r.n,
      level: r.level,
      category: r.category ?? '',
      // A due row names its unit in `top`.
      unit: r.top,
      position: [r.lon, r.lat],
    });
  }
  dueSoon.sort((a, b) => a.deadline - b.deadline || LAYER_ORDER(a.layer) - LAYER_ORDER(b.layer) || byText(a.id, b.id));
  const repeats: RepeatedAsset[] = [];
  for (const r of of('repeat')) {
    if ((r.layer !== 'lamps' && r.layer !== 'manholes') || !r.asset || r.moment === null || r.lon === null || r.lat === null || !r.cases) return null;
    repeats.push({ layer: r.layer, asset: r.asset, town: r.town, cases: r.cases.split(','), last: r.moment, position: [r.lon, r.lat] });
  }
  repeats.sort((a, b) => b.cases.length - a.cases.length || b.last - a.last || byText(a.asset, b.asset));
  const anomalies: Anomaly[] = [];
  for (const r of of('anomaly')) {
    const band = bandOf(r, query.now);
    if (!r.layer || !r.win || !band || r.seasonal === null) return null;
    anomalies.push({
      layer: r.layer as Anomaly['layer'],
      window: r.win,
      town: r.town,
      category: r.category,
      ...band,
      seasonal: r.seasonal,
      ...(r.top !== null && r.top_n !== null ? { top: { category: r.top, count: r.top_n } } : {}),
    });
  }
  anomalies.sort((a, b) => a.p - b.p);
  const cells: CellAnomaly[] = [];
  for (const r of of('cell')) {
    // The cell id comes in `cases`; its place is computed here, as the hot spots' are.
    const cell = r.cases;
    const band = bandOf(r, query.now);
    if (!r.layer || !cell || !isValidCell(cell) || !band) return null;
    const [lat, lng] = cellToLatLng(cell);
    cells.push({ layer: r.layer as CellAnomaly['layer'], cell, town: r.town, center: [lng, lat], boundary: cellToBoundary(cell).map(([y, x]) => [x, y] as [number, number]), ...band });
  }
  cells.sort((a, b) => a.p - b.p || (a.cell < b.cell ? -1 : 1));
  const forecast: WarningsAnswer['forecast'] = [];
  for (const r of of('forecast')) {
    const f = forecastOf(r);
    if (!f) return null;
    forecast.push(f);
  }
  forecast.sort((a, b) => LAYER_ORDER(a.layer) - LAYER_ORDER(b.layer));
  return {
    now: query.now,
    hours: query.hours,
    dueSoonCounts: counts,
    dueSoonByTown: [...byTown].sort(([a], [b]) => (a ?? '').localeCompare(b ?? '')).map(([town, c]) => ({ town, counts: c })),
    dueSoonByUnit: [...byUnit].sort(([a], [b]) => (a ?? '').localeCompare(b ?? '')).map(([unit, c]) => ({ unit, counts: c })),
    dueSoon,
    repeatCount: of('repeat-count')[0]?.n ?? 0,
    repeatByTown: of('repeat-town')
      .map((r) => ({ town: r.town, assets: r.n, last: r.moment ?? NaN }))
      .sort((a, b) => (a.town ?? '').localeCompare(b.town ?? '')),
    repeats,
    anomalies,
    cells,
    forecast,
  };
}
