import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openWatchedPage, type WatchedPage } from './support/chromium';
import { Wall } from './support/wall';

const apiBaseUrl = inject('apiBaseUrl');
const LAYERS = ['streetLamps', 'manholes', 'patches', 'railway'];
// One fault per path through the page: an error status, an answer that never comes (a slow one
// past the time-out goes the same way), and a believable-looking answer that is refused (empty).
// Malformed JSON, a changed schema and a slow answer are each refused by the same code, tested
// on its own in src/live/refreshCollection.test.ts and test/unit/dataSources.test.ts; the mock
// server still plays all six for trying the wall out by hand.
const FAULTS = ['http500', 'timeout', 'empty'] as const;

let browser: Browser;
let watched: WatchedPage;
let wall: Wall;
let shown: Record<string, number>;

const setFault = (fault: (typeof FAULTS)[number] | 'partial' | null) => watched.page.evaluate((f) => window.__mockApi!.setFault(f), fault);
const sources = async () => Object.fromEntries(await Promise.all(LAYERS.map(async (l) => [l, await wall.source(l)] as const)));

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  browser = await launchChromium();
  watched = await openWatchedPage(browser, apiBaseUrl, { width: 1920, height: 1080 });
  wall = new Wall(watched.page);
  // Refresh every 2 s, give up on an answer after 5 s (the mock answers on the page's own thread, over a second a page on a busy machine), retry at most 2 s apart.
  await wall.open(apiBaseUrl, 'refresh=2&timeout=5&retryMax=2&scenes=overview');
  await watched.page.evaluate(() => window.__mockApi!.stopFeed());
  // One full refresh after the feed stopped, so the counts on screen are the server's.
  const since = Date.now();
  await until(async () => Object.values(await sources()).every((s) => (s.lastSuccess ?? 0) > since), 60_000);
  shown = Object.fromEntries(Object.entries(await sources()).map(([l, s]) => [l, s.cases]));
  // From here on, every change of the map's size (a header that grew with the stale badges would shrink it).
  await watched.page.evaluate(() => {
    const sizes: string[] = [];
    (window as unknown as { __mapSizes: string[] }).__mapSizes = sizes;
    new ResizeObserver((entries) => entries.forEach((e) => sizes.push(`${Math.round(e.contentRect.width)}×${Math.round(e.contentRect.height)}`))).observe(document.querySelector('.maplibregl-map')!);
  });
});
afterAll(() => browser?.close());

describe.each(FAULTS)('given the data API failing with %s', (fault) => {
  it('then every source shows the stale badge, the last data stays, and it recovers by itself', async () => {
    const closureRate = await wall.kpi('closureRate');
    await setFault(fault);
    await expect.poll(async () => Object.values(await sources()).every((s) => s.stale), { timeout: 30_000, interval: 250 }).toBe(true);
    for (const layer of LAYERS) await watched.page.getByTestId(`stale-${layer}`).waitFor();
    // Still failing a while later: the cases on screen are the last good ones, and retries go on.
    await watched.page.waitForTimeout(1_000);
    const failing = await sources();
    for (const layer of LAYERS) {
      expect(failing[layer].cases, layer).toBe(shown[layer]);
      expect(failing[layer].failures, layer).toBeGreaterThanOrEqual(1);
    }
    expect(await wall.kpi('closureRate')).toBe(closureRate);
    expect(await watched.page.evaluate(() => window.__zqMap!.isIdle())).toBe(true);

    const cleared = Date.now();
    await setFault(null);
    await expect.poll(async () => Object.values(await sources()).every((s) => !s.stale && (s.lastSuccess ?? 0) > cleared), { timeout: 40_000, interval: 250 }).toBe(true);
    expect(await watched.page.locator('[data-testid^="stale-"]').count()).toBe(0);
    const recovered = await sources();
    for (const layer of LAYERS) expect(recovered[layer].cases, layer).toBe(shown[layer]);
  });
});

describe('given the data API answering with every tenth feature broken', () => {
  it('then each source says how many features its refresh refused, and the count goes once the answers are whole again', async () => {
    await setFault('partial');
    for (const layer of LAYERS) await watched.page.getByTestId(`partial-${layer}`).waitFor({ timeout: 30_000 });
    for (const layer of LAYERS) {
      const refused = Number(await watched.page.getByTestId(`source-${layer}`).getAttribute('data-refused'));
      expect(refused, layer).toBeGreaterThan(0);
      expect(await watched.page.getByTestId(`partial-${layer}`).textContent(), layer).toContain('条不合格式');
    }
    await setFault(null);
    await expect.poll(() => watched.page.locator('[data-testid^="partial-"]').count(), { timeout: 40_000, interval: 250 }).toBe(0);
  });
});

describe('given the whole fault suite has run', () => {
  it('then the map kept its size through every failure and recovery: the header holds the stale badges in its own height', async () => {
    const sizes = await watched.page.evaluate(() => (window as unknown as { __mapSizes: string[] }).__mapSizes);
    // A ResizeObserver reports the size it starts with once; any further entry is a resize.
    expect(new Set(sizes).size, sizes.join(', ')).toBe(1);
  });

  it('then nothing was thrown, and the only console errors are the failed requests themselves', () => {
    expect(watched.errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
    expect(watched.errors.filter((e) => !/Failed to load resource: the server responded with a status of 500/.test(e))).toEqual([]);
    expect(watched.offOrigin).toEqual([]);
  });
});
