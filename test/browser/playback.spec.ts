import { describe, expect, inject, it } from 'vitest';
import { loadEngineFromBuild } from '../support/engine';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const session = openDashboardForSpec(baseUrl, '?time=2025-01-01..2025-12-31');
const engine = loadEngineFromBuild();
const cst = (s: string) => Date.parse(`${s}T00:00:00+08:00`);

describe('given the dashboard over 2025', () => {
  describe('when playback steps forward by month', () => {
    it('then the range becomes January 2025 and the panels follow', async () => {
      const { dashboard, watched } = session;
      await dashboard.waitForStats();
      await watched.page.getByTestId('step-forward').click();
      const january = { from: cst('2025-01-01'), to: cst('2025-02-01') };
      await expect.poll(() => dashboard.kpiRange(), { timeout: 20_000 }).toEqual({ ...january, town: '' });
      expect(await dashboard.kpiValue('overdueCases')).toBe(engine.kpis(january)!.current.overdueCases);
    });
  });

  describe('when it plays at 4× and is paused', () => {
    it('then the months advanced, stop advancing, and the map and KPIs show the month it stopped on', async () => {
      const { dashboard, watched } = session;
      await watched.page.getByTestId('play-speed').selectOption('4');
      await watched.page.getByTestId('play').click();
      await expect.poll(async () => (await dashboard.kpiRange()).from, { timeout: 20_000 }).toBeGreaterThanOrEqual(cst('2025-04-01'));
      await watched.page.getByTestId('play').click();
      await expect.poll(() => watched.page.getByTestId('playback').getAttribute('data-playing')).toBe('false');
      const chip = await watched.page.getByTestId('chip-time').textContent();
      await watched.page.waitForTimeout(800);
      expect(await watched.page.getByTestId('chip-time').textContent()).toBe(chip);
      const day = /(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2})/.exec(chip!)!;
      const month = { from: cst(day[1]), to: cst(day[2]) + 24 * 3600_000 };
      await expect.poll(() => dashboard.kpiRange()).toEqual({ ...month, town: '' });
      expect(await dashboard.kpiValue('openRailway')).toBe(engine.kpis(month)!.current.openRailway);
      // The legends follow the headline figures.
      const patches = () => watched.page.getByTestId('filter-patches-status').locator('[data-class]').evaluateAll((els) => els.reduce((a, e) => a + Number((e as HTMLElement).dataset.visible), 0));
      await expect.poll(patches).toBe(engine.query(month)!.patches!.district.detected);
    });
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
