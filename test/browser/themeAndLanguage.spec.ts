import { describe, expect, inject, it } from 'vitest';
import { PALETTES } from '../../src/map/theme';
import { colorDistance, hex } from './support/dashboard';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const OUTSIDE_DISTRICT: [number, number] = [117.28, 36.47];

const session = openDashboardForSpec(baseUrl);

describe('given the dashboard in its default light theme and Chinese', () => {
  it('when dark mode is switched on, then the map repaints in the dark palette', async () => {
    const [before] = await session.dashboard.pixelsAround(OUTSIDE_DISTRICT);
    expect(colorDistance(before, hex(PALETTES.light.outside))).toBeLessThan(6);
    await session.watched.page.getByRole('button', { name: '深色模式' }).click();
    await session.dashboard.waitForMapIdle();
    expect(await session.watched.page.getByRole('button', { name: '深色模式' }).getAttribute('aria-pressed')).toBe('true');
    const [after] = await session.dashboard.pixelsAround(OUTSIDE_DISTRICT);
    expect(colorDistance(after, hex(PALETTES.dark.outside))).toBeLessThan(6);
  });

  it('when English is chosen, then the panel speaks English, the page says so, and the town names stay on the map', async () => {
    await session.watched.page.getByRole('button', { name: 'English' }).click();
    // Asked at once: the town names stay on the map while their English glyphs are drawn.
    expect(await session.watched.page.evaluate(() => window.__zqMap!.deckLayers())).toContain('town-labels');
    await expect.poll(() => session.watched.page.locator('h1').textContent()).toBe('Zhangqiu City Management GIS');
    expect(await session.watched.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await session.watched.page.getByTestId('layer-streetLamps').locator('h3').textContent()).toBe('Street lamps');
  });

  it('then no Chinese text is left anywhere on screen, charts and table included', async () => {
    const page = session.watched.page;
    await page.getByTestId('kpi-cards').waitFor();
    await page.getByTestId('town-table').waitFor();
    const untranslated = await page.evaluate(() => {
      const cjk = /[\u3400-\u9fff]/;
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        // The language switch names the other language in that language, on purpose.
        if (!el || el.closest('[lang="zh"]') || !cjk.test(node.textContent ?? '')) continue;
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || el.closest('.visually-hidden, option, [hidden]')) continue;
        found.push(node.textContent!.trim());
      }
      return found;
    });
    expect(untranslated).toEqual([]);
  });

  it('then nothing failed', () => {
    expect(session.watched.errors).toEqual([]);
  });
});
