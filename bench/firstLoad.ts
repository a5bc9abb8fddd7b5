/**
 * First-load benchmark of the built app in headless Chromium (not a test: timings vary on shared machines).
 *   npm run build && npx tsx bench/firstLoad.ts [runs=5] [query]
 * Reports medians of: time until every collection is loaded and the map is idle, the longest
 * main-thread task, and total blocking time (the sum of each long task's excess over 50 ms).
 */
import { preview } from 'vite';
import { launchChromium, openWatchedPage } from '../test/browser/support/chromium';

declare global {
  interface Window {
    __longTasks?: number[];
  }
}

const runs = Number(process.argv[2] ?? 5);
const query = process.argv[3] ?? '';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls!.local[0].replace(/\/$/, '');
const browser = await launchChromium();
const results: { ready: number; longest: number; blocking: number }[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const { page, context } = await openWatchedPage(browser, base);
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks!.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    const started = Date.now();
    await page.goto(`${base}/${query}`);
    await page.waitForFunction(() => document.documentElement.dataset.dataReady === 'true' && window.__zqMap?.isIdle(), undefined, { timeout: 120_000, polling: 100 });
    const ready = Date.now() - started;
    const tasks = await page.evaluate(() => window.__longTasks ?? []);
    results.push({ ready, longest: Math.max(0, ...tasks), blocking: tasks.reduce((a, d) => a + Math.max(0, d - 50), 0) });
    console.log(`run ${run + 1}: ready ${ready} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(
  `median of ${runs}: ready ${median(results.map((r) => r.ready))} ms, longest main-thread task ${Math.round(median(results.map((r) => r.longest)))} ms, ` +
    `total blocking ${Math.round(median(results.map((r) => r.blocking)))} ms`,
);
