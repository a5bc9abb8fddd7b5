import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { DOMAIN_LAYERS } from '../../src/layers/registry';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const session = openDashboardForSpec(baseUrl);
const NORMAL_POLE = DOMAIN_LAYERS.streetLamps.style.colors.normal as readonly number[];

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

async function exportMap(size: string): Promise<Buffer> {
  const page = session.watched.page;
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('map-export').locator(`button[data-size="${size}"]`).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^章丘区_地图-${size}_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.png$`));
  return readFileSync((await download.path())!);
}

/** In the page: how many distinct colours the map part has, and whether the legend panel holds a colour. */
async function inspect(png: Buffer, panelWidth: number, color: readonly number[]) {
  return session.watched.page.evaluate(
    async ({ b64, panelWidth, color }) => {
      // Decoded by hand: the page's CSP rightly refuses fetch() of a data: URL.
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const panel = ctx.getImageData(0, 0, panelWidth, bitmap.height).data;
      let legendSwatch = false;
      for (let i = 0; i < panel.length && !legendSwatch; i += 4) legendSwatch = Math.abs(panel[i] - color[0]) + Math.abs(panel[i + 1] - color[1]) + Math.abs(panel[i + 2] - color[2]) < 12;
      const map = ctx.getImageData(panelWidth, 0, bitmap.width - panelWidth, bitmap.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < map.length; i += 4 * 97) colours.add((map[i] << 16) | (map[i + 1] << 8) | map[i + 2]);
      return { legendSwatch, mapColours: colours.size };
    },
    { b64: png.toString('base64'), panelWidth, color },
  );
}

describe('given the dashboard', () => {
  it('when the map is exported at 1×, then the PNG is the map at screen size with the legend panel beside it', async () => {
    const page = session.watched.page;
    const box = (await page.getByTestId('map').boundingBox())!;
    const png = await exportMap('1x');
    expect(pngSize(png)).toEqual({ width: Math.round(box.width) + 340, height: Math.round(box.height) });
    const seen = await inspect(png, 340, NORMAL_POLE);
    expect(seen.legendSwatch).toBe(true);
    expect(seen.mapColours).toBeGreaterThan(50);
  });

  it('when exported at 2×, then the map is rendered at twice the resolution, not scaled', async () => {
    const box = (await session.watched.page.getByTestId('map').boundingBox())!;
    const png = await exportMap('2x');
    expect(pngSize(png)).toEqual({ width: Math.round(box.width) * 2 + 680, height: Math.round(box.height) * 2 });
    expect((await inspect(png, 680, NORMAL_POLE)).legendSwatch).toBe(true);
  });

  it('when exported at 3840×2160, then the picture is exactly that size', async () => {
    const png = await exportMap('4k');
    expect(pngSize(png)).toEqual({ width: 3840, height: 2160 });
    expect((await inspect(png, 680, NORMAL_POLE)).mapColours).toBeGreaterThan(50);
  });

  it('then the map on screen is back at its own resolution, and nothing failed', async () => {
    const ratio = await session.watched.page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid="map"] canvas.maplibregl-canvas')!;
      return c.width / c.clientWidth;
    });
    expect(ratio).toBe(1);
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
