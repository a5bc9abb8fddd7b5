import { describe, expect, inject, it } from 'vitest';
import { openDashboardForSpec } from './support/session';
import { Wall } from './support/wall';

const baseUrl = inject('baseUrl');
const session = openDashboardForSpec(baseUrl, '?wall=1&scenes=streetLamps');
const MINGSHUI: [number, number] = [117.53, 36.72];

/** What deck.gl picks around a place: the map draws lamps there. */
async function lampNear(page: Wall['page'], lngLat: [number, number]): Promise<boolean> {
  return page.evaluate(([lng, lat]) => {
    const map = window.__zqMap!;
    const { x, y } = map.project([lng, lat]);
    for (let dx = -30; dx <= 30; dx += 6) for (let dy = -30; dy <= 30; dy += 6) if (map.pick(x + dx, y + dy)?.layer.startsWith('lamps')) return true;
    return false;
  }, lngLat);
}

describe('given the wall when its WebGL context is lost (WEBGL_lose_context)', () => {
  it('then the map is rebuilt without a reload, draws its layers again, and nothing fails', async () => {
    const { page } = session.watched;
    const wall = new Wall(page);
    await wall.waitUntilReady();
    expect(await lampNear(page, MINGSHUI)).toBe(true);
    await page.evaluate(() => {
      (window as unknown as { __beforeLoss: boolean }).__beforeLoss = true;
      const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
      (canvas.getContext('webgl2') as WebGL2RenderingContext).getExtension('WEBGL_lose_context')!.loseContext();
    });
    await page.waitForFunction(() => document.documentElement.dataset.mapRebuilds === '1', undefined, { timeout: 10_000 });
    await page.waitForFunction(() => window.__zqMap?.isIdle() === true, undefined, { timeout: 30_000, polling: 100 });
    await expect.poll(() => lampNear(page, MINGSHUI), { timeout: 10_000 }).toBe(true);
    // The same page: no reload happened.
    expect(await page.evaluate(() => (window as unknown as { __beforeLoss?: boolean }).__beforeLoss)).toBe(true);
    const canvases = await page.locator('.maplibregl-canvas').count();
    expect(canvases).toBe(1);
    const pixels = await page.evaluate(() => {
      const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement;
      const gl = canvas.getContext('webgl2')!;
      return { lost: gl.isContextLost() };
    });
    expect(pixels.lost).toBe(false);
    expect(session.watched.errors).toEqual([]);
  });

  it('when the context keeps being lost, then rebuilds back off and stop after five, a notice takes the map’s place, and the rest of the wall goes on', async () => {
    const { page } = session.watched;
    const started = Date.now();
    // Lose every new map's context as soon as it has one, until the wall gives up.
    for (let i = 0; i < 8 && (await page.getByTestId('map-unavailable').count()) === 0; i++) {
      await page.waitForFunction(
        () => {
          const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement | null;
          const gl = canvas?.getContext('webgl2');
          return document.querySelector('[data-testid="map-unavailable"]') !== null || (gl !== null && gl !== undefined && !gl.isContextLost());
        },
        undefined,
        { timeout: 30_000, polling: 50 },
      );
      await page.evaluate(() => {
        const canvas = document.querySelector('.maplibregl-canvas') as HTMLCanvasElement | null;
        (canvas?.getContext('webgl2') as WebGL2RenderingContext | null)?.getExtension('WEBGL_lose_context')?.loseContext();
      });
      await page.waitForTimeout(100);
    }
    await page.getByTestId('map-unavailable').waitFor({ timeout: 30_000 });
    // Five rebuilds in the streak (the first test's and four more), with 1 + 2 + 4 + 8 s between the later ones.
    expect(await page.evaluate(() => document.documentElement.dataset.mapRebuilds)).toBe('5');
    expect(Date.now() - started).toBeGreaterThan(14_000);
    expect(await page.getByTestId('map-unavailable').textContent()).toContain('地图暂时无法绘制');
    expect(await page.getByTestId('wall-kpis').getAttribute('data-from')).not.toBeNull();
    expect(await page.getByTestId('wall-clock').count()).toBe(1);
    expect(session.watched.errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
  });
});

