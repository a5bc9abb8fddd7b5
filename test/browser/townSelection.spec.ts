import { readFileSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { DATA_END_MS } from '../../src/layers/common/time';
import { FULL_SPAN } from '../../src/state/filters';
import { createStatsApi } from '../../src/stats/worker/statsApi';
import { loadEngineFromBuild } from '../support/engine';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
type Props = { status: string; townCode: string; kind?: string };
const read = (name: string) => JSON.parse(readFileSync(`dist/data/${name}.geojson`, 'utf8')) as FeatureCollection<Point, Props>;
const lamps = read('lamps');
const manholes = read('manholes');
const towns = JSON.parse(readFileSync('dist/data/towns.geojson', 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { code: string; name: string; seat: [number, number] }>;
const session = openDashboardForSpec(baseUrl);
const engine = loadEngineFromBuild();

const countWhere = <P>(fc: FeatureCollection<Point, P>, test: (p: P) => boolean) => fc.features.filter((f) => test(f.properties)).length;

describe('given the dashboard showing the whole district', () => {
  describe('when a town is clicked on the map', () => {
    const town = towns.features.find((t) => t.properties.name === '曹范街道')!;
    it('then the map frames it and every count is that town\'s', async () => {
      const { dashboard, watched } = session;
      await dashboard.waitForStats();
      // The data layers are switched off so the click lands on the town, not on a lamp in it.
      for (const title of ['路灯', '窨井盖', '卫星图斑', '铁路沿线']) await dashboard.layerSwitch(title).uncheck();
      const districtZoom = (await dashboard.view()).zoom;
      await dashboard.clickAt([town.properties.seat[0] + 0.01, town.properties.seat[1] + 0.01]);
      await expect.poll(() => watched.page.getByTestId('town-select').inputValue()).toBe(town.properties.code);
      await watched.page.waitForTimeout(900);
      await dashboard.waitForMapIdle();
      expect((await dashboard.view()).zoom).toBeGreaterThan(districtZoom + 0.5);
      const inTown = (p: Props) => p.townCode === town.properties.code;
      const rainTotal = countWhere(manholes, (p) => p.kind === 'rain');
      expect(await dashboard.classCount('manholes', 'kind', 'rain')).toEqual({ visible: countWhere(manholes, (p) => inTown(p) && p.kind === 'rain'), total: rainTotal });
      expect((await dashboard.classCount('streetLamps', 'status', 'normal')).visible).toBe(countWhere(lamps, (p) => inTown(p) && p.status === 'normal'));
      expect(await watched.page.getByTestId('chip-town').textContent()).toContain('曹范街道');
    });

    it('then the KPI cards, the town table and the bar chart answer for it', async () => {
      const page = session.watched.page;
      const code = town.properties.code;
      await expect.poll(() => page.getByTestId('kpi-cards').getAttribute('data-town')).toBe(code);
      const expected = engine.kpis({ ...FULL_SPAN, towns: [code] })!.current;
      expect(Number(await page.getByTestId('kpi-overdueCases').getAttribute('data-value'))).toBe(expected.overdueCases);
      expect(await page.getByTestId('town-table').locator(`tbody tr[data-town="${code}"]`).getAttribute('aria-selected')).toBe('true');
      expect(await page.getByTestId('town-bars').locator(`ol li[data-town="${code}"]`).getAttribute('data-selected')).toBe('true');
    });

    it('then the lighting rate is the town\'s, as the engine computes it', async () => {
      const api = createStatsApi();
      api.loadTowns(towns.features.map((f) => ({ code: f.properties.code, geometry: f.geometry })));
      api.loadLamps(lamps.features as never, JSON.parse(readFileSync('dist/data/lamp-faults.geojson', 'utf8')).features);
      const expected = api.query({ from: DATA_END_MS - 24 * 3600_000, to: DATA_END_MS, towns: [town.properties.code] })!.lamps!.district;
      const kpi = session.watched.page.getByTestId('lighting-rate');
      await expect.poll(() => kpi.getAttribute('data-town'), { timeout: 15_000 }).toBe(town.properties.code);
      expect(await kpi.getAttribute('data-rate')).toBe(String(expected.lightingRate));
      expect(await kpi.textContent()).toContain('曹范街道');
    });

    it('then clearing returns to the whole district', async () => {
      const { dashboard, watched } = session;
      await watched.page.getByRole('button', { name: /清除全部/ }).click();
      await watched.page.waitForTimeout(900);
      await dashboard.waitForMapIdle();
      expect(await watched.page.getByTestId('town-select').inputValue()).toBe('');
      const rain = countWhere(manholes, (p) => p.kind === 'rain');
      expect(await dashboard.classCount('manholes', 'kind', 'rain')).toEqual({ visible: rain, total: rain });
      expect((await dashboard.view()).zoom).toBeLessThan(11);
    });
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
