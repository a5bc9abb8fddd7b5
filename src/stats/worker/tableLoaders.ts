import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { FeatureTable } from '../../data/columnar/featureTable';
import { featuresOf } from '../../data/columnar/readTable';
import type { PatchProperties } from '../../layers/patches/schema';
import type { createStatsApi } from './statsApi';

type Points<P = Record<string, unknown>> = Feature<Point, P>[];

/** Features for the engine to index: times as epoch milliseconds, which its tables take as they are. */
const engineFeatures = (table: FeatureTable) => featuresOf(table, undefined, { epochTimes: true });

/**
 * The engine's loaders fed from columns: the page sends each collection's typed arrays (a copy of
 * a few buffers, not a clone of an object per feature), and the features the engine indexes are
 * rebuilt here, in the worker, with their times as numbers (the engine's tables would parse ISO
 * text back into them), and dropped once indexed.
 */
export function withTableLoaders(api: ReturnType<typeof createStatsApi>) {
  return {
    ...api,
    loadLampTables: (poles: FeatureTable, faults: FeatureTable) => api.loadLamps(engineFeatures(poles) as unknown as Points<{ lampCount: number }>, engineFeatures(faults) as unknown as Points),
    loadManholeTables: (covers: FeatureTable, defects: FeatureTable) => api.loadManholes(engineFeatures(covers) as unknown as Points<{ kind: string }>, engineFeatures(defects) as unknown as Points),
    loadPatchTable: (patches: FeatureTable) => api.loadPatches(engineFeatures(patches) as unknown as Feature<Polygon | MultiPolygon, PatchProperties>[]),
    loadRailwayTables: (railways: FeatureTable, corridor: FeatureTable, issues: FeatureTable) =>
      api.loadRailway(
        engineFeatures(railways) as unknown as Feature<LineString | MultiLineString>[],
        engineFeatures(corridor) as unknown as Feature<Polygon | MultiPolygon>[],
        engineFeatures(issues) as unknown as Points,
      ),
  };
}

export type StatsWorkerApi = ReturnType<typeof withTableLoaders>;
