import * as turf from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { coverInventory, defectTable, manholeStats, type CoverInventory, type ManholeStats } from '../../layers/manholes/stats';
import type { PatchProperties } from '../../layers/patches/schema';
import { buildPatchTable, patchStats, type PatchStats, type PatchTable } from '../../layers/patches/stats';
import { railwayGeometry, railwayIssueTable, railwayStats, type RailwayGeometry, type RailwayStats } from '../../layers/railway/stats';
import { lampFaultTable, lampInventory, lampStats, type LampInventory, type LampStats } from '../../layers/streetLamps/stats';
import type { CaseTable } from '../cases/caseTable';
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
}

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

  return {
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
      return {
        codes: [...t.codes],
        areasKm2: [...areasKm2],
        lamps: lamps && lampStats(lamps.inventory, lamps.faults, t.codes.length, { ...base, within: maskFor(lamps.faults, range.spatial) }),
        manholes: manholes && manholeStats(manholes.inventory, manholes.defects, t.codes.length, { ...base, within: maskFor(manholes.defects, range.spatial) }),
        patches: patches && patchStats(patches, range.from, range.to, townSet),
        railway: railway && railwayStats(railway.geometry, railway.issues, t.codes.length, { ...base, within: maskFor(railway.issues, range.spatial) }),
      };
    },
  };
}

export type StatsApi = ReturnType<typeof createStatsApi>;
