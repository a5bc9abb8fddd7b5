import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { colorDistance, type RGB } from './support/dashboard';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
type Props = { status: string; townCode: string; kind?: string };
const read = (name: string) => JSON.parse(readFileSync(`dist/data/${name}.geojson`, 'utf8')) as FeatureCollection<Point, Props>;
const lamps = read('lamps');
const manholes = read('manholes');
const MINGSHUI: [number, number] = [117.528, 36.715];
const session = openDashboardForSpec(baseUrl);

const changed = (a: RGB[], b: RGB[]) => a.filter((p, i) => colorDistance(p, b[i]) > 40).length;
const countWhere = <P>(fc: FeatureCollection<Point, P>, test: (p: P) => boolean) => fc.features.filter((f) => test(f.properties)).length;

describe('given the dashboard on its bundled data', () => {
  it('then every legend class reads all of its features as drawn', async () => {
    const { dashboard } = session;
    const normal = countWhere(lamps, (p) => p.status === 'normal');
    expect(await dashboard.classCount('streetLamps', 'status', 'normal')).toEqual({ visible: normal, total: normal });
    const rain = countWhere(manholes, (p) => p.kind === 'rain');
    expect(await dashboard.classCount('manholes', 'kind', 'rain')).toEqual({ visible: rain, total: rain });
  });

  describe('when normal street lamps are filtered out near Mingshui', () => {
    it('then they leave the map, their count reads 0 of all, and a chip names the filter', async () => {
      const { dashboard, watched } = session;
      await dashboard.zoomInOn(MINGSHUI);
      await dashboard.layerSwitch('窨井盖').uncheck();
      await dashboard.waitForMapIdle();
      const before = await dashboard.pixelsAround(MINGSHUI, 60);
      await dashboard.classToggle('streetLamps', 'status', 'normal').click();
      await dashboard.waitForMapIdle();
      expect(changed(before, await dashboard.pixelsAround(MINGSHUI, 60))).toBeGreaterThan(200);
      const normal = countWhere(lamps, (p) => p.status === 'normal');
      expect(await dashboard.classCount('streetLamps', 'status', 'normal')).toEqual({ visible: 0, total: normal });
      expect(await dashboard.classToggle('streetLamps', 'status', 'normal').getAttribute('aria-pressed')).toBe('false');
      await expect.poll(() => watched.page.getByTestId('chip-streetLamps.status').textContent()).toContain('故障');
    });

    it('then removing the chip brings them back', async () => {
      const { dashboard, watched } = session;
      await watched.page.getByTestId('chip-streetLamps.status').getByRole('button').click();
      await dashboard.waitForMapIdle();
      const normal = countWhere(lamps, (p) => p.status === 'normal');
      await expect.poll(() => dashboard.classCount('streetLamps', 'status', 'normal')).toEqual({ visible: normal, total: normal });
      await dashboard.layerSwitch('窨井盖').check();
    });
  });

  describe('when normal street lamps are filtered out', () => {
    it('then the lamp faults’ yearly bars count only the faults of the poles still shown', async () => {
      const { dashboard } = session;
      const faults = JSON.parse(readFileSync('dist/data/lamp-faults.geojson', 'utf8')) as FeatureCollection<Point, { assetId: string; reportedAt: string }>;
      const statusOf = new Map(lamps.features.map((f) => [String(f.id), f.properties.status]));
      const perYear = (keep: (status: string | undefined) => boolean) => {
        const counts: Record<number, number> = {};
        for (const f of faults.features) {
          if (!keep(statusOf.get(f.properties.assetId))) continue;
          // The year in China time.
          const year = new Date(Date.parse(f.properties.reportedAt) + 8 * 3600_000).getUTCFullYear();
          counts[year] = (counts[year] ?? 0) + 1;
        }
        return counts;
      };
      const nonZero = (c: Record<number, number>) => Object.fromEntries(Object.entries(c).filter(([, n]) => n > 0));
      await expect.poll(async () => nonZero(await dashboard.yearlyBars('路灯故障')), { timeout: 20_000 }).toEqual(perYear((s) => s !== undefined));
      await dashboard.classToggle('streetLamps', 'status', 'normal').click();
      const shown = perYear((s) => s !== undefined && s !== 'normal');
      expect(Object.values(shown).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      await expect.poll(async () => nonZero(await dashboard.yearlyBars('路灯故障')), { timeout: 20_000 }).toEqual(shown);
      await session.watched.page.getByTestId('chip-streetLamps.status').getByRole('button').click();
    });
  });

  describe('when a time range is chosen and a time chip joins the filter bar', () => {
    it('then the map keeps its size: the bar does not grow and push it, so nothing is redrawn for it', async () => {
      const { page } = session.watched;
      const mapBox = () => page.getByTestId('map').evaluate((el) => [el.clientWidth, el.clientHeight]);
      const before = await mapBox();
      await page.getByTestId('time-preset').selectOption('thisYear');
      await page.getByTestId('chip-time').waitFor();
      await page.getByTestId('time-preset').selectOption('lastMonth');
      expect(await mapBox()).toEqual(before);
      await page.getByTestId('time-preset').selectOption('allTime');
      await expect.poll(() => page.getByTestId('chip-time').count()).toBe(0);
      expect(await mapBox()).toEqual(before);
    });
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
