/**
 * The wall over a minute (issue 22, item 5; not a test): long main-thread tasks while it refreshes
 * and tours its scenes, each task named with the scene on screen.
 *   npm run build && npm run data -- --scale 10 --out public/data-10x
 *   REFRESH=10 SCENE=600 npx tsx bench/wallRefresh.ts [data=public/data-10x]   # refreshes only
 *   REFRESH=600 SCENE=8 npx tsx bench/wallRefresh.ts                           # scene changes only
 *   DIST=/tmp/old/dist ...                                                     # another build
 *   PROFILE=/tmp/wall.cpuprofile ...  the page's CPU profile over the minute (DevTools' format)
 *   CHANGE=1 ...          every read of a case collection gets a newer version: 20 cases moved on a stage, 5 new
 *   CHANGE=files ...      the same publications as change files: the manifest lists one more per case collection each refresh period
 * The wall's configuration is the built one with the refresh and scene periods replaced.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, openWatchedPage } from '../test/browser/support/chromium';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS } from '../src/layers/registry';
import { caseChangeFiles, caseVersions } from './support/changingCases';
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
// Enough versions for every read in the run (one per refresh, plus the first load).
const caseIds = DOMAIN_LAYER_IDS.map((l) => DOMAIN_LAYERS[l].cases);
const publications = Math.ceil(100 / refreshSeconds) + 2;
const changing = process.env.CHANGE === '1' ? new Map(caseIds.map((id) => [id, caseVersions(data, id, publications)])) : new Map<string, Uint8Array[]>();
const changeFiles = process.env.CHANGE === 'files' ? new Map(caseIds.map((id) => [id, caseChangeFiles(data, id, publications)])) : new Map<string, string[]>();
const reads = new Map<string, number>();
let firstManifestRead: number | null = null;
let bytesServed = 0;

/** The manifest as the publisher leaves it after `published` publications of every case collection. */
function manifestAfter(published: number): string {
  const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as { collections: { id: string }[] };
  const collections = manifest.collections.map((c) => {
    const files = changeFiles.get(c.id);
    if (!files || published === 0) return c;
    return { ...c, changes: files.slice(0, published).map((_, k) => ({ file: `${c.id}.changes-${String(k + 1).padStart(4, '0')}.geojson`, count: 25 })) };
  });
  return JSON.stringify({ ...manifest, collections });
}

const { server, origin } = await serve(dist, data, (path, res) => {
  if (path === '/wall.json') {
    const wall = { ...(JSON.parse(readFileSync(join(dist, 'wall.json'), 'utf8')) as object), refreshSeconds, sceneSeconds };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(wall));
    return true;
  }
  if (/^\/data\/.+\.(arrow|geojson)$/.test(path)) fileReads++;
  if (changeFiles.size && path === '/data/manifest.json') {
    // One publication per refresh period after the first read, as CHANGE=1 gives one version per read.
    firstManifestRead ??= Date.now();
    const body = manifestAfter(Math.min(publications, Math.floor((Date.now() - firstManifestRead) / (refreshSeconds * 1000))));
    bytesServed += body.length;
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    return true;
  }
  const change = /^\/data\/([a-z-]+)\.changes-(\d+)\.geojson$/.exec(path);
  if (change) {
    const body = Buffer.from(changeFiles.get(change[1])?.[Number(change[2]) - 1] ?? '');
    bytesServed += body.length;
    res.writeHead(body.length ? 200 : 404, { 'content-type': 'application/geo+json' }).end(body);
    return true;
  }
  if (path.startsWith('/data/') && !changing.size) {
    const file = join(data, path.slice('/data/'.length));
    try {
      bytesServed += statSync(file).size;
    } catch {
      // Answered 404 by the server.
    }
  }
  const versions = changing.get(path.slice('/data/'.length).replace(/\.arrow$/, ''));
  if (!versions || !path.endsWith('.arrow')) return false;
  const n = reads.get(path) ?? 0;
  reads.set(path, n + 1);
  const body = versions[Math.min(n, versions.length - 1)];
  bytesServed += body.length;
  res.writeHead(200, { 'content-type': 'application/vnd.apache.arrow.file', 'content-length': body.length }).end(body);
  return true;
});
const browser = await launchChromium();
try {
  const { page, context } = await openWatchedPage(browser, origin, { width: 1920, height: 1080 });
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
  const bytesBefore = bytesServed;
  const cdp = process.env.PROFILE ? await context.newCDPSession(page) : null;
  await cdp?.send('Profiler.enable');
  await cdp?.send('Profiler.start');
  await page.waitForTimeout(60_000);
  if (cdp) writeFileSync(process.env.PROFILE!, JSON.stringify((await cdp.send('Profiler.stop')).profile));
  const tasks = (await page.evaluate(() => window.__wallTasks ?? [])).filter(([start]) => start > from);
  console.log(`${dist}: refresh every ${refreshSeconds} s, scene every ${sceneSeconds} s, data ${data}${changing.size ? ', cases changing at every read' : changeFiles.size ? ', a change file per case collection each refresh period' : ''}`);
  console.log(`data files read again: ${fileReads - readsBefore}, ${((bytesServed - bytesBefore) / 1e6).toFixed(1)} MB of data served`);
  console.log(`long tasks: ${tasks.length}, longest ${Math.max(0, ...tasks.map(([, d]) => d))} ms`);
  for (const [start, duration, scene] of tasks) console.log(`  ${Math.round(start - from)} ms: ${duration} ms (${scene})`);
} finally {
  await browser.close();
  server.close();
}
