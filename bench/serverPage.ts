/**
 * Page benchmark (not a test): the built dashboard opened in headless Chromium on the same data,
 * from the bundled files (static) and from the server stack (source=server), side by side in one
 * run: how long until every collection it reads is in, until its town table is complete, how
 * many bytes it received, and its JS heap then (after a forced collection). Each scale gets a stack of its own
 * (.server-page, ports 55436 / 8093) serving a copy of dist/ whose data/ is that scale's files.
 *   npm run build && npm run data -- --scale 10 --out public/data-10x
 *   npx tsx bench/serverPage.ts [scales=1,10] [runs=5]
 *   npx tsx bench/serverPage.ts 100 5 loaded [BUILD,BUILD…]
 * `loaded` opens the page on what the server benchmark's stack (.server-bench) already holds,
 * from the server only: at 100× the bundled files are beyond what a page can hold. Builds given
 * (dist folders, such as an older checkout's) are opened in turn, alternating, on that one stack.
 */
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../test/browser/support/chromium';
import { serverStack } from '../test/support/serverStack';

const scales = (process.argv[2] ?? '1,10').split(',').map(Number);
const runs = Number(process.argv[3] ?? 5);
const dirOf = (scale: number) => (scale === 1 ? 'public/data' : `public/data-${scale}x`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const DIST = '.server-page-dist';

interface PageLoad {
  readyMs: number;
  statsMs: number;
  bytes: number;
  heapMb: number;
  /** Collections that failed to load (a page that lost one is not a page that works). */
  failed: string[];
}

/** A build (dist/ by default) with data/ pointing at a scale's files, in the folder the stack serves. */
function distFor(scale: number, build = 'dist'): void {
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST);
  cpSync(build, DIST, { recursive: true, filter: (src) => !resolve(src).startsWith(resolve(build, 'data')) });
  symlinkSync(resolve(dirOf(scale)), `${DIST}/data`);
}

async function openOnce(origin: string, query: string): Promise<PageLoad> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.addInitScript(() => performance.setResourceTimingBufferSize(100_000));
    const t0 = Date.now();
    await page.goto(`${origin}/${query}`);
    await page.waitForFunction(() => document.documentElement.dataset.dataReady === 'true', undefined, { timeout: 600_000, polling: 50 });
    const readyMs = Date.now() - t0;
    const failed = await page.locator('[data-testid^="collection-"][data-status="error"]').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.testid!));
    // Complete: the engine has every layer (static), or the server's rows arrived (server).
    await page.locator('[data-testid="town-table"][data-complete="true"]').waitFor({ timeout: 600_000 });
    const statsMs = Date.now() - t0;
    // The heap the page keeps, not what it has yet to collect.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { bytes, heap } = await page.evaluate(() => ({
      bytes: performance.getEntriesByType('resource').reduce((n, e) => n + (e as PerformanceResourceTiming).transferSize, 0),
      heap: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    }));
    return { readyMs, statsMs, bytes, heapMb: heap / 1e6, failed };
  } finally {
    await browser.close();
  }
}

const alreadyLoaded = process.argv[4] === 'loaded';
const builds = alreadyLoaded && process.argv[5] ? process.argv[5].split(',') : null;
const stack = alreadyLoaded ? serverStack('.server-bench', 55435, 8092, DIST) : serverStack('.server-page', 55436, 8093, DIST);
const rows: string[] = [];
try {
  for (const scale of scales) {
    if (!alreadyLoaded && !existsSync(dirOf(scale))) throw new Error(`${dirOf(scale)} is missing: npm run data -- --scale ${scale} --out ${dirOf(scale)}`);
    distFor(alreadyLoaded ? 1 : scale);
    stack.run('install.sh');
    stack.run('stop.sh');
    stack.run('start.sh');
    if (!alreadyLoaded) stack.run('load.sh', '--fast', dirOf(scale));
    const loads: Record<string, PageLoad[]> = {};
    // What is compared: the builds given on the server, or one build from the files and from the server.
    const modes = builds ?? (alreadyLoaded ? ['server'] : ['static', 'server']);
    const open = (mode: string) => {
      if (builds) distFor(1, mode);
      return openOnce(stack.origin, builds || mode === 'server' ? '?source=server' : '');
    };
    await open(modes[0]); // warm the server's caches and the disk, not counted
    for (let i = 0; i < runs; i++) {
      // Alternating, so a slower minute of the machine falls on both.
      for (const mode of modes) (loads[mode] ??= []).push(await open(mode));
    }
    for (const mode of modes) {
      const m = (pick: (l: PageLoad) => number) => median(loads[mode].map(pick));
      const failed = [...new Set(loads[mode].flatMap((l) => l.failed))];
      const row = `| ${scale}× | ${builds ? `server, ${mode}` : mode} | ${(m((l) => l.readyMs) / 1000).toFixed(1)} s | ${(m((l) => l.statsMs) / 1000).toFixed(1)} s | ${(m((l) => l.bytes) / 1e6).toFixed(1)} MB | ${m((l) => l.heapMb).toFixed(0)} MB | ${failed.join(', ') || 'none'} |`;
      rows.push(row);
      console.log(row);
    }
  }
} finally {
  stack.run('stop.sh');
  rmSync(DIST, { recursive: true, force: true });
}
console.log(`\nmedians of ${runs} page loads each, alternating\n| data | source | collections in | town table complete | received | JS heap | failed to load |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}`);
