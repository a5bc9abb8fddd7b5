/**
 * Where a load's main-thread time goes (issue 22; not a test): builds side by side, runs
 * interleaved, each load under the CPU profiler (1 ms samples) until the statistics are complete
 * and 3 s after. The longest task swings by hundreds of milliseconds between runs of one build here
 * (shader links and the map's creation wait on a GPU process that shares the two cores), so this
 * also reads what a change can move for certain: the time inside named functions.
 *   npx tsx bench/loadMainThread.ts [scale=10] [runs=3] <dist> [<dist> ...]
 * Build without minification (`npx vite build --minify false --outDir X`), or the functions have
 * no names. Per run: the tasks over 200 ms (count, their sum, the longest); per function, the time
 * of the samples whose stack holds it; `recharts`, of those with a frame of a Recharts chunk; the
 * longest MapLibre frame (`longestMapFrame`) and, for functions named in `FUNCTIONS`, the most of
 * each's time in one such frame.
 */
import { launchChromium, openWatchedPage } from '../test/browser/support/chromium';
import { serve } from './support/servedBuild';

const scale = Number(process.argv[2] ?? 10);
const runs = Number(process.argv[3] ?? 3);
const dists = process.argv.slice(4);
if (dists.length === 0) throw new Error('name at least one build directory (built with --minify false)');
/**
 * setCollection: a collection arriving in the store, with everything that follows it synchronously.
 * `FUNCTIONS=a,b` reads others (MapLibre's `useProgram` and luma.gl's `_linkShaders` are the shader links).
 */
const FUNCTIONS = process.env.FUNCTIONS?.split(',') ?? ['setCollection', 'buildDeckLayers', 'patchLayers', 'buildLayerColumns', 'visibleCounts'];
const RECHARTS_CHUNK = /\/(CategoricalChart|CartesianChart|BarChart|ComposedChart|PieChart|PolarChart)-[\w-]+\.js$/;
const WATCH_TASKS = `window.__tasks = []; new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push(e.duration))).observe({ type: 'longtask', buffered: true });`;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

/** Per name, the milliseconds of the samples whose stack holds a frame of that name. */
function inclusiveTimes(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): Record<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: Record<string, number> = Object.fromEntries([...FUNCTIONS, 'recharts'].map((k) => [k, 0]));
  const samples = profile.samples ?? [];
  // One MapLibre frame (`_render`, deck.gl's drawing inside it): a run of samples that all hold it.
  let frame: Record<string, number> | null = null;
  const longestInFrame: Record<string, number> = { frame: 0, ...Object.fromEntries((process.env.FUNCTIONS ? FUNCTIONS : []).map((k) => [k, 0])) };
  const endFrame = () => {
    if (frame) for (const k of Object.keys(frame)) longestInFrame[k] = Math.max(longestInFrame[k], frame[k]);
    frame = null;
  };
  for (let i = 0; i < samples.length; i++) {
    const ms = (profile.timeDeltas?.[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let id: number | undefined = samples[i]; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)!.callFrame;
      seen.add(frame.functionName);
      if (RECHARTS_CHUNK.test(frame.url)) seen.add('recharts');
    }
    for (const name of seen) if (Object.hasOwn(times, name)) times[name] += ms;
    // The collector's and the engine's own samples have no stack: they do not end a frame.
    if (!seen.has('_render')) {
      if (!['(garbage collector)', '(program)'].includes(byId.get(samples[i])!.callFrame.functionName)) endFrame();
    }
    else {
      frame ??= Object.fromEntries(Object.keys(longestInFrame).map((k) => [k, 0]));
      for (const k of Object.keys(frame)) if (k === 'frame' || seen.has(k)) frame[k] += ms;
    }
  }
  endFrame();
  times.longestMapFrame = longestInFrame.frame;
  for (const k of Object.keys(longestInFrame).filter((k) => k !== 'frame')) times[`${k}InOneFrame`] = longestInFrame[k];
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = new Map<string, Record<string, number>[]>(dists.map((d) => [d, []]));
const browser = await launchChromium();
const servers = await Promise.all(dists.map((d) => serve(d, scale === 1 ? 'public/data' : `public/data-${scale}x`)));
try {
  for (let run = 0; run < runs; run++) {
    for (const [i, dist] of dists.entries()) {
      const { page, context } = await openWatchedPage(browser, servers[i].origin);
      await page.addInitScript(WATCH_TASKS);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
      await page.goto(`${servers[i].origin}/`, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.querySelector('[data-testid=town-table][data-complete=true]') !== null, undefined, { timeout: 300_000, polling: 200 });
      await page.waitForTimeout(3000);
      const { profile } = await cdp.send('Profiler.stop');
      const tasks = await page.evaluate(() => (window as unknown as { __tasks: number[] }).__tasks);
      const long = tasks.filter((d) => d > 200);
      const row = { over200: long.length, over200Ms: long.reduce((s, d) => s + d, 0), longest: Math.max(0, ...tasks), ...inclusiveTimes(profile as never) };
      const rounded = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Math.round(v)]));
      results.get(dist)!.push(rounded);
      console.log(`${dist} run ${run + 1}: ${JSON.stringify(rounded)}`);
      await context.close();
    }
  }
  const columns = Object.keys(results.get(dists[0])![0]);
  console.log(`\nmedians of ${runs} runs, builds interleaved\n`);
  console.log(`| build | ${columns.join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---').join('|')}|`);
  for (const [dist, rows] of results) console.log(`| ${dist} | ${columns.map((c) => median(rows.map((r) => r[c]))).join(' | ')} |`);
} finally {
  await browser.close();
  servers.forEach((s) => s.server.close());
}
