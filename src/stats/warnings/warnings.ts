import type { CaseTable } from '../cases/caseTable';
import type { CaseLayer } from '../caseLayers';
import { layerAnomalies, seasonalFactor, type Anomaly } from './anomalies';
import { cellAnomalies, type CellAnomaly } from './cellAnomalies';
import { forecastCases, seasonalTrend, type CaseForecast } from './forecast';
import { DUE_LEVELS, dueSoonRows, type DueLevel } from './dueSoon';
import { REPEAT_RULES, repeatAssets } from './repeatAssets';
import { ABSENT_CODE } from '../assessment/assessmentColumns';

export type WarningLayer = CaseLayer | 'patches';
export const WARNING_LAYERS: readonly WarningLayer[] = ['lamps', 'manholes', 'railway', 'patches'];
export type RepeatLayer = keyof typeof REPEAT_RULES;

/** What the early warnings are asked for: the moment, how far ahead, and the towns kept (absent: all). */
export interface WarningsQuery {
  now: number;
  hours: number;
  towns?: string[];
  /** How many of each list to give whole; the counts always cover every case. */
  limit?: number;
}

export interface DueSoonCase {
  layer: WarningLayer;
  id: string;
  /** The pole or cover it was filed against (lamp faults, cover defects). */
  asset?: string;
  /** Town code, or null outside the towns. */
  town: string | null;
  deadline: number;
  hoursLeft: number;
  level: DueLevel;
  category: string;
  /** The unit answerable for it (its own; a railway issue's or patch's town when it has none), or null. */
  unit: string | null;
  position: [number, number];
}

export interface RepeatedAsset {
  layer: RepeatLayer;
  asset: string;
  town: string | null;
  /** Its cases in the window, oldest first. */
  cases: string[];
  last: number;
  position: [number, number];
}

export interface WarningsAnswer {
  now: number;
  hours: number;
  /** Every due-soon case counted, per level, and per town and level. */
  dueSoonCounts: Record<DueLevel, number>;
  dueSoonByTown: { town: string | null; counts: Record<DueLevel, number> }[];
  /** The same per responsible unit (null: none), by unit code. */
  dueSoonByUnit: { unit: string | null; counts: Record<DueLevel, number> }[];
  /** The soonest `limit` of them. */
  dueSoon: DueSoonCase[];
  repeatCount: number;
  /** Per town, how many assets are failing again and the latest failure among them (all of them), by town code. */
  repeatByTown: { town: string | null; assets: number; last: number }[];
  /** The `limit` assets with the most cases. */
  repeats: RepeatedAsset[];
  /** Counts over the last day or week above their baselines, most unlikely first (all of them). */
  anomalies: Anomaly[];
  /** H3 cells whose last week stands far above their own weeks before, most unlikely first (all of them). */
  cells: CellAnomaly[];
  /** The next 7 days of each point case layer in the towns kept; null where it is not computed (the server's answers). */
  forecast: (CaseForecast & { layer: CaseLayer })[];
}

/** One case layer as the warnings read it: its cases, which rows the filters keep, and each case's asset (poles, covers). */
export interface WarningTable {
  layer: WarningLayer;
  table: CaseTable;
  keep: Uint8Array | null;
  assets?: readonly string[];
}

const noLevels = (): Record<DueLevel, number> => ({ critical: 0, high: 0, watch: 0 });

/** Assets failing again, counted per town, with the latest failure among them. */
function repeatsPerTown(repeats: readonly RepeatedAsset[]): WarningsAnswer['repeatByTown'] {
  const byTown = new Map<string | null, { assets: number; last: number }>();
  for (const r of repeats) {
    const t = byTown.get(r.town);
    if (t) {
      t.assets++;
      t.last = Math.max(t.last, r.last);
    } else byTown.set(r.town, { assets: 1, last: r.last });
  }
  return [...byTown].sort(([a], [b]) => (a ?? '').localeCompare(b ?? '')).map(([town, t]) => ({ town, ...t }));
}

/** A case's responsible unit as the warnings name it: its own, else a railway issue's or patch's town (the assessment's default); the page and the SQL alike. */
function unitOf(layer: WarningLayer, table: CaseTable, row: number, town: string | null): string | null {
  const a = table.assessment;
  if (a && a.unit[row] !== ABSENT_CODE) return a.units[a.unit[row]];
  return layer === 'railway' || layer === 'patches' ? town : null;
}

/**
 * The early warnings over the layers loaded: cases due within `hours` of `now` (every layer) and
 * assets failing again and again (poles, covers), in the towns kept (`keepTown[slot]`, slot 0 the
 * outside) and the rows each table's filters keep.
 */
export function warnings(
  tables: readonly WarningTable[],
  codes: readonly string[],
  keepTown: Uint8Array,
  query: WarningsQuery,
  townAt: (lng: number, lat: number) => string | null = () => null,
): WarningsAnswer {
  const limit = query.limit ?? 50;
  const townOf = (table: CaseTable, row: number) => (table.town[row] >= 0 ? codes[table.town[row]] : null);
  const due: DueSoonCase[] = [];
  const counts = noLevels();
  const byTown = new Map<string | null, Record<DueLevel, number>>();
  const byUnit = new Map<string | null, Record<DueLevel, number>>();
  const add = (map: Map<string | null, Record<DueLevel, number>>, key: string | null, level: DueLevel) => {
    let c = map.get(key);
    if (!c) map.set(key, (c = noLevels()));
    c[level]++;
  };
  const repeats: RepeatedAsset[] = [];
  const anomalies: Anomaly[] = [];
  const forecast: WarningsAnswer['forecast'] = [];
  const cells: CellAnomaly[] = [];
  for (const { layer, table, keep, assets } of tables) {
    const kept = (row: number) => keepTown[table.town[row] + 1] === 1 && (keep === null || keep[row] === 1);
    if (layer !== 'patches') {
      // The season's trend from the whole district (one town's history is too thin for it).
      const trend = seasonalTrend(table, query.now, (row) => keep === null || keep[row] === 1);
      forecast.push({ layer, ...forecastCases(table, query.now, kept, trend) });
    }
    // Patches arrive in batches, one per satellite pass: a batch is their rhythm, not an anomaly.
    if (layer !== 'patches') {
      // One seasonal factor per layer, for its counts and its cells alike.
      const seasonal = seasonalFactor(table, query.now, kept);
      anomalies.push(...layerAnomalies(layer, table, codes, query.now, kept, keepTown, seasonal));
      cells.push(...cellAnomalies(layer, table, query.now, kept, seasonal, townAt));
    }
    for (const r of dueSoonRows(table, query.now, query.hours, kept)) {
      const town = townOf(table, r.row);
      const unit = unitOf(layer, table, r.row, town);
      counts[r.level]++;
      add(byTown, town, r.level);
      add(byUnit, unit, r.level);
      due.push({
        layer,
        id: table.ids[r.row],
        ...(assets ? { asset: assets[r.row] } : {}),
        town,
        deadline: r.deadline,
        hoursLeft: r.hoursLeft,
        level: r.level,
        category: table.categories[table.category[r.row]] ?? '',
        unit,
        position: [table.x[r.row], table.y[r.row]],
      });
    }
    if (assets && (layer === 'lamps' || layer === 'manholes')) {
      for (const a of repeatAssets(table, assets, query.now, REPEAT_RULES[layer], kept)) {
        const last = a.rows[a.rows.length - 1];
        repeats.push({ layer, asset: a.asset, town: townOf(table, last), cases: a.rows.map((i) => table.ids[i]), last: a.last, position: [table.x[last], table.y[last]] });
      }
    }
  }
  due.sort((a, b) => a.deadline - b.deadline || WARNING_LAYERS.indexOf(a.layer) - WARNING_LAYERS.indexOf(b.layer) || (a.id < b.id ? -1 : 1));
  repeats.sort((a, b) => b.cases.length - a.cases.length || b.last - a.last || (a.asset < b.asset ? -1 : 1));
  const towns = [...byTown].sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''));
  return {
    now: query.now,
    hours: query.hours,
    dueSoonCounts: counts,
    dueSoonByTown: towns.map(([town, c]) => ({ town, counts: c })),
    dueSoonByUnit: [...byUnit].sort(([a], [b]) => (a ?? '').localeCompare(b ?? '')).map(([unit, c]) => ({ unit, counts: c })),
    dueSoon: due.slice(0, limit),
    repeatCount: repeats.length,
    repeatByTown: repeatsPerTown(repeats),
    repeats: repeats.slice(0, limit),
    anomalies: anomalies.sort((a, b) => a.p - b.p),
    cells: cells.sort((a, b) => a.p - b.p || (a.cell < b.cell ? -1 : 1)),
    forecast,
  };
}

export { DUE_LEVELS };
