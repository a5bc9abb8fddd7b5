/**
 * What one map frame costs the GPU process (not a test): the time from a view change until the GPU
 * has finished drawing it, read back with a one-pixel readPixels, which waits for every command
 * queued before it. On a software GPU (llvmpipe) this is what any main-thread call that needs an
 * answer from the GPU waits behind.
 *   npm run build && npx tsx bench/gpuFrame.ts [data=public/data-10x] [dist=dist] [query]
 *   e.g. query '?hide=streetLamps,patches,railway' for the manhole covers alone
 * Prints the view and, for seven frames, [ms until the frame's callback ran, ms until the GPU was done].
 */
import { launchChromium, openWatchedPage } from '../test/browser/support/chromium';
import { serve } from './support/servedBuild';

const data = process.argv[2] ?? 'public/data-10x';
const dist = process.argv[3] ?? 'dist';
const query = process.argv[4] ?? '';
const { server, origin } = await serve(dist, data);
const browser = await launchChromium();
const { page } = await openWatchedPage(browser, origin);
await page.goto(`${origin}/${query}`, { waitUntil: 'commit' });
await page.waitForFunction(() => document.querySelector('[data-testid=town-table][data-complete=true]') !== null && window.__zqMap?.isIdle() === true, undefined, { timeout: 300_000, polling: 200 });
await page.waitForTimeout(3000);
// A string, not a function: tsx would wrap the function's inner names in a helper the page lacks.
const frames = await page.evaluate(`(async () => {
  const gl = document.querySelector('canvas.maplibregl-canvas').getContext('webgl2');
  const pixel = new Uint8Array(4);
  const finish = () => gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  const view = window.__zqMap.view();
  const out = [];
  for (let i = 0; i < 7; i++) {
    finish();
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    window.__zqMap.jumpTo([view.lng + (i % 2) * 1e-4, view.lat], view.zoom);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const called = performance.now() - t0;
    finish();
    out.push([Math.round(called), Math.round(performance.now() - t0)]);
  }
  return { zoom: view.zoom, frames: out };
})()`);
console.log(JSON.stringify(frames));
await browser.close();
server.close();
