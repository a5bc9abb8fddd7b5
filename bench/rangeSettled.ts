/**
 * A time-range change on a settled page (issue 22; not a test): builds side by side, runs
 * interleaved. cityScale.ts times the change as soon as the statistics are complete, when the stats
 * worker may still be answering the panels' first questions; here the page is left alone first.
 *   npx tsx bench/rangeSettled.ts [scale=10] [runs=2] <dist> [<dist> ...]
 * Per run and build: load, wait until the statistics are complete and the map idle, then three
 * presets, each after SETTLE ms (default 3000); prints each change's milliseconds until the KPI
 * cards show the new range, and their median; then the longest main-thread task that began in the
 * SETTLE ms after each change (the panels and the map taking the new range), and their median.
 */
import { launchChromium, openWatchedPage } from '../test/browser/support/chromium';
import { RANGE_CHANGE } from './support/rangeChange';
import { serve } from './support/servedBuild';

const scale = Number(process.argv[2] ?? 10);
const runs = Number(process.argv[3] ?? 2);
const dists = process.argv.slice(4);
const settle = Number(process.env.SETTLE ?? 3000);
if (dists.length === 0) throw new Error('name at least one build directory');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await launchChromium();
const servers = await Promise.all(dists.map((d) => serve(d, scale === 1 ? 'public/data' : `public/data-${scale}x`)));
const times = new Map<string, number[]>(dists.map((d) => [d, []]));
const longest = new Map<string, number[]>(dists.map((d) => [d, []]));
const WATCH_TASKS = `window.__tasks = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });`;
try {
  for (let run = 0; run < runs; run++) {
    for (const [i, dist] of dists.entries()) {
      const { page, context } = await openWatchedPage(browser, servers[i].origin);
      await page.addInitScript(WATCH_TASKS);
      const changedAt: number[] = [];
      await page.goto(`${servers[i].origin}/`);
      await page.waitForFunction(
        () => document.querySelector('[data-testid=town-table][data-complete=true]') !== null && document.querySelector('[data-testid=kpi-cards]')?.getAttribute('data-state') === 'current' && window.__zqMap?.isIdle(),
        undefined,
        { timeout: 300_000, polling: 100 },
      );
      for (const preset of ['thisYear', 'lastMonth', 'allTime']) {
        await page.waitForTimeout(settle);
        changedAt.push(await page.evaluate(() => performance.now()));
        const [dom] = await page.evaluate<[number, number]>(RANGE_CHANGE.replace('PRESET', preset));
        times.get(dist)!.push(Math.round(dom));
      }
      await page.waitForTimeout(settle);
      const tasks = await page.evaluate(() => (window as unknown as { __tasks: [number, number][] }).__tasks);
      for (const at of changedAt) longest.get(dist)!.push(Math.round(Math.max(0, ...tasks.filter(([start]) => start >= at && start < at + settle).map(([, d]) => d))));
      await context.close();
    }
  }
  for (const [dist, xs] of times) console.log(`${dist}: ${xs.join(', ')} ms; median ${median(xs)} ms`);
  for (const [dist, xs] of longest) console.log(`${dist}, longest task after the change: ${xs.join(', ')} ms; median ${median(xs)} ms`);
} finally {
  await browser.close();
  servers.forEach((s) => s.server.close());
}
