import { cellToLatLng } from 'h3-js';
import { readFileSync } from 'node:fs';
import type { FeatureCollection, Geometry, Point } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { DATA_END_MS } from '../../src/layers/common/time';
import { loadEngineFromBuild } from '../support/engine';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const session = openDashboardForSpec(baseUrl);
const H = 3_600_000;
const read = (name: string) => JSON.parse(readFileSync(`dist/data/${name}.geojson`, 'utf8')) as FeatureCollection<Geometry, Record<string, string | null>>;
const at = (v: string | null | undefined) => (typeof v === 'string' ? Date.parse(v) : Infinity);

/** The cases a reader of the files finds due in (now, now + hours]: reported by now, not handled by then. */
function dueSoonInFiles(now: number, hours: number) {
  const due: { id: string; asset: string | null; town: string; unit: string; deadline: number }[] = [];
  const add = (p: Record<string, string | null>, reported: number, handled: number, deadline: number) => {
    if (reported <= now && handled > now && deadline > now && deadline <= now + hours * H) due.push({ id: p.id!, asset: p.assetId ?? null, town: p.townCode!, unit: p.responsibleUnit!, deadline });
  };
  for (const name of ['lamp-faults', 'manhole-defects', 'railway-issues'])
    for (const { properties: p } of read(name).features) add(p, at(p.reportedAt), at(p.handledAt), at(p.deadline));
  for (const { properties: p } of read('patches').features) {
    const concluded = p.status === 'legal' || p.status === 'falsePositive' ? at(p.verifiedAt) : at(p.disposedAt);
    add(p, at(p.detectedAt), concluded, at(p.deadline));
  }
  return due.sort((a, b) => a.deadline - b.deadline);
}

const panel = () => session.watched.page.getByTestId('warnings');
const dueItems = () => panel().getByTestId('due-soon-list').locator('li');

describe('given the dashboard on the bundled data (as of its end)', () => {
  // Lamp faults are due in 48 or 72 hours: two days ahead takes in the last evening's storm.
  const due = dueSoonInFiles(DATA_END_MS, 48);

  it('then the early warnings list the cases due in the next 48 hours that a scan of the files finds, soonest first, when two days are chosen', async () => {
    await panel().getByTestId('warnings-horizon').selectOption('48');
    await expect.poll(() => session.watched.page.url()).toContain('p.dueHours=48');
    await expect.poll(() => panel().getByTestId('due-soon').getAttribute('data-total'), { timeout: 60_000 }).toBe(String(due.length));
    expect(due.length).toBeGreaterThan(8);
    expect(Number(await panel().getAttribute('data-now'))).toBe(DATA_END_MS);
    const shown = await dueItems().evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id));
    expect(shown).toEqual(due.slice(0, 8).map((c) => c.id));
    expect(await panel().getByTestId('due-soon-shown').textContent()).toContain(`8 / ${due.length}`);
    // Every level counted: the ones due within 2 hours, within 8, and later.
    const levels = await panel().locator('.due-levels li').evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.count)));
    const hoursLeft = due.map((c) => (c.deadline - DATA_END_MS) / H);
    expect(levels).toEqual([hoursLeft.filter((h) => h <= 2).length, hoursLeft.filter((h) => h > 2 && h <= 8).length, hoursLeft.filter((h) => h > 8).length]);
    // Per responsible unit: the units with most due first, each counted as the files count it.
    const perUnit = new Map<string, number>();
    for (const c of due) perUnit.set(c.unit, (perUnit.get(c.unit) ?? 0) + 1);
    const units = await panel().getByTestId('due-soon-units').locator('li').evaluateAll((lis) => lis.map((li) => [(li as HTMLElement).dataset.unit, Number((li as HTMLElement).dataset.count)]));
    expect(units.length).toBe(Math.min(6, perUnit.size));
    for (const [unit, n] of units) expect(n, String(unit)).toBe(perUnit.get(String(unit)));
    expect(units[0][1]).toBe(Math.max(...perUnit.values()));
  });

  it('then the poles that failed three times or more, and the covers twice or more, in the last 90 days are listed, most first', async () => {
    const countsOf = (name: string) => {
      const counts = new Map<string, number>();
      for (const { properties: p } of read(name).features) {
        const t = at(p.reportedAt);
        if (t > DATA_END_MS - 90 * 24 * H && t <= DATA_END_MS) counts.set(p.assetId!, (counts.get(p.assetId!) ?? 0) + 1);
      }
      return counts;
    };
    const [poles, covers] = [countsOf('lamp-faults'), countsOf('manhole-defects')];
    const repeated = [...[...poles].filter(([, n]) => n >= 3), ...[...covers].filter(([, n]) => n >= 2)];
    expect([...covers].filter(([, n]) => n >= 2).length).toBeGreaterThanOrEqual(4);
    await expect.poll(() => panel().getByTestId('repeats').getAttribute('data-total')).toBe(String(repeated.length));
    const listed = await panel().getByTestId('repeat-list').locator('li').evaluateAll((lis) => lis.map((li) => [(li as HTMLElement).dataset.asset, Number((li as HTMLElement).dataset.cases)]));
    for (const [asset, n] of listed) expect((poles.get(String(asset)) ?? covers.get(String(asset))), String(asset)).toBe(n);
    expect(listed[0][1]).toBe(Math.max(...repeated.map(([, n]) => n)));
  });

  it('then the planted storm night and sinking covers are flagged, with their usual range, and a click shows their cases', async () => {
    // The town's whole count (its categories are listed too, each on its own line).
    const storm = panel().locator('[data-testid="anomaly-list"] li[data-layer="lamps"][data-window="day"][data-town="370114006"][data-category=""]');
    await expect.poll(() => storm.count()).toBe(1);
    expect(Number(await storm.getAttribute('data-count'))).toBeGreaterThanOrEqual(38);
    expect(await storm.textContent()).toMatch(/圣井街道 · 路灯故障 · 近 24 小时.*常态 \d+–\d+/);
    expect(await panel().locator('[data-testid="anomaly-list"] li[data-layer="manholes"][data-window="week"][data-town="370114003"][data-category=""]').count()).toBe(1);
    expect(await panel().locator('[data-testid="anomaly-list"] li[data-layer="manholes"][data-window="week"][data-town="370114003"][data-category="sunken"]').textContent()).toMatch(/枣园街道 · 井盖病害 · 沉陷 · 近 7 天/);
    // The sinking covers lie close together: a cluster in one H3 cell.
    expect(await panel().locator('[data-testid="cluster-list"] li[data-layer="manholes"]').count()).toBe(1);
    await storm.getByRole('button').click();
    const { page } = session.watched;
    await expect.poll(() => page.getByTestId('town-select').inputValue()).toBe('370114006');
    const { dashboard } = session;
    await expect.poll(async () => (await dashboard.kpiRange()).from).toBe(DATA_END_MS - 24 * H);
    // The panel follows the headline figures a moment later: its warnings are the storm town's.
    await expect.poll(() => panel().getAttribute('data-town'), { timeout: 30_000 }).toBe('370114006');
    await page.getByTestId('time-preset').selectOption('allTime');
    await page.getByTestId('town-select').selectOption('');
    // The panel follows the headline figures: its warnings are the district's again.
    await expect.poll(() => panel().getAttribute('data-town'), { timeout: 30_000 }).toBe('');
  });

  it('then the next 7 days are forecast for each case layer as the engine forecasts them, with the backlog’s heading', async () => {
    const want = loadEngineFromBuild().warnings({ now: DATA_END_MS, hours: 24 })!.forecast!;
    const rows = panel().getByTestId('forecast-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(want.length);
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.layer, Number((tr as HTMLElement).dataset.expected), Number((tr as HTMLElement).dataset.backlog)]));
    expect(shown).toEqual(want.map((f) => [f.layer, f.total.expected, f.backlog[6]]));
    expect(want.find((f) => f.layer === 'lamps')!.total.expected).toBeGreaterThan(50);
  });

  describe('when the first case due is clicked', () => {
    it('then its pole opens in the details, with the case among its cases, and the map goes there', async () => {
      const { dashboard } = session;
      const first = due[0];
      await dueItems().first().getByRole('button').click();
      await expect.poll(() => dashboard.details().getAttribute('data-id')).toBe(first.asset ?? first.id);
      await expect.poll(() => dashboard.details().textContent()).toContain(first.id);
      await dashboard.waitForMapIdle();
      expect((await dashboard.view()).zoom).toBeGreaterThan(14);
    });
  });

  describe('when a town is chosen', () => {
    it('then only that town’s cases due soon are counted and listed', async () => {
      const perTown = new Map<string, number>();
      for (const c of due) perTown.set(c.town, (perTown.get(c.town) ?? 0) + 1);
      const [town, n] = [...perTown].sort((a, b) => b[1] - a[1])[0];
      await session.watched.page.getByTestId('town-select').selectOption(town);
      // The panel follows the filters once the statistics worker has answered: a second or more on a busy machine.
      await expect.poll(() => panel().getByTestId('due-soon').getAttribute('data-total'), { timeout: 30_000 }).toBe(String(n));
      expect(new Set(await dueItems().evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.town)))).toEqual(new Set([town]));
      await session.watched.page.getByTestId('town-select').selectOption('');
      await expect.poll(() => panel().getByTestId('due-soon').getAttribute('data-total'), { timeout: 30_000 }).toBe(String(due.length));
    });
  });

  describe('when the warnings are shown on the map', () => {
    it('then the cases due soon are ringed by level and the cell standing out is outlined, and the switch is in the address', async () => {
      const { dashboard, watched } = session;
      const near = (rgb: number[], to: number[]) => Math.hypot(rgb[0] - to[0], rgb[1] - to[1], rgb[2] - to[2]) < 40;
      const first = read('lamp-faults').features.find((f) => f.properties.id === due[0].id)!;
      const at = (first.geometry as Point).coordinates as [number, number];
      await watched.page.evaluate((c) => window.__zqMap!.jumpTo(c, 16), at);
      await dashboard.waitForMapIdle();
      const ringed = async () => (await dashboard.pixelsAround(at, 14)).filter((rgb) => near(rgb, [252, 141, 89])).length;
      const before = await ringed();
      await panel().getByTestId('warnings-map').check();
      await expect.poll(ringed, { timeout: 10_000 }).toBeGreaterThan(before + 20);
      expect(new URLSearchParams(await watched.page.evaluate(() => location.search)).get('p.warningMap')).toBe('true');
      // The sinking covers' cell, tinted red.
      const cell = await panel().locator('[data-testid="cluster-list"] li').first().getAttribute('data-cell');
      const [lat, lng] = cellToLatLng(cell!);
      await watched.page.evaluate((c) => window.__zqMap!.jumpTo(c, 14), [lng, lat] as [number, number]);
      await dashboard.waitForMapIdle();
      const [tinted] = await dashboard.pixelsAround([lng, lat], 0);
      await panel().getByTestId('warnings-map').uncheck();
      await dashboard.waitForMapIdle();
      const [plain] = await dashboard.pixelsAround([lng, lat], 0);
      expect(tinted[0] - tinted[2]).toBeGreaterThan(plain[0] - plain[2] + 20);
    });
  });

  describe('when a warning on the map is pointed at', () => {
    it('then its tooltip says what it is, and a click opens its case as the list does', async () => {
      const { dashboard, watched } = session;
      const first = read('lamp-faults').features.find((f) => f.properties.id === due[0].id)!;
      const where = (first.geometry as Point).coordinates as [number, number];
      // The earlier click opened this pole: closed first, so only the map's click can open it again.
      if ((await dashboard.details().count()) > 0) await dashboard.details().getByRole('button', { name: '关闭' }).click();
      await expect.poll(() => dashboard.details().count()).toBe(0);
      await panel().getByTestId('warnings-map').check();
      await watched.page.evaluate((c) => window.__zqMap!.jumpTo(c, 16), where);
      await dashboard.waitForMapIdle();
      const { x, y } = await dashboard.screenPoint(where);
      // Just inside the ring's edge, off the pole itself.
      await watched.page.mouse.move(x + 5, y);
      const tooltip = watched.page.getByTestId('warning-tooltip');
      await expect.poll(() => tooltip.textContent()).toContain(due[0].id);
      expect(await tooltip.textContent()).toMatch(/即将超期 · 路灯故障/);
      await watched.page.mouse.click(x + 5, y);
      await expect.poll(() => dashboard.details().getAttribute('data-id')).toBe(due[0].asset);
      await panel().getByTestId('warnings-map').uncheck();
    });
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
