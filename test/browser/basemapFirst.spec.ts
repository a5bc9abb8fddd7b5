import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openWatchedPage, type WatchedPage } from './support/chromium';

// The data layers wait until MapLibre has drawn the basemap once (src/map/basemapFirst.ts): its
// shader programs are linked while the GPU is idle, not behind frames of half a million points.
// MapLibre cuts the basemap into tiles in its worker; holding that worker's script back holds the basemap.
const baseUrl = inject('baseUrl');
const poles = JSON.parse(readFileSync('dist/data/lamps.geojson', 'utf8')) as FeatureCollection<Point, { id: string }>;
const pole = poles.features[0].geometry.coordinates as [number, number];
const MAPLIBRE_WORKER = /\/assets\/maplibre-gl-worker-[^/]+\.mjs$/;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** A page whose MapLibre worker script is held until `release` is called (or for ever). */
async function openWithBasemapHeld(): Promise<{ watched: WatchedPage; release: () => void }> {
  const watched = await openWatchedPage(browser, baseUrl);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await watched.context.route(MAPLIBRE_WORKER, async (route) => {
    await held;
    await route.continue();
  });
  await watched.page.goto(`${baseUrl}/`);
  await watched.page.waitForFunction(() => document.documentElement.dataset.dataReady === 'true', undefined, { timeout: 60_000 });
  return { watched, release };
}

/** What a click on the first pole would pick, seen up close. */
async function pickedAtPole(watched: WatchedPage): Promise<string | null> {
  return watched.page.evaluate((lngLat) => {
    window.__zqMap!.jumpTo(lngLat, 17);
    const { x, y } = window.__zqMap!.project(lngLat);
    return window.__zqMap!.pick(x, y)?.layer ?? null;
  }, pole);
}

const frames = (watched: WatchedPage, n: number) =>
  watched.page.evaluate((count) => new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(count);
  }), n);

describe('given every collection loaded while MapLibre has not yet drawn the basemap', () => {
  it('then the poles wait, not drawn and the map not idle; when the basemap draws, they follow', async () => {
    const { watched, release } = await openWithBasemapHeld();
    await frames(watched, 10);
    expect(await pickedAtPole(watched)).toBeNull();
    expect(await watched.page.evaluate(() => window.__zqMap!.isIdle())).toBe(false);
    release();
    await expect.poll(() => pickedAtPole(watched), { timeout: 30_000 }).toMatch(/^lamps/);
    expect(watched.errors).toEqual([]);
    await watched.context.close();
  });

  it('when the basemap never draws, then the poles are drawn without it after a few seconds', async () => {
    const { watched, release } = await openWithBasemapHeld();
    await expect.poll(() => pickedAtPole(watched), { timeout: 30_000, interval: 1000 }).toMatch(/^lamps/);
    expect(watched.offOrigin).toEqual([]);
    release();
    await watched.context.close();
  });
});
