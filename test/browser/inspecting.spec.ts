import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { colorDistance, type RGB } from './support/dashboard';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const read = <T>(name: string) => JSON.parse(readFileSync(`dist/data/${name}.geojson`, 'utf8')) as T;
const lamps = read<FeatureCollection<Point, { id: string; status: string; road: string }>>('lamps');
const faults = read<FeatureCollection<Point, { id: string; assetId: string }>>('lamp-faults');
const patches = read<FeatureCollection<Polygon, { id: string; areaM2: number; status: string }>>('patches');
const roads = read<FeatureCollection<never, { name: string }>>('roads');
const session = openDashboardForSpec(baseUrl);

// The normal pole with the most faults: many timelines, and drawn by the base lamp layer only.
const faultsPerPole = new Map<string, number>();
for (const f of faults.features) faultsPerPole.set(f.properties.assetId, (faultsPerPole.get(f.properties.assetId) ?? 0) + 1);
const pole = lamps.features.filter((f) => f.properties.status === 'normal').sort((a, b) => (faultsPerPole.get(b.properties.id) ?? 0) - (faultsPerPole.get(a.properties.id) ?? 0))[0];
const poleFaults = faultsPerPole.get(pole.properties.id) ?? 0;
const polePlace = pole.geometry.coordinates as [number, number];
const HIGHLIGHT: RGB = [0, 229, 255];
const metresBetween = (a: { lng: number; lat: number }, b: [number, number]) => Math.hypot((a.lng - b[0]) * 89_000, (a.lat - b[1]) * 111_000);

describe('given the dashboard on its bundled data', () => {
  describe('when a street-lamp pole is searched for by its id', () => {
    it('then the map flies to it and highlights it', async () => {
      const { dashboard } = session;
      await dashboard.searchFor(pole.properties.id.toLowerCase());
      const view = await dashboard.view();
      expect(view.zoom).toBeGreaterThan(15);
      expect(metresBetween(view, polePlace)).toBeLessThan(50);
      const around = await dashboard.pixelsAround(polePlace, 4);
      expect(around.some((p) => colorDistance(p, HIGHLIGHT) < 60)).toBe(true);
    });

    it('then its details list every attribute in Chinese and the timelines of its latest cases', async () => {
      const details = session.dashboard.details();
      expect(await details.getAttribute('data-id')).toBe(pole.properties.id);
      expect(await details.locator('[data-field="road"] dd').textContent()).toBe(pole.properties.road);
      expect(await details.locator('[data-field="status"] dd').textContent()).toBe('正常');
      expect(await details.textContent()).toContain(`相关案件 (${poleFaults})`);
      expect(await details.getByTestId('case-timeline').count()).toBe(Math.min(poleFaults, 5));
      expect(await details.getByTestId('case-timeline').first().textContent()).toMatch(/已上报.*已派遣.*已处置.*已核查.*已结案/);
    });
  });

  describe('when the details are closed and the pole is clicked on the map', () => {
    it('then hovering shows its tooltip and clicking opens its details again', async () => {
      const { dashboard, watched } = session;
      await dashboard.details().getByRole('button', { name: '关闭' }).click();
      await expect.poll(() => dashboard.details().count()).toBe(0);
      const { x, y } = await dashboard.screenPoint(polePlace);
      await watched.page.mouse.move(x + 30, y + 30);
      await watched.page.mouse.move(x, y, { steps: 4 });
      await expect.poll(() => watched.page.getByTestId('tooltip').textContent()).toContain(pole.properties.id);
      await dashboard.clickAt(polePlace);
      await expect.poll(() => dashboard.details().getAttribute('data-id')).toBe(pole.properties.id);
    });
  });

  describe('when a faulty pole, drawn ringed on top of the others, is clicked', () => {
    const faulty = lamps.features.find((f) => f.properties.status === 'faulty')!;
    const place = faulty.geometry.coordinates as [number, number];
    it('then its own details open', async () => {
      const { dashboard } = session;
      await dashboard.searchFor(faulty.properties.id);
      await dashboard.details().getByRole('button', { name: '关闭' }).click();
      await expect.poll(() => dashboard.details().count()).toBe(0);
      await dashboard.clickAt(place);
      await expect.poll(() => dashboard.details().getAttribute('data-id')).toBe(faulty.properties.id);
      expect(await dashboard.details().locator('[data-field="status"] dd').textContent()).toBe('故障');
    });
  });

  describe('when a lamp fault is searched for by its case id', () => {
    it('then the pole it was filed against opens', async () => {
      const { dashboard } = session;
      const fault = faults.features.find((f) => f.properties.assetId !== pole.properties.id)!;
      await dashboard.searchFor(fault.properties.id);
      expect(await dashboard.details().getAttribute('data-id')).toBe(fault.properties.assetId);
    });
  });

  describe('when a demolished patch is searched for', () => {
    const patch = patches.features.filter((f) => f.properties.status === 'demolished').sort((a, b) => b.properties.areaM2 - a.properties.areaM2)[0];
    it('then its area reads in square metres and 亩, and its timeline runs from detection to disposal', async () => {
      const { dashboard } = session;
      await dashboard.searchFor(patch.properties.id);
      const details = dashboard.details();
      expect(await details.getAttribute('data-id')).toBe(patch.properties.id);
      const mu = (patch.properties.areaM2 / 666.6667).toFixed(2);
      expect(await details.locator('[data-field="areaM2"] dd').textContent()).toContain(`${mu} 亩`);
      const timeline = details.getByTestId('case-timeline');
      expect(await timeline.textContent()).toMatch(/下发.*核查.*整改.*处置完成/);
      expect(await timeline.locator('.timeline__stage--pending').count()).toBe(0);
    });
  });

  describe('when a road is searched for by part of its name', () => {
    it('then the map frames the road', async () => {
      const { dashboard } = session;
      const name = roads.features.find((r) => r.properties.name === '经十东路')!.properties.name;
      await dashboard.searchFor('十东');
      const view = await dashboard.view();
      expect(view.zoom).toBeGreaterThan(10);
      expect(await session.watched.page.getByRole('combobox', { name: '搜索' }).inputValue()).toBe(name);
    });
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
