import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { FeatureTable } from '../../data/columnar/featureTable';
import { featuresOf } from '../../data/columnar/readTable';
import type { PatchProperties } from '../../layers/patches/schema';
import type { createStatsApi } from './statsApi';

type Points<P = Record<string, unknown>> = Feature<Point, P>[];

/**
 * The engine's loaders fed from columns: the page sends each collection's typed arrays (a copy of
 * a few buffers, not a clone of an object per feature), and the features the engine indexes are
 * rebuilt here, in the worker, and dropped once indexed.
 */
export function withTableLoaders(api: ReturnType<typeof createStatsApi>) {
  return {
    ...api,
    loadLampTables: (poles: FeatureTable, faults: FeatureTable) => api.loadLamps(featuresOf(poles) as unknown as Points<{ lampCount: number }>, featuresOf(faults) as unknown as Points),
    loadManholeTables: (covers: FeatureTable, defects: FeatureTable) => api.loadManholes(featuresOf(covers) as unknown as Points<{ kind: string }>, featuresOf(defects) as unknown as Points),
    loadPatchTable: (patches: FeatureTable) => api.loadPatches(featuresOf(patches) as unknown as Feature<Polygon | MultiPolygon, PatchProperties>[]),
    loadRailwayTables: (railways: FeatureTable, corridor: FeatureTable, issues: FeatureTable) =>
      api.loadRailway(
        featuresOf(railways) as unknown as Feature<LineString | MultiLineString>[],
        featuresOf(corridor) as unknown as Feature<Polygon | MultiPolygon>[],
        featuresOf(issues) as unknown as Points,
      ),
  };
}

export type StatsWorkerApi = ReturnType<typeof withTableLoaders>;
