/**
 * Import at scale (issue 22, item 4; not a test): a ledger of N poles as GeoJSON and as CSV,
 * imported through the dialog of the built app in headless Chromium, builds side by side.
 *   npm run build
 *   git worktree add /tmp/old <commit> && (cd /tmp/old && ln -s /work/main/node_modules && npx vite build)
 *   npx tsx bench/importScale.ts [poles=1000000] [runs=3] [formats=geojson,csv] [old=/tmp/old/dist]
 *   bash bench/kepler/setup.sh                           # optional: kepler.gl imports the same files
 * Per app and format, medians of: the file read (chosen → settings), checked (→ review), drawn
 * (chosen → the layer holds every pole and the map is idle; no think-time in the dialog), the
 * longest main-thread task, the page's JS heap after a forced GC, and the memory (PSS) of the
 * renderer processes (the page and its workers) and of every Chromium process, once drawn.
 * The files are written to /tmp/zq-poles-N.{geojson,csv}: the same poles, for other tools too.
 */
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import type { Page } from 'playwright-core';
import { launchChromium, openWatchedPage } from '../test/browser/support/chromium';
import { Importer } from '../test/browser/support/importer';
import { chromiumPssByType, serve } from './support/servedBuild';

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

const poles = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const formats = (process.argv[4] ?? 'geojson,csv').split(',') as ('geojson' | 'csv')[];
const builds = [
  { name: 'before', dist: process.argv[5] ?? '/tmp/old/dist' },
  { name: 'after', dist: 'dist' },
].filter((b) => existsSync(b.dist));
/** kepler.gl's UMD build, when bench/kepler/setup.sh has fetched it: the same file is imported there too. */
const KEPLER = '.bench-kepler';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The bundled poles repeated, each copy shifted a little and renumbered, to `poles` features. */
async function writeLedgers(): Promise<Record<'geojson' | 'csv', string>> {
  const paths = { geojson: `/tmp/zq-poles-${poles}.geojson`, csv: `/tmp/zq-poles-${poles}.csv` };
  if (existsSync(paths.geojson) && existsSync(paths.csv)) return paths;
  const source = JSON.parse(readFileSync('public/data/lamps.geojson', 'utf8')) as FeatureCollection<Point, Record<string, unknown>>;
  const keys = Object.keys(source.features[0].properties);
  const json = createWriteStream(paths.geojson);
  const csv = createWriteStream(paths.csv);
  json.write('{"type":"FeatureCollection","features":[\n');
  csv.write(`${[...keys, 'lon', 'lat'].join(',')}\n`);
  for (let i = 0; i < poles; i++) {
    const f = source.features[i % source.features.length];
    const copy = Math.floor(i / source.features.length);
    const [x, y] = f.geometry.coordinates;
    const coordinates = [Number((x + (copy % 10) * 0.00002).toFixed(6)), Number((y + Math.floor(copy / 10) * 0.00002).toFixed(6))];
    const properties: Record<string, unknown> = { ...f.properties, id: `${String(f.properties.id)}-${copy}` };
    const line = JSON.stringify({ type: 'Feature', id: properties.id, geometry: { type: 'Point', coordinates }, properties });
    if (!json.write(`${i ? ',\n' : ''}${line}`)) await new Promise<void>((r) => json.once('drain', () => r()));
    if (!csv.write(`${keys.map((k) => String(properties[k] ?? '')).join(',')},${coordinates[0]},${coordinates[1]}\n`)) await new Promise<void>((r) => csv.once('drain', () => r()));
  }
  json.write('\n]}\n');
  await Promise.all([new Promise<void>((r) => json.end(() => r())), new Promise<void>((r) => csv.end(() => r()))]);
  return paths;
}

interface Run {
  read: number | null;
  checked: number | null;
  drawn: number;
  longest: number;
  heapMb: number;
  pssMb: number;
  rendererMb: number;
  /** The renderer processes before the file was chosen: the app on its own. */
  rendererBeforeMb: number;
}
type Timing = Pick<Run, 'read' | 'checked' | 'drawn' | 'rendererBeforeMb'>;

/** The renderer processes' memory now, after a forced GC in the page. */
async function rendererNow(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return chromiumPssByType().renderer;
}

interface Contender {
  name: string;
  dist: string;
  path: string;
  /** From the page loaded to every pole drawn, or why it refused the file. */
  importFile(page: Page, file: string): Promise<Timing | string>;
}

/** This app: the dialog's steps with no think-time, then the layer holding every pole and the map idle. */
async function importInApp(page: Page, file: string): Promise<Timing | string> {
  await page.waitForFunction(() => document.documentElement.dataset.dataReady === 'true' && window.__zqMap?.isIdle(), undefined, { timeout: 120_000, polling: 100 });
  const rendererBeforeMb = await rendererNow(page);
  await page.evaluate(() => (window.__longTasks = []));
  const importer = new Importer(page);
  const t0 = Date.now();
  await importer.chooseFile(file);
  const settled = await Promise.race([importer.waitForStep('settings').then(() => 'settings'), page.getByTestId('import-file-problem').waitFor({ timeout: 600_000 }).then(() => 'problem')]);
  if (settled === 'problem') return `refused (${await page.getByTestId('import-file-problem').getAttribute('data-code')})`;
  const read = Date.now() - t0;
  await importer.check();
  await page.locator('[data-testid="import-dialog"][data-step="review"]').waitFor({ timeout: 600_000 });
  const checked = Date.now() - t0;
  const loadable = Number(await page.getByTestId('import-counts').getAttribute('data-loadable'));
  if (loadable !== poles) throw new Error(`${loadable} of ${poles} poles loadable`);
  await importer.load();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=count-lamps]')?.getAttribute('data-count')) === n && window.__zqMap?.isIdle(), poles, { timeout: 600_000, polling: 100 });
  return { read, checked, drawn: Date.now() - t0, rendererBeforeMb };
}

/** kepler.gl: its Add Data dialog's file input, until its store holds the dataset and a layer, then two frames. */
async function importInKepler(page: Page, file: string): Promise<Timing | string> {
  const input = page.locator('input[type=file]');
  await input.waitFor({ state: 'attached', timeout: 120_000 });
  const rendererBeforeMb = await rendererNow(page);
  await page.evaluate(() => (window.__longTasks = []));
  const t0 = Date.now();
  await input.setInputFiles(file);
  await page.waitForFunction(
    (n) => {
      const state = (window as unknown as { __keplerStore: { getState(): { keplerGl: { map: { visState: { layers: unknown[]; datasets: Record<string, { dataContainer: { numRows(): number } }> } } } } } }).__keplerStore.getState().keplerGl.map.visState;
      const datasets = Object.values(state.datasets);
      return state.layers.length > 0 && datasets.length > 0 && datasets[0].dataContainer.numRows() === n;
    },
    poles,
    { timeout: 600_000, polling: 100 },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return { read: null, checked: null, drawn: Date.now() - t0, rendererBeforeMb };
}

const contenders: Contender[] = [
  ...builds.map((b) => ({ ...b, path: '/', importFile: importInApp })),
  ...(existsSync(KEPLER) ? [{ name: 'kepler.gl 3.2.6', dist: KEPLER, path: '/index.html', importFile: importInKepler }] : []),
];

const files = await writeLedgers();
for (const f of formats) console.log(`${files[f]}: ${(statSync(files[f]).size / 2 ** 20).toFixed(0)} MB`);
const browser = await launchChromium();
const table: string[] = [];
const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v).toLocaleString('en')} ms`);
try {
  const servers = await Promise.all(contenders.map((c) => serve(c.dist, c.dist === KEPLER ? KEPLER : 'public/data')));
  for (const format of formats) {
    const results: (Run | string)[][] = contenders.map(() => []);
    for (let run = 0; run < runs; run++) {
      for (const [c, contender] of contenders.entries()) {
        const { origin } = servers[c];
        const { page, context } = await openWatchedPage(browser, origin);
        try {
          await page.addInitScript(() => {
            window.__longTasks = [];
            new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks!.push(e.duration))).observe({ type: 'longtask', buffered: true });
          });
          await page.goto(`${origin}${contender.path}`);
          const timing = await contender.importFile(page, files[format]);
          if (typeof timing === 'string') {
            results[c].push(timing);
            console.log(`${format} ${contender.name} run ${run + 1}: ${timing}`);
            continue;
          }
          const tasks = await page.evaluate(() => window.__longTasks ?? []);
          const cdp = await context.newCDPSession(page);
          await cdp.send('HeapProfiler.collectGarbage');
          const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
          const pss = chromiumPssByType();
          const r: Run = { ...timing, longest: Math.max(0, ...tasks), heapMb: heap.usedSize / 2 ** 20, pssMb: pss.all, rendererMb: pss.renderer };
          results[c].push(r);
          console.log(`${format} ${contender.name} run ${run + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Math.round(v)])))}`);
        } finally {
          await context.close();
        }
      }
    }
    for (const [c, contender] of contenders.entries()) {
      const done = results[c].filter((r): r is Run => typeof r !== 'string');
      if (done.length === 0) {
        table.push(`| ${format} | ${contender.name} | ${String(results[c][0])} | | | | | | |`);
        continue;
      }
      const m = (key: keyof Run) => (done[0][key] === null ? null : median(done.map((r) => r[key] as number)));
      table.push(`| ${format} | ${contender.name} | ${ms(m('read'))} | ${ms(m('checked'))} | ${ms(m('drawn'))} | ${ms(m('longest'))} | ${Math.round(m('heapMb')!)} MB | ${Math.round(m('rendererBeforeMb')!).toLocaleString('en')} → ${Math.round(m('rendererMb')!).toLocaleString('en')} MB | ${Math.round(m('pssMb')!).toLocaleString('en')} MB |`);
    }
  }
  for (const { server } of servers) server.close();
} finally {
  await browser.close();
}
console.log(`\n${poles.toLocaleString('en')} poles, medians of ${runs} runs, apps interleaved\n`);
console.log('| file | app | read (chosen → settings) | checked (→ review) | drawn (chosen → every pole on the map) | longest main-thread task | JS heap (page, after GC) | renderer processes (PSS, before → drawn) | all Chromium processes (PSS) |');
console.log('|---|---|---|---|---|---|---|---|---|');
console.log(table.join('\n'));
