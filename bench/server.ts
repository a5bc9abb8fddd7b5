/**
 * Server stack benchmark (not a test): MapServer tile latency at low, middle and high zoom, the
 * town statistics for a month and a year from SQL, and the case trend, KPI cards and hot spots as
 * the app asks the server for them, against the browser engine's same figures (in Node, the same code as its
 * worker) where it can hold the data. Each scale is loaded into a
 * stack of its own (.server-bench, ports 55435 / 8092), which is stopped at the end.
 *   npm run data -- --scale 10 --out public/data-10x    (and 100 for public/data-100x)
 *   NODE_OPTIONS=--max-old-space-size=12000 npx tsx bench/server.ts [scales=1,10,100] [runs=15] [loaded]
 * `loaded` reuses what the bench stack already holds (one scale): no load, no load time.
 * Each statistics question differs from the one before by a minute at its end, so the server's
 * few-second answer cache (which spares MapServer's second asking) never answers it.
 */
import { existsSync, statSync, readdirSync } from 'node:fs';
import { parseCst } from '../src/layers/common/time';
import { bucketEdges } from '../src/stats/series/buckets';
import { kpiWindows } from '../src/stats/kpis';
import { serverAnswers } from '../src/stats/serverAnswers';
import { townStatsUrl } from '../src/stats/serverTownStats';
import { loadEngineFromBuild } from '../test/support/engine';
import { serverStack } from '../test/support/serverStack';
import { mapServerTileUrl, tileOf } from '../test/support/tiles';

const scales = (process.argv[2] ?? '1,10,100').split(',').map(Number);
const runs = Number(process.argv[3] ?? 15);
const alreadyLoaded = process.argv[4] === 'loaded';
/** Above this much GeoJSON the engine is not measured: a browser tab cannot hold it. */
const ENGINE_LIMIT_BYTES = 1.5e9;
const stack = serverStack('.server-bench', 55435, 8092);
const base = stack.mapserv;
const run = stack.run;
const dirOf = (scale: number) => (scale === 1 ? 'public/data' : `public/data-${scale}x`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))];
const ms = (x: number) => x.toFixed(x < 10 ? 2 : 1);

/** The 3×3 tiles around Mingshui (the densest town) at a zoom. */
function tilesAround(z: number): [number, number][] {
  const [x, y] = tileOf(117.53, 36.72, z);
  return [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy): [number, number] => [x + dx, y + dy]));
}

async function timed(url: string, retry = true): Promise<{ ms: number; bytes: number }> {
  const t = performance.now();
  const res = await fetch(url).catch((e: unknown) => {
    // A kept-alive socket that lighttpd closed while idle (during a load) fails once: ask again.
    if (retry) return null;
    throw new Error(`${url}: ${e instanceof Error ? `${e.message} (${String(e.cause)})` : String(e)}`);
  });
  if (res === null) return timed(url, false);
  const body = await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return { ms: performance.now() - t, bytes: body.byteLength };
}

async function measure(urls: string[]): Promise<{ median: number; p90: number; bytes: number }> {
  for (const url of urls) await timed(url); // one cold pass, not counted
  const times: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const url of urls) {
      const r = await timed(url);
      times.push(r.ms);
      sizes.push(r.bytes);
    }
  }
  return { median: median(times), p90: p90(times), bytes: median(sizes) };
}

/** Each address once (the first not counted): for questions that must not repeat. */
async function measureEach(urls: string[]): Promise<{ median: number; p90: number; bytes: number }> {
  await timed(urls[0]);
  const results = [];
  for (const url of urls.slice(1)) results.push(await timed(url));
  return { median: median(results.map((r) => r.ms)), p90: p90(results.map((r) => r.ms)), bytes: median(results.map((r) => r.bytes)) };
}

/** Each call once (the first not counted), timed end to end. */
async function measureCalls(calls: (() => Promise<unknown>)[]): Promise<number> {
  await calls[0]();
  const times: number[] = [];
  for (const call of calls.slice(1)) {
    const t = performance.now();
    if ((await call()) === null) throw new Error('the server did not answer');
    times.push(performance.now() - t);
  }
  return median(times);
}

const WINDOWS = {
  month: [parseCst(2025, 6, 1), parseCst(2025, 7, 1)],
  year: [parseCst(2025, 1, 1), parseCst(2026, 1, 1)],
  // The dashboard's default range: every month of the data.
  span: [parseCst(2021, 1, 1), parseCst(2026, 11, 1)],
} as const;

/** The cards as the app asked for them before kpi-windows: one town-stats request per window, sent at once. */
function kpisPerWindow(range: { from: number; to: number }) {
  const w = kpiWindows(range);
  const get = (url: string) => fetch(url).then((r) => (r.ok ? r.json() : null));
  return Promise.all([w.current, w.previous, ...w.spark].map((x) => get(townStatsUrl(stack.ogcApi, x)))).then((pages) => (pages.every(Boolean) ? pages : null));
}

async function main() {
  const rows: string[] = [];
  type Answers = { series: number; kpis: number; hotspots: number };
  const cardRows: string[] = [];
  const seriesRows: { scale: number; served: Answers; engine: Answers | null }[] = [];
  run('start.sh');
  try {
    for (const scale of scales) {
      const dir = dirOf(scale);
      if (!existsSync(`${dir}/towns.geojson`)) {
        console.error(`${dir} is missing: npm run data -- --scale ${scale} --out ${dir}`);
        continue;
      }
      const bytes = readdirSync(dir).reduce((t, f) => t + statSync(`${dir}/${f}`).size, 0);
      const t0 = performance.now();
      if (!alreadyLoaded) console.error(run('load.sh', '--fast', dir).trim());
      const loadS = alreadyLoaded ? NaN : (performance.now() - t0) / 1000;
      const tile = (z: number) => tilesAround(z).map(([x, y]) => mapServerTileUrl(base, x, y, z, 'lamps-tiles+manholes-tiles'));
      const tiles = { low: await measure(tile(9)), middle: await measure(tile(12)), high: await measure(tile(15)) };
      const asked = (w: readonly [number, number]) => Array.from({ length: runs + 1 }, (_, i) => townStatsUrl(stack.ogcApi, { from: w[0], to: w[1] + i * 60_000 }));
      const stats = { month: await measureEach(asked(WINDOWS.month)), year: await measureEach(asked(WINDOWS.year)) };
      // As the app asks: the trend of a year by week (one request), the cards of a month (the month,
      // the one before and the 15 sparkline windows: one kpi-windows request), the hot
      // spots of a year (hour-week and hot-cells, at once).
      const server = serverAnswers(stack.ogcApi, (url) => fetch(url).then((r) => (r.ok ? r.json() : null)));
      const weeks = (i: number) => bucketEdges(WINDOWS.year[0], WINDOWS.year[1], 'week').map((e, k, all) => (k === all.length - 1 ? e + i * 60_000 : e));
      const served = {
        series: await measureCalls(Array.from({ length: runs + 1 }, (_, i) => () => server.series(weeks(i))!)),
        kpis: await measureCalls(Array.from({ length: runs + 1 }, (_, i) => () => server.kpis({ from: WINDOWS.month[0], to: WINDOWS.month[1] + i * 60_000 })!)),
        hotspots: await measureCalls(Array.from({ length: runs + 1 }, (_, i) => () => server.hotspots({ from: WINDOWS.year[0], to: WINDOWS.year[1] + i * 60_000 })!)),
      };
      seriesRows.push({ scale, served, engine: null });
      // The cards of a month and of the whole span, one request (kpi-windows) against one per window,
      // alternating so both see the same machine. The span is costly at 100×: fewer questions.
      const cards = { month: { one: [] as number[], each: [] as number[] }, span: { one: [] as number[], each: [] as number[] } };
      for (const which of ['month', 'span'] as const) {
        const times = cards[which];
        const n = which === 'span' ? Math.min(runs, 3) : runs;
        for (let i = 0; i <= n; i++) {
          const range = { from: WINDOWS[which][0], to: WINDOWS[which][1] + (i + 100) * 60_000 };
          for (const [how, ask] of [['one', () => server.kpis(range)!], ['each', () => kpisPerWindow(range)]] as const) {
            const t = performance.now();
            if ((await ask()) === null) throw new Error('the server did not answer');
            if (i > 0) times[how].push(performance.now() - t);
          }
        }
      }
      cardRows.push(`| ${scale}× | ${ms(median(cards.month.one))} / ${ms(median(cards.month.each))} (${(median(cards.month.each) / median(cards.month.one)).toFixed(1)}×) | ${ms(median(cards.span.one))} / ${ms(median(cards.span.each))} (${(median(cards.span.each) / median(cards.span.one)).toFixed(1)}×) |`);
      console.error(cardRows.at(-1));
      let engine = { load: NaN, month: NaN, year: NaN };
      if (bytes < ENGINE_LIMIT_BYTES) {
        const l0 = performance.now();
        const api = loadEngineFromBuild(dir);
        const load = (performance.now() - l0) / 1000;
        /** The median time of `runs` calls (the engine answers in the same thread). */
        const timeOf = (f: () => unknown) => {
          const times: number[] = [];
          for (let i = 0; i < runs; i++) {
            const t = performance.now();
            f();
            times.push(performance.now() - t);
          }
          return median(times);
        };
        const q = (w: readonly [number, number]) => timeOf(() => api.query({ from: w[0], to: w[1] }));
        engine = { load, month: q(WINDOWS.month), year: q(WINDOWS.year) };
        seriesRows.at(-1)!.engine = {
          series: timeOf(() => api.series(weeks(0))),
          kpis: timeOf(() => api.kpis({ from: WINDOWS.month[0], to: WINDOWS.month[1] })),
          hotspots: timeOf(() => api.hotspots({ from: WINDOWS.year[0], to: WINDOWS.year[1] })),
        };
      }
      const cell = (m: { median: number; p90: number; bytes: number }) => `${ms(m.median)} (p90 ${ms(m.p90)}) · ${(m.bytes / 1024).toFixed(1)} KB`;
      rows.push(
        `| ${scale}× | ${(bytes / 1e9).toFixed(2)} GB | ${Number.isNaN(loadS) ? 'loaded before' : `${loadS.toFixed(1)} s`} | ${cell(tiles.low)} | ${cell(tiles.middle)} | ${cell(tiles.high)} | ${ms(stats.month.median)} | ${ms(stats.year.median)} | ${
          Number.isNaN(engine.load) ? 'cannot hold the data' : `${engine.load.toFixed(1)} s load · ${ms(engine.month)} / ${ms(engine.year)}`
        } |`,
      );
      console.error(rows.at(-1));
    }
  } finally {
    run('stop.sh');
  }
  console.log(`runs=${runs}: tiles, medians of ${runs} passes over 9 tiles; statistics, medians of ${runs} different questions; each after one cold request; times in ms`);
  console.log('| data | GeoJSON | load into PostGIS | tile z9 (town totals) | tile z12 (grid totals) | tile z15 (points) | SQL stats, month | SQL stats, year | browser engine: load · month / year |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('');
  console.log('| data | case trend, 2025 by week: server / engine | KPI cards, a month (17 windows): server / engine | hot spots, 2025: server / engine |');
  console.log('|---|---|---|---|');
  const pair = (r: (typeof seriesRows)[number], k: keyof Answers) => `${ms(r.served[k])} / ${r.engine ? ms(r.engine[k]) : 'cannot hold the data'}`;
  for (const r of seriesRows) console.log(`| ${r.scale}× | ${pair(r, 'series')} | ${pair(r, 'kpis')} | ${pair(r, 'hotspots')} |`);
  console.log('');
  console.log('| data | KPI cards of a month (17 windows): kpi-windows / one town-stats per window | of the whole span 2021-01 to 2026-10 |');
  console.log('|---|---|---|');
  for (const r of cardRows) console.log(r);
}

void main();
