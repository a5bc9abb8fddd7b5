import { readFileSync } from 'node:fs';
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { openDashboardForSpec } from './support/session';

// The patches are drawn from per-vertex columns (colours and filter values) handed to deck.gl as
// they are: these tests watch what the GPU does with them, by picking, as a click would.
const baseUrl = inject('baseUrl');
type Props = { id: string; status: string; detectedAt: string; areaM2: number };
const patches = JSON.parse(readFileSync('dist/data/patches.geojson', 'utf8')) as FeatureCollection<Polygon, Props>;
const pending = patches.features.filter((f) => f.properties.status === 'pending').sort((a, b) => Date.parse(a.properties.detectedAt) - Date.parse(b.properties.detectedAt));
// The oldest patch still waiting for verification: drawn in every range that reaches back to it.
const patch = pending[0];
const ring = patch.geometry.coordinates[0].slice(0, -1);
const centre: [number, number] = [ring.reduce((s, p) => s + p[0], 0) / ring.length, ring.reduce((s, p) => s + p[1], 0) / ring.length];
const row = patches.features.indexOf(patch);
const session = openDashboardForSpec(baseUrl);

async function pickedAtPatch(): Promise<{ layer: string; index: number } | null> {
  const { dashboard, watched } = session;
  await dashboard.waitForMapIdle();
  return watched.page.evaluate((lngLat) => {
    const { x, y } = window.__zqMap!.project(lngLat);
    return window.__zqMap!.pick(x, y);
  }, centre);
}

const handedToDeck = () => session.watched.page.evaluate(() => window.__zqMap!.deckLayers());

describe('given the dashboard over the whole district', () => {
  it('then the patches are dots, and their outlines, drawn only from zoom 12, are not even built', async () => {
    await session.dashboard.waitForMapIdle();
    const layers = await handedToDeck();
    expect(layers).toContain('patches-dots');
    expect(layers).not.toContain('patches-outline');
  });
});

describe('given the dashboard zoomed in on a patch waiting for verification, with the point layers off', () => {
  it('then that patch is drawn where it stands: a click there picks it', async () => {
    const { dashboard, watched } = session;
    await dashboard.layerSwitch('路灯').uncheck();
    await dashboard.layerSwitch('窨井盖').uncheck();
    await watched.page.evaluate((lngLat) => window.__zqMap!.jumpTo(lngLat, 17), centre);
    expect(await pickedAtPatch()).toEqual({ layer: 'patches', index: row });
  });

  it('then the patches’ outlines are built, to be drawn from there on', async () => {
    await session.dashboard.waitForMapIdle();
    expect(await handedToDeck()).toContain('patches-outline');
  });

  it('when its status is filtered out in the legend, then it leaves the map, and it comes back with the filter', async () => {
    const { dashboard } = session;
    await dashboard.classToggle('patches', 'status', 'pending').click();
    await expect.poll(pickedAtPatch, { timeout: 10_000 }).toBeNull();
    await dashboard.classToggle('patches', 'status', 'pending').click();
    await expect.poll(pickedAtPatch, { timeout: 10_000 }).toEqual({ layer: 'patches', index: row });
  });

  it('when the time range ends before it was detected, then it leaves the map', async () => {
    const { dashboard, watched } = session;
    await watched.page.getByTestId('time-preset').selectOption('lastMonth');
    await expect.poll(async () => (await dashboard.kpiRange()).to, { timeout: 10_000 }).toBeLessThanOrEqual(Date.parse(patch.properties.detectedAt));
    await expect.poll(pickedAtPatch, { timeout: 10_000 }).toBeNull();
    await watched.page.getByTestId('time-preset').selectOption('allTime');
    await expect.poll(pickedAtPatch, { timeout: 10_000 }).toEqual({ layer: 'patches', index: row });
  });

  it('when zoomed out to the whole district, then it is a dot where it stands, picked as the same patch, and filtered with its status', async () => {
    const { dashboard, watched } = session;
    await watched.page.evaluate((lngLat) => window.__zqMap!.jumpTo(lngLat, 10), centre);
    await expect.poll(pickedAtPatch, { timeout: 10_000 }).toEqual({ layer: 'patches-dots', index: row });
    await dashboard.classToggle('patches', 'status', 'pending').click();
    await expect.poll(pickedAtPatch, { timeout: 10_000 }).toBeNull();
    await dashboard.classToggle('patches', 'status', 'pending').click();
    await expect.poll(pickedAtPatch, { timeout: 10_000 }).toEqual({ layer: 'patches-dots', index: row });
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
