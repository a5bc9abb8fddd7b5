import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PALETTES } from '../../src/map/theme';
import { launchChromium, openWatchedPage, type WatchedPage } from './support/chromium';
import { colorDistance, Dashboard, hex } from './support/dashboard';

const baseUrl = inject('baseUrl');
const OUTSIDE_DISTRICT: [number, number] = [117.28, 36.47];

let browser: Browser;
let watched: WatchedPage;
let dashboard: Dashboard;

beforeAll(async () => {
  browser = await launchChromium();
  watched = await openWatchedPage(browser, baseUrl);
  dashboard = new Dashboard(watched.page);
  await dashboard.open(baseUrl);
});
afterAll(() => browser?.close());

describe('given the dashboard in its default light theme and Chinese', () => {
  it('when dark mode is switched on, then the map repaints in the dark palette', async () => {
    const [before] = await dashboard.pixelsAround(OUTSIDE_DISTRICT);
    expect(colorDistance(before, hex(PALETTES.light.outside))).toBeLessThan(6);
    await watched.page.getByRole('button', { name: '深色模式' }).click();
    await dashboard.waitForMapIdle();
    expect(await watched.page.getByRole('button', { name: '深色模式' }).getAttribute('aria-pressed')).toBe('true');
    const [after] = await dashboard.pixelsAround(OUTSIDE_DISTRICT);
    expect(colorDistance(after, hex(PALETTES.dark.outside))).toBeLessThan(6);
  });

  it('when English is chosen, then the panel speaks English and the page says so', async () => {
    await watched.page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => watched.page.locator('h1').textContent()).toBe('Zhangqiu City Management GIS');
    expect(await watched.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await watched.page.getByTestId('layer-streetLamps').locator('h3').textContent()).toBe('Street lamps');
  });

  it('then nothing failed', () => {
    expect(watched.errors).toEqual([]);
  });
});
