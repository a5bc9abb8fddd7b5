/**
 * Map benchmark (not a test): time from parsed GeoJSON to the first drawn frame, and frames per
 * second while panning, for the dashboard's layers, the floor (a bare ScatterplotLayer on binary
 * positions) and the naive GeoJsonLayer, side by side in one run, for the 1× and 10× data.
 *   npm run data:scaled   # once, for public/data-10x
 *   npx tsx bench/mapFrames.ts [runs=3] [panSeconds=4] [modes=app,floor,naive,none] [data=1×,10×]
 * Each measurement is a fresh page; modes are interleaved so drift on a shared machine hits all alike.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'vite';
import { launchChromium } from '../test/browser/support/chromium';
import type { BenchResult, Mode } from './map/main';

const runs = Number(process.argv[2] ?? 3);
const panSeconds = Number(process.argv[3] ?? 4);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const datasets = [
  { name: '1×', dir: '/data' },
  { name: '10×', dir: '/data-10x' },
]
  .filter((d) => existsSync(`public${d.dir}/manholes.geojson`))
  .filter((d) => !process.argv[5] || process.argv[5].split(',').includes(d.name));
const modes = (process.argv[4] ?? 'app,floor,naive,none').split(',') as Mode[];

const server = await createServer({ root: 'bench/map', publicDir: '../../public', server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
await server.listen();
const base = server.resolvedUrls!.local[0].replace(/\/$/, '');
const browser = await launchChromium();
const results: Record<string, Record<Mode, BenchResult[]>> = {};
try {
  for (const data of datasets) {
    results[data.name] = Object.fromEntries(modes.map((m) => [m, []])) as unknown as Record<Mode, BenchResult[]>;
    for (let run = 0; run < runs; run++) {
      for (const mode of modes) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(`${base}/`);
        await page.waitForFunction(() => typeof window.runBench === 'function', undefined, { timeout: 120_000 });
        const r = await page.evaluate(({ mode, dir, panSeconds }) => window.runBench(mode, dir, panSeconds), { mode, dir: data.dir, panSeconds });
        results[data.name][mode].push(r);
        console.log(`${data.name} ${mode} run ${run + 1}: ${r.points} points, first frame ${r.firstFrameMs.toFixed(0)} ms (layers made in ${r.layersMs.toFixed(0)} ms), ${r.fps.toFixed(2)} fps`);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`\nmedians of ${runs} runs (pan ${panSeconds} s):`);
console.log('| data | points | approach | first frame (ms) | of which making layers (ms) | pan fps | fps vs floor | first frame vs naive |');
console.log('|---|---|---|---|---|---|---|---|');
for (const [name, byMode] of Object.entries(results)) {
  const first = (m: Mode) => median(byMode[m].map((r) => r.firstFrameMs));
  const fps = (m: Mode) => median(byMode[m].map((r) => r.fps));
  const layersMs = (m: Mode) => median(byMode[m].map((r) => r.layersMs));
  for (const m of modes) {
    console.log(
      `| ${name} | ${byMode[m][0].points.toLocaleString('en')} | ${m} | ${first(m).toFixed(0)} | ${layersMs(m).toFixed(0)} | ${fps(m).toFixed(2)} | ${byMode.floor ? ((fps(m) / fps('floor')) * 100).toFixed(0) : '–'}% | ${byMode.naive ? (first('naive') / first(m)).toFixed(1) : '–'}× sooner |`,
    );
  }
}
