import * as turf from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { coverInventory, defectTable, manholeStats, type CoverInventory, type ManholeStats } from '../../layers/manholes/stats';
import type { PatchProperties } from '../../layers/patches/schema';
import { buildPatchTable, patchStats, type PatchStats, type PatchTable } from '../../layers/patches/stats';
import { railwayGeometry, railwayIssueTable, railwayStats, type RailwayGeometry, type RailwayStats } from '../../layers/railway/stats';
import { lampFaultTable, lampInventory, lampStats, type LampInventory, type LampStats } from '../../layers/streetLamps/stats';
import { caseFlow, type CaseFlowResult } from '../cases/caseFlow';
import type { CaseTable } from '../cases/caseTable';
import { patchSeries } from '../../layers/patches/series';
import { kpiValues, previousPeriod, thinEdges, type KpiValues } from '../kpis';
import { bucketEdges } from '../series/buckets';
import { caseSeries, type CaseSeries } from '../series/caseSeries';
import { spatialMask, type SpatialFilter } from '../cases/spatialMask';
import { buildTownIndex, type Region, type TownIndex } from '../towns/townIndex';

export interface StatsRange {
  from: number;
  to: number;
  /** Town codes to keep; absent keeps every town and the outside. */
  towns?: string[];
  /** The map viewport and / or a drawn area (applies to lamp faults, manhole defects and railway issues). */
  spatial?: SpatialFilter;
}

export interface TownFigures<T> {
  /** Index 0: outside the district, then one entry per town code. */
  bySlot: T[];
  district: T;
}

export interface StatsAnswer {
  codes: string[];
  /** Area of each slot in km² (null for outside the district), for densities. */
  areasKm2: (number | null)[];
  lamps: TownFigures<LampStats> | null;
  manholes: TownFigures<ManholeStats> | null;
  patches: TownFigures<PatchStats> | null;
  railway: TownFigures<RailwayStats> | null;
  /** Case flow of every case layer with closing (处结) as the end: reported, closed, closure rate, backlog, overdue. */
  flows: Record<CaseLayer, CaseFlowResult | null>;
}

export interface KpiAnswer {
  current: KpiValues;
  /** The period of equal length just before. */
  previous: KpiValues;
  /** The range cut into up to SPARK_POINTS sub-windows, each one's figures (for sparklines). */
  spark: { from: number; to: number; values: KpiValues }[];
}

const SPARK_POINTS = 16;

export type CaseLayer = 'lamps' | 'manholes' | 'railway';

/** Per domain layer, cases reported and closed per bucket and open at each bucket's end (patches: detected, concluded, open). */
export type SeriesAnswer = Record<CaseLayer | 'patches', CaseSeries | null>;

type Points<P = Record<string, unknown>> = Feature<Point, P>[];

/**
 * The statistics engine's state and queries as plain functions over structured-clonable data:
 * the stats worker exposes exactly this object, and Node tests call it directly. Each layer is
 * indexed once when it loads; a query then only aggregates.
 */
export function createStatsApi() {
  let regions: Region[] = [];
  let towns: TownIndex | null = null;
  let areasKm2: (number | null)[] = [];
  let lamps: { inventory: LampInventory; faults: CaseTable } | null = null;
  let manholes: { inventory: CoverInventory; defects: CaseTable } | null = null;
  let patches: PatchTable | null = null;
  let railway: { geometry: RailwayGeometry; issues: CaseTable } | null = null;
  // Spatial masks are computed once per filter and table, and reused while the filter stays.
  let maskKey = '';
  let masks = new WeakMap<CaseTable, Uint8Array>();

  const requireTowns = () => {
    if (!towns) throw new Error('load the towns before the layers');
    return towns;
  };
  const maskFor = (table: CaseTable, spatial?: SpatialFilter) => {
    if (!spatial || (!spatial.bbox && !spatial.polygon)) return null;
    const key = JSON.stringify(spatial);
    if (key !== maskKey) {
      maskKey = key;
      masks = new WeakMap();
    }
    let mask = masks.get(table);
    if (!mask) masks.set(table, (mask = spatialMask(table, spatial)));
    return mask;
  };

  const api = {
    loadTowns(next: Region[]): number {
      regions = next;
      towns = buildTownIndex(next);
      const t = towns;
      areasKm2 = [null, ...t.codes.map((code) => turf.area(next.find((r) => r.code === code)!.geometry) / 1e6)];
      lamps = manholes = patches = railway = null;
      return towns.codes.length;
    },
    loadLamps(poles: Points<{ lampCount: number }>, faults: Points): number {
      const t = requireTowns();
      lamps = { inventory: lampInventory(poles, t), faults: lampFaultTable(faults, t) };
      return lamps.faults.size;
    },
    loadManholes(covers: Points<{ kind: string }>, defects: Points): number {
      const t = requireTowns();
      manholes = { inventory: coverInventory(covers, t), defects: defectTable(defects, t) };
      return manholes.defects.size;
    },
    loadPatches(features: Feature<Polygon | MultiPolygon, PatchProperties>[]): number {
      requireTowns();
      patches = buildPatchTable(features, regions);
      return patches.size;
    },
    loadRailway(lines: Feature<LineString | MultiLineString>[], corridors: Feature<Polygon | MultiPolygon>[], issues: Points): number {
      const t = requireTowns();
      railway = { geometry: railwayGeometry(lines, corridors, regions, t), issues: railwayIssueTable(issues, t) };
      return railway.issues.size;
    },
    query(range: StatsRange): StatsAnswer | null {
      if (!towns) return null;
      const t = towns;
      const townSet = range.towns ? new Set(range.towns.map((c) => t.codes.indexOf(c)).filter((i) => i >= 0)) : null;
      const base = { from: range.from, to: range.to, towns: townSet };
      const flow = (table: CaseTable | undefined) => (table ? caseFlow(table, t.codes.length, { ...base, within: maskFor(table, range.spatial), doneStage: 'closed' }) : null);
      return {
        flows: { lamps: flow(lamps?.faults), manholes: flow(manholes?.defects), railway: flow(railway?.issues) },
        codes: [...t.codes],
        areasKm2: [...areasKm2],
        lamps: lamps && lampStats(lamps.inventory, lamps.faults, t.codes.length, { ...base, within: maskFor(lamps.faults, range.spatial) }),
        manholes: manholes && manholeStats(manholes.inventory, manholes.defects, t.codes.length, { ...base, within: maskFor(manholes.defects, range.spatial) }),
        patches: patches && patchStats(patches, range.from, range.to, townSet),
        railway: railway && railwayStats(railway.geometry, railway.issues, t.codes.length, { ...base, within: maskFor(railway.issues, range.spatial) }),
      };
    },
    /** Time series over the buckets [edges[k], edges[k + 1]) for the towns kept (all when absent). */
    series(edges: number[], townCodes?: string[]): SeriesAnswer | null {
      if (!towns) return null;
      const slots = towns.codes.length + 1;
      const keepTown = new Uint8Array(slots).fill(townCodes ? 0 : 1);
      for (const code of townCodes ?? []) {
        const i = towns.codes.indexOf(code);
        if (i >= 0) keepTown[i + 1] = 1;
      }
      const filter = { keepTown, keepCategory: new Uint8Array(256).fill(1) };
      const of = (table: CaseTable | undefined) => (table ? caseSeries(table, edges, filter) : null);
      return { lamps: of(lamps?.faults), manholes: of(manholes?.defects), railway: of(railway?.issues), patches: patches && patchSeries(patches, edges, keepTown) };
    },
    /** The headline figures for a range, the period before it and its sub-windows, under the same towns and spatial filter. */
    kpis(range: StatsRange): KpiAnswer | null {
      const current = api.query(range);
      if (!current) return null;
      const values = (r: { from: number; to: number }) => kpiValues(api.query({ ...range, ...r })!);
      const edges = thinEdges(bucketEdges(range.from, range.to), SPARK_POINTS);
      return {
        current: kpiValues(current),
        previous: values(previousPeriod(range)),
        spark: edges.slice(1).map((to, k) => ({ from: edges[k], to, values: values({ from: edges[k], to }) })),
      };
    },
  };
  return api;
}

export type StatsApi = ReturnType<typeof createStatsApi>;
