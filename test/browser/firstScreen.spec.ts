import * as turf from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { DATA_END_MS } from '../../src/layers/common/time';
import { TOWN_FILL_OPACITY } from '../../src/map/basemapStyle';
import { createStatsApi } from '../../src/stats/worker/statsApi';
import { PALETTES } from '../../src/map/theme';
import { openWatchedPage } from './support/chromium';
import { colorDistance, Dashboard, hex, type RGB } from './support/dashboard';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const readData = <T>(file: string) => JSON.parse(readFileSync(`dist/data/${file}`, 'utf8')) as T;
const manifest = readData<{ collections: { id: string; count: number }[] }>('manifest.json');
const towns = readData<FeatureCollection<Polygon | MultiPolygon, { code: string; name: string; seat: [number, number] }>>('towns.geojson');
const district = readData<FeatureCollection<Polygon>>('district.geojson').features[0];

const share = (pixels: RGB[], color: RGB, tolerance: number) => pixels.filter((p) => colorDistance(p, color) <= tolerance).length / pixels.length;

const session = openDashboardForSpec(baseUrl);

/** The label's ink covers part of 垛庄镇's seat (few assets around it), and far less of the land beside it. */
async function expectTownNameAtSeat(dashboard: Dashboard) {
  const ink: RGB = [PALETTES.light.label[0], PALETTES.light.label[1], PALETTES.light.label[2]];
  const quiet = towns.features.find((t) => t.properties.code === '370114101')!;
  const atSeat = share(await dashboard.pixelsAround(quiet.properties.seat, 18), ink, 60);
  const awayFromSeat = share(await dashboard.pixelsAround([quiet.properties.seat[0] + 0.03, quiet.properties.seat[1] + 0.03], 18), ink, 60);
  expect(atSeat).toBeGreaterThan(0.05);
  // Away from the seat only lamp dots and road casings share the label's ink.
  expect(awayFromSeat).toBeLessThan(atSeat / 4);
}

describe('given the dashboard opened on its bundled data', () => {
  it('then every collection shows its feature count, equal to the bundled files', async () => {
    for (const { id, count } of manifest.collections) expect(await session.dashboard.countOf(id), id).toBe(count);
  });

  it('then every collection was read from its Arrow columns file, none from GeoJSON', () => {
    const data = session.watched.requested.filter((u) => /\/data\/[^/]+\.(arrow|geojson)$/.test(u)).map((u) => u.replace(/^.*\/data\//, ''));
    expect(data.sort()).toEqual(manifest.collections.map((c) => `${c.id}.arrow`).sort());
  });

  it('then the page holds the data as columns: its JS heap stays far below what an object per feature took', async () => {
    await session.dashboard.waitForStats();
    const cdp = await session.watched.context.newCDPSession(session.watched.page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    // With an object per feature the same page held 84 MB after a GC, with columns 30 MB (BENCHMARKS.md, issue 22).
    expect(usedSize / 2 ** 20).toBeLessThan(45);
  });

  it('then the map canvas fills each town with its tint and leaves the outside plain', async () => {
    const under = hex(PALETTES.light.background);
    const drawn = PALETTES.light.townTints.map(hex).map((t): RGB => [0, 1, 2].map((i) => Math.round(t[i] * TOWN_FILL_OPACITY + under[i] * (1 - TOWN_FILL_OPACITY))) as RGB);
    for (const color of drawn) expect(colorDistance(color, under)).toBeGreaterThan(8);
    for (const town of towns.features) {
      const tint = drawn[Number(town.properties.code.slice(6)) % drawn.length];
      // A grid of points inside the town: some lie clear of roads, assets and labels.
      const inside = turf.pointGrid(turf.bbox(town), 1.2, { units: 'kilometers', mask: town }).features.map((p) => p.geometry.coordinates as [number, number]).slice(0, 24);
      const best = Math.max(...(await session.dashboard.pixelsAroundMany(inside, 3)).map((pixels) => share(pixels, tint, 3)));
      expect(best, town.properties.name).toBeGreaterThan(0.8);
    }
    const outside: [number, number] = [117.28, 36.47];
    expect(turf.booleanPointInPolygon(outside, district)).toBe(false);
    expect(share(await session.dashboard.pixelsAround(outside, 4), hex(PALETTES.light.outside), 6)).toBeGreaterThan(0.95);
  });

  it('then the district outline is drawn in its line colour', async () => {
    const ring = district.geometry.coordinates[0];
    const onEdge = ring[Math.floor(ring.length / 3)] as [number, number];
    const pixels = await session.dashboard.pixelsAround(onEdge, 2);
    expect(pixels.some((p) => colorDistance(p, hex(PALETTES.light.districtLine)) < 40)).toBe(true);
  });

  it('then each town name is written in Chinese at its seat', async () => {
    await expectTownNameAtSeat(session.dashboard);
    await expect.poll(() => session.watched.page.evaluate(() => document.fonts.check('16px "Noto Sans CJK SC"', '垛庄镇'))).toBe(true);
  });

  it('then the town names’ glyphs were drawn in a worker, off the main thread, which closed once it had', async () => {
    expect(session.watched.requested.filter((u) => /\/glyphs\.worker-[\w-]+\.js$/.test(u))).toHaveLength(1);
    // Started with the map, it is closed only after it has drawn the names (or failed to).
    await expect.poll(() => session.watched.page.workers().filter((w) => /glyphs\.worker/.test(w.url())).length).toBe(0);
  });

  it('then the street-lamp section shows the lighting rate at the end of the data, as the engine computes it, from the stats worker', async () => {
    const api = createStatsApi();
    api.loadTowns(towns.features.map((f) => ({ code: f.properties.code, geometry: f.geometry })));
    api.loadLamps(readData<FeatureCollection<Point, { lampCount: number }>>('lamps.geojson').features, readData<FeatureCollection<Point, Record<string, unknown>>>('lamp-faults.geojson').features);
    const expected = api.query({ from: DATA_END_MS - 24 * 3600_000, to: DATA_END_MS })!.lamps!.district;
    const kpi = session.watched.page.getByTestId('lighting-rate');
    await expect.poll(() => kpi.getAttribute('data-rate'), { timeout: 30_000 }).toBe(String(expected.lightingRate));
    expect(Number(await kpi.getAttribute('data-dark'))).toBe(expected.faultyLampsAtEnd);
    expect(await kpi.textContent()).toMatch(/亮灯率\s*99\.\d\d%/);
    expect(session.watched.page.workers().some((w) => /stats\.worker/.test(w.url()))).toBe(true);
  });

  it('then the data files were parsed and validated in workers, off the main thread', () => {
    expect(session.watched.page.workers().filter((w) => /decode\.worker/.test(w.url())).length).toBeGreaterThanOrEqual(1);
  });

  it('then no error was logged', () => {
    expect(session.watched.errors).toEqual([]);
  });

  it('then no request left the app\'s origin', () => {
    expect(session.watched.offOrigin).toEqual([]);
  });

  it('then the page is cross-origin isolated: its workers share the columns instead of copying them', async () => {
    expect(await session.watched.page.evaluate(() => crossOriginIsolated)).toBe(true);
  });

  it('then the page carries a Content-Security-Policy that allows only its own origin', async () => {
    const policy = await session.watched.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/connect-src 'self'(;|$)/);
    expect(policy).not.toMatch(/https?:/);
  });
});

describe('given a layer whose file fails to load', () => {
  it('then that layer says why, and every other layer still loads', async () => {
    const failing = await openWatchedPage(session.browser, baseUrl);
    await failing.page.route('**/data/manholes.arrow', (route) => route.fulfill({ status: 503, body: 'maintenance' }));
    const view = new Dashboard(failing.page);
    await view.open(baseUrl);
    expect(await view.statusOf('manholes')).toBe('error');
    await expect.poll(() => failing.page.getByTestId('collection-manholes').getByRole('alert').textContent()).toMatch(/manholes: .*503/);
    expect(await view.countOf('lamps')).toBe(manifest.collections.find((c) => c.id === 'lamps')!.count);
    await failing.context.close();
  });
});

describe('given a layer whose file fails to load, the statistics', () => {
  it('then give no total over the case layers without it, say which layer they lack, and keep the figures of the others', async () => {
    const failing = await openWatchedPage(session.browser, baseUrl);
    await failing.page.route('**/data/manhole-defects.arrow', (route) => route.fulfill({ status: 503, body: 'maintenance' }));
    const view = new Dashboard(failing.page);
    await view.open(baseUrl);
    const note = failing.page.getByTestId('kpi-stats');
    await expect.poll(() => note.getAttribute('data-missing'), { timeout: 30_000 }).toBe('manholes');
    expect(await failing.page.getByTestId('kpi-stats-missing').textContent()).toContain('井盖');
    for (const id of ['closureRate', 'overdueCases', 'openDefects']) expect(await view.kpiValue(id), id).toBeNull();
    await expect.poll(() => view.kpiValue('openRailway')).not.toBeNull();
    expect(await failing.page.getByTestId('town-table').getAttribute('data-complete')).toBe('false');
    await failing.context.close();
  });
});

describe('given a dataset a hundred times the district’s', () => {
  it('then the base map draws, and the large layers are refused up front with the way to the server stack, nothing of them fetched', async () => {
    const huge = await openWatchedPage(session.browser, baseUrl);
    await huge.page.route('**/data/manifest.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ...manifest, collections: manifest.collections.map((c) => ({ ...c, count: c.count * 100 })) }) }),
    );
    const view = new Dashboard(huge.page);
    await view.open(baseUrl);
    const refused = huge.page.getByTestId('too-large-lamp-faults');
    expect(await refused.textContent()).toContain('服务器模式');
    expect(await refused.locator('a').getAttribute('href')).toBe('?source=server');
    expect(await view.statusOf('district')).toBe('loaded');
    expect(huge.requested.filter((u) => /\/data\/(lamps|lamp-faults|manholes|manhole-defects|patches|railway-issues)\.(arrow|geojson)/.test(u))).toEqual([]);
    // The statistics say what they lack rather than computing for ever.
    await expect.poll(() => huge.page.getByTestId('kpi-stats').getAttribute('data-missing'), { timeout: 30_000 }).toBe('lamps,manholes,patches,railway');
    expect(await huge.page.getByTestId('kpi-closureRate').getAttribute('data-value')).toBe('');
    expect(huge.errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
    await huge.context.close();
  });
});

describe('given the worker that draws the town names’ glyphs cannot start', () => {
  it('then the names are still written at their seats, drawn on the main thread, and nothing fails', async () => {
    const page = await openWatchedPage(session.browser, baseUrl);
    let refused = 0;
    await page.page.route(/\/glyphs\.worker-[\w-]+\.js$/, (route) => {
      refused++;
      return route.fulfill({ status: 404, body: '' });
    });
    const view = new Dashboard(page.page);
    await view.open(baseUrl);
    await expectTownNameAtSeat(view);
    expect(refused).toBe(1);
    expect(page.errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
    await page.context.close();
  });
});

describe('given a slow layer', () => {
  it('then a progress indicator shows while it loads', async () => {
    const slow = await openWatchedPage(session.browser, baseUrl);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await slow.page.route('**/data/patches.arrow', async (route) => {
      await held;
      await route.continue();
    });
    await slow.page.goto(`${baseUrl}/`);
    const row = slow.page.getByTestId('collection-patches');
    await expect.poll(() => row.getAttribute('data-status')).toBe('loading');
    expect(await row.locator('progress').isVisible()).toBe(true);
    release();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 30_000 }).toBe('loaded');
    await slow.context.close();
  });
});
