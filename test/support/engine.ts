import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { createStatsApi, type StatsApi } from '../../src/stats/worker/statsApi';


/**
 * The statistics engine loaded in Node with the files of a data folder (by default the very files
 * the built app serves): what the page, or the server, shows must equal what this answers.
 */
export function loadEngineFromBuild(dir = 'dist/data'): StatsApi {
  const read = (name: string) => JSON.parse(readFileSync(`${dir}/${name}.geojson`, 'utf8')) as FeatureCollection;
  const api = createStatsApi();
  const towns = read('towns');
  api.loadTowns(towns.features.map((f) => ({ code: String(f.properties!.code), geometry: f.geometry as never })));
  api.loadLamps(read('lamps').features as never, read('lamp-faults').features as never);
  api.loadManholes(read('manholes').features as never, read('manhole-defects').features as never);
  api.loadPatches(read('patches').features as never);
  api.loadRailway(read('railways').features as never, read('railway-corridor').features as never, read('railway-issues').features as never);
  return api;
}
