import type { Feature, Point } from 'geojson';
import { lampFaultTable, lampInventory, lampStats, type LampInventory, type LampStats } from '../../layers/streetLamps/stats';
import type { CaseTable } from '../cases/caseTable';
import { buildTownIndex, type Region, type TownIndex } from '../towns/townIndex';

export interface StatsRange {
  from: number;
  to: number;
  /** Town codes to keep; absent keeps every town and the outside. */
  towns?: string[];
}

export interface TownFigures<T> {
  codes: string[];
  /** Index 0: outside the district, then one entry per code. */
  bySlot: T[];
  district: T;
}

/**
 * The statistics engine's state and queries, as plain functions over transferable data: the
 * stats worker exposes exactly this object, and Node tests call it directly.
 */
export function createStatsApi() {
  let towns: TownIndex | null = null;
  let lamps: { inventory: LampInventory; faults: CaseTable } | null = null;

  const townSet = (codes?: string[]) => (codes && towns ? new Set(codes.map((c) => towns!.codes.indexOf(c)).filter((i) => i >= 0)) : null);

  return {
    loadTowns(regions: Region[]): number {
      towns = buildTownIndex(regions);
      lamps = null;
      return towns.codes.length;
    },
    loadLamps(poles: Feature<Point, { lampCount: number }>[], faults: Feature<Point, Record<string, unknown>>[]): number {
      if (!towns) throw new Error('load the towns before the lamps');
      lamps = { inventory: lampInventory(poles, towns), faults: lampFaultTable(faults, towns) };
      return lamps.faults.size;
    },
    lampStats(range: StatsRange): TownFigures<LampStats> | null {
      if (!towns || !lamps) return null;
      const result = lampStats(lamps.inventory, lamps.faults, towns.codes.length, { from: range.from, to: range.to, towns: townSet(range.towns) });
      return { codes: [...towns.codes], ...result };
    },
  };
}

export type StatsApi = ReturnType<typeof createStatsApi>;
