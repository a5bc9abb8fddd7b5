import { describe, expect, inject, it } from 'vitest';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const session = openDashboardForSpec(baseUrl);
const MINGSHUI = '370114001';

const search = () => session.watched.page.evaluate(() => window.location.search);

describe('given a planner who has narrowed the dashboard down', () => {
  it('when town, period, class filter, panel and language are chosen, then the address holds them', async () => {
    const { dashboard, watched } = session;
    const page = watched.page;
    await page.getByTestId('town-select').selectOption(MINGSHUI);
    await page.waitForTimeout(900);
    await dashboard.waitForMapIdle();
    await page.getByTestId('time-preset').selectOption('thisYear');
    await dashboard.classToggle('manholes', 'kind', 'rain').click();
    await page.getByTestId('town-bars-metric').selectOption('openDefects');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(search).toContain('lang=en');
    const s = new URLSearchParams(await search());
    expect(s.get('town')).toBe(MINGSHUI);
    expect(s.get('time')).toBe('2026-01-01..2026-10-31');
    expect(s.get('f.manholes.kind')?.split(',')).not.toContain('rain');
    expect(s.get('p.barMetric')).toBe('openDefects');
    expect(s.get('view')).toMatch(/^117\.\d+,36\.\d+,\d+(\.\d+)?$/);
  });

  it('when the page is reloaded, then the exact view comes back', async () => {
    const { dashboard, watched } = session;
    const page = watched.page;
    const before = await dashboard.view();
    const address = await search();
    await dashboard.open(baseUrl, address);
    expect(await search()).toBe(address);
    expect(await page.locator('h1').textContent()).toBe('Zhangqiu City Management GIS');
    expect(await page.getByTestId('town-select').inputValue()).toBe(MINGSHUI);
    expect(await page.getByTestId('time-preset').inputValue()).toBe('thisYear');
    expect(await dashboard.classCount('manholes', 'kind', 'rain')).toMatchObject({ visible: 0 });
    expect(await page.getByTestId('town-bars-metric').inputValue()).toBe('openDefects');
    const after = await dashboard.view();
    expect(after.zoom).toBeCloseTo(before.zoom, 1);
    expect(after.lng).toBeCloseTo(before.lng, 3);
    expect(after.lat).toBeCloseTo(before.lat, 3);
  });

  it('when Back is pressed, then the last change is undone, and Forward redoes it', async () => {
    const { watched } = session;
    const page = watched.page;
    await page.goBack();
    await expect.poll(() => page.locator('h1').textContent()).toBe('章丘区城市管理 GIS 指挥平台');
    expect(await page.getByTestId('town-select').inputValue()).toBe(MINGSHUI);
    await page.goBack();
    await expect.poll(() => page.getByTestId('town-bars-metric').inputValue()).toBe('lightingRate');
    await page.goForward();
    await page.goForward();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Zhangqiu City Management GIS');
    expect(await page.getByTestId('town-bars-metric').inputValue()).toBe('openDefects');
  });

  it('when the link is copied, then the clipboard holds the address', async () => {
    const { watched } = session;
    await watched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await watched.page.getByTestId('copy-link').click();
    await expect.poll(() => watched.page.getByTestId('copy-link').textContent()).toContain('Link copied');
    expect(await watched.page.evaluate(() => navigator.clipboard.readText())).toBe(await watched.page.evaluate(() => window.location.href));
  });

  it('when a link names a town but no map view, then the map opens framed on that town', async () => {
    const { dashboard } = session;
    await dashboard.open(baseUrl, `?town=${MINGSHUI}`);
    const view = await dashboard.view();
    expect(view.zoom).toBeGreaterThan(10.5);
    expect(Math.abs(view.lng - 117.53)).toBeLessThan(0.05);
    expect(Math.abs(view.lat - 36.72)).toBeLessThan(0.05);
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
