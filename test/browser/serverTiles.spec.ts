import type { Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { openServerModeSpec } from './support/serverModeSession';
import { Wall } from './support/wall';

// The map with source=server: poles, covers, patches and railway issues drawn from MapServer's
// vector tiles (a stack of its own, beside serverMode.spec.ts's).
const { origin, session, sql, bundled, rendered, zoomTo } = openServerModeSpec('.server-browser-tiles', 55435, 8092);
const bundledPoles = bundled('lamps').features;
const bundledFaults = bundled('lamp-faults').features;

describe('with source=server, the map draws the server’s vector tiles', () => {
  it('at district zoom, lamps and covers are drawn from the tiles as one total per town', async () => {
    await session.dashboard.waitForMapIdle();
    const towns = await rendered(['server-lamps-towns']);
    const codes = new Set(towns.map((t) => t.properties.code));
    expect(codes.size).toBe(18);
    expect(await rendered(['server-lamps-points', 'server-lamps-grid'])).toEqual([]);
    expect((await rendered(['server-manholes-towns'])).length).toBeGreaterThanOrEqual(18);
  });

  it('at zoom 12, as grid totals of about 1 km, and a town filter keeps only that town’s cells', async () => {
    await zoomTo(12.5);
    const cells = await rendered(['server-lamps-grid']);
    expect(new Set(cells.map((c) => c.properties.town)).size).toBeGreaterThan(1);
    expect(await rendered(['server-lamps-points', 'server-lamps-towns'])).toEqual([]);

    await session.dashboard.page.getByTestId('town-select').selectOption('370114001');
    await session.dashboard.page.waitForTimeout(1000);
    await session.dashboard.waitForMapIdle();
    const kept = await rendered(['server-lamps-grid', 'server-lamps-points', 'server-lamps-towns']);
    expect(kept.length).toBeGreaterThan(0);
    expect(new Set(kept.map((f) => f.properties.town ?? f.properties.townCode ?? f.properties.code))).toEqual(new Set(['370114001']));
    await session.dashboard.page.getByTestId('town-select').selectOption('');
    await session.dashboard.page.waitForTimeout(1000);
  });

  it('zoomed in, single poles arrive from the tiles with their status, and the deck.gl pole layer stays empty', async () => {
    await zoomTo(15);
    const poles = await rendered(['server-lamps-points']);
    expect(poles.length).toBeGreaterThan(20);
    expect(new Set(poles.map((p) => p.properties.status))).toContain('normal');
    expect(await rendered(['server-lamps-towns'])).toEqual([]);
    // Where a tiled pole is drawn, deck.gl has nothing to pick: its own pole layer is not drawn.
    const picks = await session.dashboard.page.evaluate(
      (points) => points.map((ll) => { const p = window.__zqMap!.project(ll); return window.__zqMap!.pick(p.x, p.y)?.layer ?? null; }),
      poles.slice(0, 10).map((p) => p.lngLat!),
    );
    expect(picks.filter((layer) => layer === 'lamps' || layer === 'manholes')).toEqual([]);
  });

  it('a status switch in the legend narrows the tiled poles', async () => {
    await session.dashboard.classToggle('streetLamps', 'status', 'normal').click();
    await session.dashboard.waitForMapIdle();
    const poles = await rendered(['server-lamps-points']);
    expect(poles.every((p) => p.properties.status !== 'normal')).toBe(true);
    await session.dashboard.classToggle('streetLamps', 'status', 'normal').click();
    await session.dashboard.waitForMapIdle();
    expect((await rendered(['server-lamps-points'])).some((p) => p.properties.status === 'normal')).toBe(true);
  });

  it('hovering a tiled pole shows its tooltip, and clicking it opens its details', async () => {
    const [pole] = (await rendered(['server-lamps-points'])).filter((p) => p.lngLat);
    const { x, y } = await session.dashboard.screenPoint(pole.lngLat!);
    await session.dashboard.page.mouse.move(x, y);
    await expect.poll(() => session.dashboard.page.getByTestId('tooltip').textContent()).toContain(String(pole.properties.id));
    await session.dashboard.clickAt(pole.lngLat!);
    const details = session.dashboard.details();
    await details.waitFor({ timeout: 10_000 });
    expect(await details.getAttribute('data-id')).toBe(pole.properties.id);
    // The pole is read by id from the server (the page holds none), with its cases (asset=), and the
    // click did not pick the town under it too.
    expect(await details.locator('[data-field="status"]').count()).toBe(1);
    const faults = bundledFaults.filter((f) => f.properties!.assetId === pole.properties.id).length;
    await expect.poll(() => details.locator('section > h4').first().textContent()).toMatch(new RegExp(`\\(${faults}\\)$`));
    expect(await session.dashboard.page.getByTestId('town-select').inputValue()).toBe('');
  });

  describe('the patches and railway issues', () => {
    const bundledPatches = bundled('patches').features;
    const inRange = (range: { from: number; to: number }, f: (typeof bundledPatches)[number]) => {
      const t = Date.parse(String(f.properties!.detectedAt));
      return t >= range.from && t < range.to;
    };

    it('at district zoom, each town’s circle counts its patches of the range; zoomed in, the tiles draw the patches of the range only', async () => {
      // Two quarters of 2025, by link.
      await session.dashboard.open(origin, '?source=server&time=2025-04-01..2025-09-30');
      await expect.poll(async () => (await session.dashboard.kpiRange()).from).toBe(Date.parse('2025-04-01T00:00:00+08:00'));
      const range = await session.dashboard.kpiRange();
      // The whole district in view: every town's seat.
      await session.dashboard.page.evaluate(() => window.__zqMap!.jumpTo([117.49, 36.74], 8.5));
      await session.dashboard.waitForMapIdle();
      const circles = await rendered(['server-patches-town-totals']);
      const perTown = new Map<string, number>();
      for (const f of bundledPatches) if (inRange(range, f)) perTown.set(String(f.properties!.townCode), (perTown.get(String(f.properties!.townCode)) ?? 0) + 1);
      expect(circles.length).toBe(perTown.size);
      for (const c of circles) expect(c.properties.patches, String(c.properties.code)).toBe(perTown.get(String(c.properties.code)));
      // Zoomed in on a patch of the range: the tiles draw it, and nothing outside the range.
      const target = bundledPatches.find((f) => inRange(range, f))!;
      let at = (target.geometry as { coordinates: unknown[] }).coordinates;
      while (Array.isArray(at[0])) at = at[0] as unknown[];
      await session.dashboard.page.evaluate((c) => window.__zqMap!.jumpTo(c, 15), at as [number, number]);
      await session.dashboard.waitForMapIdle();
      const drawn = await rendered(['server-patches-polygons']);
      expect(drawn.map((p) => p.properties.id)).toContain(target.id);
      // Clicked, the patch opens its details, read by id from the server.
      const ring = (target.geometry as { type: string; coordinates: number[][][] | number[][][][] }).type === 'Polygon' ? (target.geometry as { coordinates: number[][][] }).coordinates[0] : (target.geometry as { coordinates: number[][][][] }).coordinates[0][0];
      const middle: [number, number] = [ring.reduce((a, p) => a + p[0], 0) / ring.length, ring.reduce((a, p) => a + p[1], 0) / ring.length];
      await session.dashboard.page.evaluate((c) => window.__zqMap!.jumpTo(c, 17), middle);
      await session.dashboard.waitForMapIdle();
      await session.dashboard.clickAt(middle);
      await expect.poll(() => session.dashboard.details().getAttribute('data-id')).toBe(target.id);
      expect(await session.dashboard.details().locator('[data-field="status"]').count()).toBe(1);
      await session.dashboard.page.getByTestId('details').getByRole('button').first().click();
      expect(drawn.length).toBeGreaterThan(0);
      for (const p of drawn) expect(Number(p.properties.t) >= range.from && Number(p.properties.t) < range.to, String(p.properties.id)).toBe(true);
      expect(await rendered(['server-patches-town-totals'])).toEqual([]);
      await session.dashboard.open(origin, '?source=server');
    });
  });

  it('a pole the server changes is drawn changed without a reload: the tiles are read again when its marker moves', async () => {
    const wall = new Wall(session.dashboard.page);
    await wall.open(origin, 'source=server&scenes=overview&refresh=2');
    const pole = bundledPoles.find((f) => f.properties!.status === 'normal')!;
    await session.dashboard.page.evaluate((c) => window.__zqMap!.jumpTo(c, 17), (pole.geometry as Point).coordinates as [number, number]);
    await session.dashboard.waitForMapIdle();
    const statusDrawn = async () => (await rendered(['server-lamps-points'])).find((f) => f.properties.id === pole.id)?.properties.status;
    expect(await statusDrawn()).toBe('normal');
    sql(`update citygis.lamps set status = 'repairing' where id = '${pole.id}'`);
    try {
      await expect.poll(statusDrawn, { timeout: 30_000 }).toBe('repairing');
    } finally {
      sql(`update citygis.lamps set status = 'normal' where id = '${pole.id}'`);
    }
    await expect.poll(statusDrawn, { timeout: 30_000 }).toBe('normal');
  });

  it('makes no request outside its origin and logs no error', () => {
    expect(session.watched.offOrigin).toEqual([]);
    expect(session.watched.errors).toEqual([]);
  });
});
