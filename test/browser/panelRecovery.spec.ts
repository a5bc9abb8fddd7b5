import { readFileSync } from 'node:fs';
import type { FeatureCollection, Point } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { openDashboardForSpec } from './support/session';

/**
 * A panel that throws while rendering stays inside its own boundary: a calm "restarting" line in
 * its place, the other panels and the map go on, and it comes back by itself. The fault is made
 * from outside the app: number formatting (Intl.NumberFormat) throws while a flag is set.
 */
const baseUrl = inject('baseUrl');
const session = openDashboardForSpec(baseUrl);

describe('given the dashboard, when number formatting starts throwing and the language is switched', () => {
  it('then the panels that format numbers show that they restart, the page stays up, and each recovers by itself once formatting works again', async () => {
    const { page } = session.watched;
    await session.dashboard.waitForStats();
    await page.evaluate(() => {
      const descriptor = Object.getOwnPropertyDescriptor(Intl.NumberFormat.prototype, 'format')!;
      Object.defineProperty(Intl.NumberFormat.prototype, 'format', {
        configurable: true,
        get(this: Intl.NumberFormat) {
          if ((window as unknown as { __failFormat?: boolean }).__failFormat) throw new Error('formatting broke (test)');
          return descriptor.get!.call(this);
        },
      });
      (window as unknown as { __failFormat?: boolean }).__failFormat = true;
    });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('restarting-dashboard').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('restarting-dashboard').textContent()).toBe('This panel failed and is restarting…');
    // The page itself is up: its header still answers.
    expect(await page.locator('header').first().isVisible()).toBe(true);
    await page.evaluate(() => ((window as unknown as { __failFormat?: boolean }).__failFormat = false));
    await page.getByTestId('kpi-cards').waitFor({ timeout: 15_000 });
    await expect.poll(() => page.locator('[data-testid^="restarting-"]').count(), { timeout: 15_000 }).toBe(0);
    await session.dashboard.waitForMapIdle();
    expect(await page.evaluate(() => window.__zqMap?.isIdle())).toBe(true);
    expect(session.watched.errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
  });

  it('then a fault inside the map (its tooltip, formatting a pole’s figures) restarts the map alone, which comes back drawn', async () => {
    const { page } = session.watched;
    const pole = (JSON.parse(readFileSync('dist/data/lamps.geojson', 'utf8')) as FeatureCollection<Point>).features[0];
    const place = pole.geometry.coordinates as [number, number];
    await page.evaluate((c) => window.__zqMap!.jumpTo(c, 17), place);
    await session.dashboard.waitForMapIdle();
    await page.evaluate(() => ((window as unknown as { __failFormat?: boolean }).__failFormat = true));
    const { x, y } = await session.dashboard.screenPoint(place);
    await page.mouse.move(x + 30, y + 30);
    await page.mouse.move(x, y, { steps: 4 });
    await page.getByTestId('restarting-map').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('kpi-cards').count()).toBe(1);
    await page.evaluate(() => ((window as unknown as { __failFormat?: boolean }).__failFormat = false));
    await page.mouse.move(5, 5);
    await expect.poll(() => page.getByTestId('restarting-map').count(), { timeout: 15_000 }).toBe(0);
    await session.dashboard.waitForMapIdle();
    expect(await page.locator('.maplibregl-canvas').count()).toBe(1);
    expect(session.watched.errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
  });
});

