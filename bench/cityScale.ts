/**
 * City-scale load benchmark (issue 22; not a test): two builds of the app side by side in one run,
 * runs interleaved, on the bundled data and on a scaled copy.
 *   npm run build                                        # the new build, in dist/
 *   git worktree add /tmp/old <commit> && (cd /tmp/old && ln -s /work/main/node_modules && npx vite build)
 *   npm run data -- --scale 10 --out public/data-10x     # once
 *   npx tsx bench/cityScale.ts [runs=3] [scales=1,10] [old=/tmp/old/dist]   # NEW_DIST=… for a new build elsewhere than dist/
 * Per build and scale, medians of: ready (navigation until every collection is loaded and the map
 * idle), the page's JS heap after a forced GC, the memory of every Chromium process (PSS, summed),
 * the longest main-thread task and total blocking time, the time until the statistics hold every
 * layer, and a time-range preset change until the KPI cards show the new range's figures.
 */
import { existsSync } from 'node:fs';
import { launchChromium, openWatchedPage } from '../test/browser/support/chromium';
import { RANGE_CHANGE } from './support/rangeChange';
import { chromiumPssMb, serve } from './support/servedBuild';

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

const runs = Number(process.argv[2] ?? 3);
const scales = (process.argv[3] ?? '1,10').split(',').map(Number);
const builds = [
  { name: 'before', dist: process.argv[4] ?? '/tmp/old/dist' },
  { name: 'after', dist: process.env.NEW_DIST ?? 'dist' },
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dataDir = (scale: number) => (scale === 1 ? 'public/data' : `public/data-${scale}x`);

interface Run {
  ready: number;
  /** Until the town table has every layer: the stats worker has indexed them all. */
  statsReady: number;
  heapMb: number;
  pssMb: number;
  longest: number;
  blocking: number;
  rangeToKpis: number;
  rangeToFrame: number;
}

const browser = await launchChromium();
const table: string[] = [];
try {
  for (const scale of scales) {
    if (!existsSync(dataDir(scale))) throw new Error(`${dataDir(scale)} is missing: npm run data -- --scale ${scale} --out ${dataDir(scale)}`);
    const servers = await Promise.all(builds.map((b) => serve(b.dist, dataDir(scale))));
    const results: Run[][] = builds.map(() => []);
    for (let run = 0; run < runs; run++) {
      for (const [b, build] of builds.entries()) {
        const { origin } = servers[b];
        const { page, context } = await openWatchedPage(browser, origin);
        await page.addInitScript(() => {
          window.__longTasks = [];
          new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks!.push(e.duration))).observe({ type: 'longtask', buffered: true });
        });
        const started = Date.now();
        await page.goto(`${origin}/`);
        await page.waitForFunction(() => document.documentElement.dataset.dataReady === 'true' && window.__zqMap?.isIdle(), undefined, { timeout: 300_000, polling: 100 });
        const ready = Date.now() - started;
        // The statistics are indexed after the map is ready: the range change is timed once every layer is in them.
        await page.waitForFunction(() => document.querySelector('[data-testid=town-table][data-complete=true]') !== null && document.querySelector('[data-testid=kpi-cards]')?.getAttribute('data-state') === 'current', undefined, { timeout: 300_000, polling: 100 });
        const statsReady = Date.now() - started;
        const tasks = await page.evaluate(() => window.__longTasks ?? []);
        const rangeTimes: number[] = [];
        const frameTimes: number[] = [];
        for (const preset of ['thisYear', 'lastMonth', 'allTime']) {
          // A string, not a function: tsx would wrap the function's inner names in a helper the page lacks.
          const [dom, frame] = await page.evaluate<[number, number]>(RANGE_CHANGE.replace('PRESET', preset));
          rangeTimes.push(dom);
          frameTimes.push(frame);
        }
        const cdp = await context.newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        const pssMb = chromiumPssMb();
        const r: Run = {
          ready,
          statsReady,
          heapMb: heap.usedSize / 2 ** 20,
          pssMb,
          longest: Math.max(0, ...tasks),
          blocking: tasks.reduce((a, d) => a + Math.max(0, d - 50), 0),
          rangeToKpis: median(rangeTimes),
          rangeToFrame: median(frameTimes),
        };
        results[b].push(r);
        console.log(`${scale}× ${build.name} run ${run + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)])))}`);
        await context.close();
      }
    }
    for (const [b, build] of builds.entries()) {
      const m = (key: keyof Run) => Math.round(median(results[b].map((r) => r[key])));
      table.push(`| ${scale}× | ${build.name} | ${m('ready')} ms | ${m('statsReady')} ms | ${m('heapMb')} MB | ${m('pssMb')} MB | ${m('longest')} ms | ${m('blocking')} ms | ${m('rangeToKpis')} ms | ${m('rangeToFrame')} ms |`);
    }
    for (const { server } of servers) server.close();
  }
} finally {
  await browser.close();
}
console.log(`\nmedians of ${runs} runs, builds interleaved\n`);
console.log('| data | build | ready | statistics complete | JS heap (page, after GC) | all Chromium processes (PSS) | longest main-thread task | total blocking | range change → KPI cards (DOM) | → next frame drawn |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
console.log(table.join('\n'));
