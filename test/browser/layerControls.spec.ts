import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { colorDistance, type RGB } from './support/dashboard';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const lamps = JSON.parse(readFileSync('dist/data/lamps.geojson', 'utf8')) as FeatureCollection<Point, { status: string }>;
const MINGSHUI: [number, number] = [117.528, 36.715];
const session = openDashboardForSpec(baseUrl);

const changed = (a: RGB[], b: RGB[]) => a.filter((p, i) => colorDistance(p, b[i]) > 40).length;

describe('given the dashboard on its bundled data', () => {
  it('then the street-lamp legend counts the poles of each status', async () => {
    const legend = session.watched.page.getByTestId('legend-streetLamps');
    for (const status of ['normal', 'faulty', 'repairing']) {
      const expected = lamps.features.filter((f) => f.properties.status === status).length;
      expect(Number(await legend.locator(`[data-class="${status}"]`).getAttribute('data-count')), status).toBe(expected);
    }
  });

  describe('when zoomed in on Mingshui', () => {
    it('then switching the street lamps off removes them from the map, and on brings them back', async () => {
      const { dashboard } = session;
      await dashboard.zoomInOn(MINGSHUI);
      await dashboard.layerSwitch('窨井盖').uncheck(); // covers share the streets; hide them to see lamps alone
      await dashboard.waitForMapIdle();
      const withLamps = await dashboard.pixelsAround(MINGSHUI, 60);
      await dashboard.layerSwitch('路灯').uncheck();
      await dashboard.waitForMapIdle();
      const without = await dashboard.pixelsAround(MINGSHUI, 60);
      expect(changed(withLamps, without)).toBeGreaterThan(200);
      await dashboard.layerSwitch('路灯').check();
      await dashboard.waitForMapIdle();
      expect(changed(withLamps, await dashboard.pixelsAround(MINGSHUI, 60))).toBeLessThan(20);
    });

    it('then opacity 0 hides the layer like switching it off', async () => {
      const { dashboard } = session;
      await dashboard.layerSwitch('路灯').uncheck();
      await dashboard.waitForMapIdle();
      const hidden = await dashboard.pixelsAround(MINGSHUI, 60);
      await dashboard.layerSwitch('路灯').check();
      const slider = dashboard.opacitySlider('路灯');
      await slider.focus();
      await slider.press('Home');
      await dashboard.waitForMapIdle();
      expect(await slider.getAttribute('aria-valuetext')).toBe('0%');
      expect(changed(hidden, await dashboard.pixelsAround(MINGSHUI, 60))).toBeLessThan(20);
    });
  });

  it('then nothing failed', () => {
    expect(session.watched.errors).toEqual([]);
  });
});
