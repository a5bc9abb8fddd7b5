import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { DATA_END_MS, formatCst } from '../../src/layers/common/time';
import { townRows } from '../../src/stats/townMetrics';
import { evaluateAlerts } from '../../src/wall/alerts';
import { DEFAULT_WALL_CONFIG, windowRange } from '../../src/wall/wallConfig';
import { loadEngineFromBuild } from '../support/engine';
import { openDashboardForSpec } from './support/session';
import { Wall } from './support/wall';

const read = (name: string) => JSON.parse(readFileSync(`dist/data/${name}.geojson`, 'utf8')) as FeatureCollection;
const THRESHOLDS = { lightingRateMin: 0.997, overdueMax: 8, newPatchDays: 60, railwayOpenDays: 10, dueSoonAlerts: 'on', anomalyAlerts: 'on', repeatAlerts: 'on' } as const;
const QUERY = '?wall=1&scenes=overview&lighting=99.7&overdue=8&patchDays=60&railwayDays=10';

/** The alerts the engine in Node raises from the very files the app serves, for the wall's window. */
function expectedAlerts() {
  const range = windowRange(DEFAULT_WALL_CONFIG.window, DATA_END_MS);
  const engine = loadEngineFromBuild();
  const rows = townRows(engine.query(range)!).towns;
  const towns = read('towns').features;
  const patches = read('patches').features as Feature<Polygon, { status: string; townCode: string; detectedAt: string }>[];
  const issues = read('railway-issues').features as Feature<Point, { closedAt: string | null; townCode: string; reportedAt: string }>[];
  return evaluateAlerts({
    rows,
    townCenters: new Map(towns.map((t) => [String(t.properties!.code), t.properties!.seat as [number, number]])),
    pendingPatches: patches.filter((p) => p.properties.status === 'pending').map((p) => ({ townCode: p.properties.townCode, detectedAt: Date.parse(p.properties.detectedAt), position: p.geometry.coordinates[0][0] as [number, number] })),
    openRailwayIssues: issues.filter((i) => i.properties.closedAt === null).map((i) => ({ townCode: i.properties.townCode, reportedAt: Date.parse(i.properties.reportedAt), position: i.geometry.coordinates as [number, number] })),
    now: DATA_END_MS,
    thresholds: THRESHOLDS,
    warnings: engine.warnings({ now: DATA_END_MS, hours: 24, limit: 0 }),
  });
}

describe('given the wall with alert thresholds', () => {
  const session = openDashboardForSpec(inject('baseUrl'), QUERY);
  const expected = expectedAlerts();

  it('then it raises exactly the alerts the engine finds, of every kind', async () => {
    expect(new Set(expected.map((a) => a.kind))).toEqual(new Set(['lightingRate', 'overdueCases', 'dueSoon', 'anomaly', 'cluster', 'repeat', 'newPatches', 'railwayOpen']));
    // The planted storm night (圣井街道) and the sinking covers (枣园街道) among them.
    expect(expected.map((a) => a.key)).toEqual(expect.arrayContaining(['anomaly:lamps:day:370114006', 'anomaly:manholes:week:370114003']));
    const ticker = session.watched.page.getByTestId('alert-ticker');
    await expect.poll(() => ticker.getAttribute('data-count'), { timeout: 30_000 }).toBe(String(expected.length));
    const shown = await session.watched.page.locator('.alert-marker').evaluateAll((ms) => ms.map((m) => (m as HTMLElement).dataset.alert).sort());
    expect(shown).toEqual(expected.map((a) => a.key).sort());
  });

  it('then each alert has a pulsing marker on the map, at its place', async () => {
    const { page } = session.watched;
    await expect.poll(() => page.locator('.alert-marker--pulsing').count(), { timeout: 30_000 }).toBe(expected.length);
    const first = expected[0];
    // Measured in one frame and polled: the wall may still be easing to its view when markers appear.
    const offset = () =>
      page.evaluate(({ key, position }) => {
        const marker = document.querySelector(`.alert-marker[data-alert="${key}"]`)!.getBoundingClientRect();
        const map = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
        const at = window.__zqMap!.project(position);
        return Math.max(Math.abs(marker.x + marker.width / 2 - (map.x + at.x)), Math.abs(marker.y + marker.height / 2 - (map.y + at.y)));
      }, { key: first.key, position: first.position });
    await expect.poll(offset, { timeout: 10_000 }).toBeLessThan(2);
  });

  it('then the map keeps its size while the alerts come in: the ticker does not grow with them', async () => {
    const { page } = session.watched;
    // Every size the map's box takes from the first draw on (MapLibre reallocates its canvas and draws anew at each).
    await page.addInitScript(`
      window.__mapSizes = [];
      const watchMap = () => {
        const map = document.querySelector('.maplibregl-map');
        if (!map) return void setTimeout(watchMap, 50);
        new ResizeObserver((entries) => entries.forEach((e) => window.__mapSizes.push(e.contentRect.width + 'x' + e.contentRect.height))).observe(map);
      };
      watchMap();
    `);
    // In English, whose alert texts are the longer ones: some take two lines of the ticker.
    const wall = new Wall(page);
    await wall.open(inject('baseUrl'), `${QUERY.replace('?wall=1&', '')}&lang=en`);
    await expect.poll(() => page.getByTestId('alert-ticker').getAttribute('data-count'), { timeout: 30_000 }).toBe(String(expected.length));
    await expect.poll(() => page.locator('.alert-marker').count(), { timeout: 30_000 }).toBe(expected.length);
    expect(await page.evaluate(() => (window as unknown as { __mapSizes: string[] }).__mapSizes)).toHaveLength(1);
    await wall.open(inject('baseUrl'), QUERY.replace('?wall=1&', ''));
  });

  it('when an alert is acknowledged, then its marker stops pulsing and it stays acknowledged after a reload', async () => {
    const { page } = session.watched;
    const item = page.locator('.wall-alert').first();
    const key = (await item.getAttribute('data-alert'))!;
    await item.getByRole('button').click();
    await expect.poll(() => page.locator(`.alert-marker[data-alert="${key}"]`).getAttribute('class')).not.toContain('pulsing');
    expect(await page.locator('.alert-marker--pulsing').count()).toBe(expected.length - 1);
    expect(await page.getByTestId('alert-ticker').getAttribute('data-unacknowledged')).toBe(String(expected.length - 1));
    await page.reload();
    await new Wall(page).waitUntilReady();
    await expect.poll(() => page.locator('.alert-marker').count(), { timeout: 30_000 }).toBe(expected.length);
    expect(await page.locator(`.alert-marker[data-alert="${key}"]`).getAttribute('class')).not.toContain('pulsing');
  });

  it('then nothing failed', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});

describe('given the wall on the live API when the satellite vendor delivers a new patch', () => {
  // Only the case alerts: the early warnings' alerts of the live data would page the new one out of the ticker's first page.
  const session = openDashboardForSpec(inject('apiBaseUrl'), '?wall=1&scenes=overview&refresh=5&patchDays=7&dueSoon=off&anomalies=off&repeats=off');

  it('then after the next refresh a new-patch alert appears for its town, with a marker where it is', async () => {
    const { page } = session.watched;
    await page.evaluate(() => window.__mockApi!.stopFeed());
    expect(await page.locator('[data-alert^="newPatches:"]').count()).toBe(0);
    const template = read('patches').features.find((f) => f.properties!.status === 'pending')! as Feature<Polygon>;
    const now = await page.evaluate(() => Date.now());
    const patch = {
      ...template,
      id: 'TB-LIVE-000001',
      properties: { ...template.properties, id: 'TB-LIVE-000001', batchId: '2026Q4', detectedAt: formatCst(now - 3600_000), deadline: formatCst(now + 30 * 86_400_000) },
    };
    await page.evaluate((f) => window.__mockApi!.append('patches', f as never), patch);
    const key = `newPatches:${template.properties!.townCode}`;
    await page.locator(`.alert-marker--pulsing[data-alert="${key}"]`).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator(`.wall-alert[data-alert="${key}"]`).count()).toBe(1);
    expect(session.watched.errors).toEqual([]);
  });
});
