import { describe, expect, inject, it } from 'vitest';
import { FULL_SPAN } from '../../src/state/filters';
import { colorDistance } from './support/dashboard';
import { loadEngineFromBuild } from '../support/engine';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const session = openDashboardForSpec(baseUrl, '?time=2025-01-01..2025-12-31');
const engine = loadEngineFromBuild();
const cst = (s: string) => Date.parse(`${s}T00:00:00+08:00`);
const YEAR_2025 = { from: cst('2025-01-01'), to: cst('2026-01-01') };

const list = () => session.watched.page.getByTestId('hotspot-list').locator('li');

describe('given the dashboard over 2025', () => {
  it('then the weekday × hour grid counts every report of the year as the engine does', async () => {
    const { watched, dashboard } = session;
    await dashboard.waitForStats();
    const expected = engine.hotspots(YEAR_2025)!;
    const grid = watched.page.getByTestId('hour-week-grid');
    await expect.poll(async () => (await grid.locator('td').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.count)))).join(), { timeout: 30_000 }).toBe(expected.grid.join());
    expect(expected.grid.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
  });

  it('then the five busiest areas are listed with their town and dominant problem', async () => {
    const expected = engine.hotspots(YEAR_2025)!.cells.slice(0, 5);
    expect(await list().count()).toBe(5);
    for (const [i, cell] of expected.entries()) {
      const item = list().nth(i);
      expect(await item.getAttribute('data-cell')).toBe(cell.cell);
      expect(Number(await item.getAttribute('data-count'))).toBe(cell.count);
      expect(await item.getAttribute('data-problem')).toBe(cell.problem);
    }
    expect(engine.hotspots(FULL_SPAN)!.cells[0].count).toBeGreaterThan(expected[0].count);
  });

  describe('when the hexagons are switched on and the busiest area is clicked', () => {
    it('then the map frames it and tints it', async () => {
      const { dashboard, watched } = session;
      const top = engine.hotspots(YEAR_2025)!.cells[0];
      await list().first().getByRole('button').click();
      await watched.page.waitForTimeout(900);
      await dashboard.waitForMapIdle();
      const view = await dashboard.view();
      expect(Math.abs(view.lng - top.center[0])).toBeLessThan(0.01);
      expect(Math.abs(view.lat - top.center[1])).toBeLessThan(0.01);
      const [before] = await dashboard.pixelsAround(top.center, 0);
      await watched.page.getByTestId('hotspot-map').check();
      await dashboard.waitForMapIdle();
      const [after] = await dashboard.pixelsAround(top.center, 0);
      // The busiest cell is drawn in the deepest red of the ramp.
      expect(colorDistance(before, after)).toBeGreaterThan(60);
      expect(after[0]).toBeGreaterThan(after[1] + 80);
      expect(new URLSearchParams(await watched.page.evaluate(() => location.search)).get('p.hotspotMap')).toBe('true');
    });
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
