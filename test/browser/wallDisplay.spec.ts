import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openWatchedPage, type WatchedPage } from './support/chromium';
import { Wall } from './support/wall';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync('test-results', { recursive: true });
});
afterAll(() => browser?.close());

const SIZES = [
  { width: 1920, height: 1080, lang: 'zh' },
  { width: 3840, height: 2160, lang: 'zh' },
  { width: 5760, height: 1080, lang: 'zh' },
  { width: 1920, height: 1080, lang: 'en' },
];

describe.each(SIZES)('given the wall at $width × $height in $lang', ({ width, height, lang }) => {
  let watched: WatchedPage;
  let wall: Wall;
  beforeAll(async () => {
    watched = await openWatchedPage(browser, baseUrl, { width, height });
    wall = new Wall(watched.page);
    // The rankings scene has the longest panel (all 18 towns).
    await wall.open(baseUrl, `scenes=rankings,worstTowns&lang=${lang}`);
    await watched.page.screenshot({ path: `test-results/wall-${width}x${height}-${lang}.png` });
  });
  afterAll(() => watched.context.close());

  it('then no text is smaller than 1/54 of the screen height', async () => {
    const report = await wall.layout();
    expect(report.small).toEqual([]);
    expect(report.minFontPx).toBeGreaterThanOrEqual(height / 54 - 0.01);
  });

  it('then nothing overflows, is clipped or leaves the screen', async () => {
    const report = await wall.layout();
    expect(report.clipped).toEqual([]);
    expect(report.outside).toEqual([]);
    expect(report.pageScrolls).toBe(false);
  });

  it('then the map is drawn at the real resolution, not scaled', async () => {
    const r = await wall.canvasResolution();
    expect(r.width).toBe(Math.round(r.cssWidth * r.dpr));
    expect(r.height).toBe(Math.round(r.cssHeight * r.dpr));
    expect(r.cssWidth).toBeGreaterThan(width / 3);
  });

  it('then the rankings list every town and the next scene shows its own panel', async () => {
    await expect.poll(() => watched.page.getByTestId('wall-ranking').locator('li').count()).toBe(18);
    await watched.page.keyboard.press('ArrowRight');
    await expect.poll(() => wall.scene()).toBe('worstTowns');
    await expect.poll(() => watched.page.getByTestId('wall-panel').getAttribute('data-panel')).toBe('worst');
    const report = await wall.layout();
    expect([...report.small, ...report.clipped, ...report.outside]).toEqual([]);
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(watched.errors).toEqual([]);
    expect(watched.offOrigin).toEqual([]);
  });
});

// The tour runs on the page's own timers and Playwright's clock moves them on, so no test waits
// out a scene in real time. Scenes and holds are long enough that loading cannot end one.
describe('given the wall touring its scenes', () => {
  let watched: WatchedPage;
  let wall: Wall;
  const elapse = (ms: number) => watched.page.clock.fastForward(ms);
  beforeAll(async () => {
    watched = await openWatchedPage(browser, baseUrl, { width: 1920, height: 1080 });
    await watched.page.clock.install();
    wall = new Wall(watched.page);
    await wall.open(baseUrl, 'interval=120&idle=180&scenes=overview,streetLamps,hotspots');
  });
  afterAll(() => watched.context.close());

  it('then it moves to the next scene by itself, switching the map layers with it', async () => {
    expect(await wall.scene()).toBe('overview');
    await elapse(120_000);
    await expect.poll(() => wall.scene()).toBe('streetLamps');
    await expect.poll(() => watched.page.getByTestId('wall-panel').getAttribute('data-panel')).toBe('ranking');
    const drawn = await watched.page.evaluate(() => window.__zqMap!.pick(0, 0));
    expect(drawn).toBeNull();
  });

  it('when someone touches the wall, then the tour holds and says when it resumes', async () => {
    const held = (await wall.scene())!;
    await watched.page.mouse.click(960, 540);
    await watched.page.getByTestId('tour-paused').waitFor();
    await elapse(150_000);
    expect(await wall.scene()).toBe(held);
    await watched.page.getByTestId('tour-paused').waitFor();
    await elapse(35_000);
    await watched.page.getByTestId('tour-paused').waitFor({ state: 'detached' });
    expect(await wall.scene()).toBe(held);
    await elapse(120_000);
    await expect.poll(() => wall.scene()).not.toBe(held);
  });

  it('when the hot-spot scene shows, then its hexagons are on the map', async () => {
    await expect.poll(() => wall.scene()).toBe('hotspots');
    await expect.poll(() => watched.page.getByTestId('wall-hot-areas').locator('li').count()).toBe(5);
  });

  it('then nothing failed', () => {
    expect(watched.errors).toEqual([]);
    expect(watched.offOrigin).toEqual([]);
  });
});
