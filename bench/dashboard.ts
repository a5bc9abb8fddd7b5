/**
 * Dashboard query latency (not a test): what a brush drag or a playback step costs in the stats
 * worker, per panel question, on the bundled data or a scaled copy.
 *   npx tsx bench/dashboard.ts [dataDir=public/data] [runs=15]
 *   (10×: npm run data -- --scale 10 --out public/data-10x; NODE_OPTIONS=--max-old-space-size=12000)
 * Reports medians for a month, a year and the whole span, with and without a class filter.
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { bucketEdges } from '../src/stats/series/buckets';
import { createStatsApi, type StatsRange } from '../src/stats/worker/statsApi';

const dir = process.argv[2] ?? 'public/data';
const runs = Number(process.argv[3] ?? 15);
const read = (name: string) => JSON.parse(readFileSync(`${dir}/${name}.geojson`, 'utf8')) as FeatureCollection;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cst = (s: string) => Date.parse(`${s}T00:00:00+08:00`);

const api = createStatsApi();
const loadStart = performance.now();
api.loadTowns(read('towns').features.map((f) => ({ code: String(f.properties!.code), geometry: f.geometry as never })));
api.loadLamps(read('lamps').features as never, read('lamp-faults').features as never);
api.loadManholes(read('manholes').features as never, read('manhole-defects').features as never);
api.loadPatches(read('patches').features as never);
api.loadRailway(read('railways').features as never, read('railway-corridor').features as never, read('railway-issues').features as never);
console.log(`${dir}: loaded (read, parse, index) in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);

const windows: [string, StatsRange][] = [
  ['a month (2025-06)', { from: cst('2025-06-01'), to: cst('2025-07-01') }],
  ['a year (2025)', { from: cst('2025-01-01'), to: cst('2026-01-01') }],
  ['all six years', { from: cst('2021-01-01'), to: cst('2026-11-01') }],
];
const RAIN = { manholes: { kind: ['rain'] } };
const questions: [string, (r: StatsRange) => unknown][] = [
  ['query (table, bars)', (r) => api.query(r)],
  ['query + class filter', (r) => api.query({ ...r, classes: RAIN })],
  ['series (trend)', (r) => api.series(bucketEdges(r.from, r.to))],
  ['kpis (cards)', (r) => api.kpis(r)],
  ['hotspots', (r) => api.hotspots(r)],
];

// Warm-up: JIT, lazily built H3 cells and month snapshots.
for (const [, ask] of questions) for (const [, r] of windows) ask(r);
const rows = questions.map(([name, ask]) => {
  const cells = windows.map(([, r]) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      ask(r);
      times.push(performance.now() - t);
    }
    return `${median(times).toFixed(2)} ms`;
  });
  return `| ${name} | ${cells.join(' | ')} |`;
});
console.log(`| question | ${windows.map(([w]) => w).join(' | ')} |`);
console.log(`|---|${windows.map(() => '---').join('|')}|`);
console.log(rows.join('\n'));
