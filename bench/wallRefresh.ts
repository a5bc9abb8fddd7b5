/**
 * The wall over a minute (issue 22, item 5; not a test): long main-thread tasks while it refreshes
 * and tours its scenes, each task named with the scene on screen.
 *   npm run build && npm run data -- --scale 10 --out public/data-10x
 *   REFRESH=10 SCENE=600 npx tsx bench/wallRefresh.ts [data=public/data-10x]   # refreshes only
 *   REFRESH=600 SCENE=8 npx tsx bench/wallRefresh.ts                           # scene changes only
 *   DIST=/tmp/old/dist ...                                                     # another build
 * The wall's configuration is the built one with the refresh and scene periods replaced.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, openWatchedPage } from '../test/browser/support/chromium';
import { serve } from './support/servedBuild';

type Task = [start: number, duration: number, scene: string];
declare global {
  interface Window {
    __wallTasks?: Task[];
  }
}

const data = process.argv[2] ?? 'public/data-10x';
const dist = process.env.DIST ?? 'dist';
const refreshSeconds = Number(process.env.REFRESH ?? 10);
const sceneSeconds = Number(process.env.SCENE ?? 600);
let fileReads = 0;

const { server, origin } = await serve(dist, data, (path, res) => {
  if (path === '/wall.json') {
    const wall = { ...(JSON.parse(readFileSync(join(dist, 'wall.json'), 'utf8')) as object), refreshSeconds, sceneSeconds };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(wall));
    return true;
  }
  if (/^\/data\/.+\.(arrow|geojson)$/.test(path)) fileReads++;
  return false;
});
const browser = await launchChromium();
try {
  const { page } = await openWatchedPage(browser, origin, { width: 1920, height: 1080 });
  await page.addInitScript(() => {
    window.__wallTasks = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => window.__wallTasks!.push([Math.round(e.startTime), Math.round(e.duration), document.querySelector('[data-testid=wall]')?.getAttribute('data-scene') ?? ''])),
    ).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${origin}/?wall=1`);
  await page.waitForFunction(() => document.documentElement.dataset.dataReady === 'true', undefined, { timeout: 300_000 });
  // The first draw and the statistics' indexing are over before the minute starts.
  await page.waitForTimeout(20_000);
  const from = await page.evaluate(() => performance.now());
  const readsBefore = fileReads;
  await page.waitForTimeout(60_000);
  const tasks = (await page.evaluate(() => window.__wallTasks ?? [])).filter(([start]) => start > from);
  console.log(`${dist}: refresh every ${refreshSeconds} s, scene every ${sceneSeconds} s, data ${data}`);
  console.log(`data files read again: ${fileReads - readsBefore}`);
  console.log(`long tasks: ${tasks.length}, longest ${Math.max(0, ...tasks.map(([, d]) => d))} ms`);
  for (const [start, duration, scene] of tasks) console.log(`  ${Math.round(start - from)} ms: ${duration} ms (${scene})`);
} finally {
  await browser.close();
  server.close();
}
