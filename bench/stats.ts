/**
 * Statistics engine benchmark (not a test): engine vs the naive all-Turf approach, side by side.
 *   npm run data:scaled   (or: npm run data -- --scale 10 --out public/data-10x)
 *   NODE_OPTIONS=--max-old-space-size=12000 npx tsx bench/stats.ts [scales=1,10] [runs=15]
 * Reports medians: time to assign every case to its town at load, and time to re-aggregate the
 * case flow of every town for a new time window.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { buildCaseTable, LIFECYCLE_FIELDS, type CaseTable } from '../src/stats/cases/caseTable';
import { caseFlow } from '../src/stats/cases/caseFlow';
import { buildCaseIndex } from '../src/stats/cases/caseIndex';
import { buildTownIndex, type Region } from '../src/stats/towns/townIndex';
import { naiveAssignTowns } from '../test/support/naiveTowns';

const scales = (process.argv[2] ?? '1,10').split(',').map(Number);
const runs = Number(process.argv[3] ?? 15);
const CAUSES = ['lightSource', 'cable', 'controller', 'power', 'pole', 'vandalism'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn: () => unknown) => {
  const t = performance.now();
  fn();
  return performance.now() - t;
};
const dirOf = (scale: number) => (scale === 1 ? 'public/data' : `public/data-${scale}x`);
const read = <T>(dir: string, f: string) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as T;
/** The properties the engine's case table and the naive approach read. */
const CASE_PROPERTIES = ['townCode', 'cause', 'lampsAffected', ...Object.values(LIFECYCLE_FIELDS)];

/**
 * A case file's features. One over 400 MB (100×) is more text than one JavaScript string may
 * hold, so it is read a line (a feature) at a time and each feature keeps only the properties
 * both approaches read; engine and naive then work on the very same objects.
 */
async function readCases(dir: string, f: string): Promise<FeatureCollection<Point, Record<string, unknown>>['features']> {
  const path = `${dir}/${f}`;
  if (statSync(path).size < 400 * 1024 * 1024) return read<FeatureCollection<Point, Record<string, unknown>>>(dir, f).features;
  const features: FeatureCollection<Point, Record<string, unknown>>['features'] = [];
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    if (!line.startsWith('{"type":"Feature"')) continue;
    const feature = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as FeatureCollection<Point, Record<string, unknown>>['features'][number];
    const slim: Record<string, unknown> = {};
    for (const key of CASE_PROPERTIES) slim[key] = feature.properties[key];
    features.push({ type: 'Feature', geometry: feature.geometry, properties: slim });
  }
  return features;
}

/** Doubles a table (same cases twice) to reach a million cases for the re-aggregation goal. */
function doubled(t: CaseTable): CaseTable {
  const twice = <A extends Float64Array | Int16Array | Int32Array | Uint8Array>(a: A): A => {
    const out = new (a.constructor as new (n: number) => A)(a.length * 2);
    for (let i = 0; i < a.length; i++) out[2 * i] = out[2 * i + 1] = a[i];
    return out;
  };
  const doubledColumns = {
    ...t,
    size: t.size * 2,
    ids: [...t.ids, ...t.ids],
    x: twice(t.x),
    y: twice(t.y),
    town: twice(t.town),
    reported: twice(t.reported),
    handled: twice(t.handled),
    closed: twice(t.closed),
    deadline: twice(t.deadline),
    category: twice(t.category),
    amount: twice(t.amount),
    minutesToClose: twice(t.minutesToClose),
    minutesToHandle: twice(t.minutesToHandle),
  };
  return { ...doubledColumns, index: buildCaseIndex(doubledColumns) };
}

const windows = {
  'a year (2025)': ['2025-01-01', '2026-01-01'],
  'a month (2024-03)': ['2024-03-01', '2024-04-01'],
  'all six years': ['2021-01-01', '2026-11-01'],
} as const;

for (const scale of scales) {
  const dir = dirOf(scale);
  if (!existsSync(`${dir}/lamp-faults.geojson`)) {
    console.log(`${scale}×: ${dir} is missing, skipped (npm run data:scaled)`);
    continue;
  }
  const towns = read<FeatureCollection<Polygon | MultiPolygon, { code: string }>>(dir, 'towns.geojson');
  const regions: Region[] = towns.features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
  const faults = await readCases(dir, 'lamp-faults.geojson');
  const xs = Float64Array.from(faults, (f) => f.geometry.coordinates[0]);
  const ys = Float64Array.from(faults, (f) => f.geometry.coordinates[1]);
  console.log(`\n${scale}×: ${faults.length.toLocaleString('en')} lamp-fault cases`);

  buildTownIndex(regions).assign(xs, ys); // warm-up (JIT), not timed
  const build = median(Array.from({ length: 11 }, () => time(() => buildTownIndex(regions))));
  const index = buildTownIndex(regions);
  const assign = median(Array.from({ length: 11 }, () => time(() => index.assign(xs, ys))));
  const naiveAssign = median(Array.from({ length: 3 }, () => time(() => naiveAssignTowns(regions, xs, ys))));
  console.log(
    `assign towns at load: engine ${(build + assign).toFixed(1)} ms (index ${build.toFixed(1)} + assign ${assign.toFixed(1)}, medians of 11), ` +
      `naive Turf ${naiveAssign.toFixed(0)} ms (median of 3): ${(naiveAssign / (build + assign)).toFixed(0)}× faster`,
  );

  let table = buildCaseTable(faults, index, { ...LIFECYCLE_FIELDS, category: 'cause', amount: 'lampsAffected' }, CAUSES);
  if (table.size < 1_000_000 && scale >= 10) table = doubled(table);
  // Engine first, warmed up, so the naive runs' garbage does not land in its timings.
  const engineTimes = Object.entries(windows).map(([label, [a, b]]) => {
    const from = Date.parse(`${a}T00:00:00+08:00`);
    const to = Date.parse(`${b}T00:00:00+08:00`);
    for (let w = 0; w < 20; w++) caseFlow(table, index.codes.length, { from, to });
    return { label, from, to, ms: median(Array.from({ length: runs }, () => time(() => caseFlow(table, index.codes.length, { from, to })))) };
  });
  for (const { label, from, to, ms } of engineTimes) {
    // Naive: for each town, filter its cases and sort their durations, as one would with arrays of features.
    const naive = time(() => {
      for (const code of index.codes) {
        const mine = faults.filter((f) => f.properties.townCode === code);
        const closed = mine.filter((f) => {
          const c = Date.parse(String(f.properties.closedAt));
          return c >= from && c < to;
        });
        closed.map((f) => Date.parse(String(f.properties.closedAt)) - Date.parse(String(f.properties.reportedAt))).sort((x, y) => x - y);
      }
    });
    console.log(`re-aggregate ${label} over ${table.size.toLocaleString('en')} cases: engine ${ms.toFixed(2)} ms (median of ${runs}), naive ${naive.toFixed(0)} ms over ${faults.length.toLocaleString('en')} (1 run)`);
  }
}
