import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { parseCst } from '../../src/layers/common/time';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const session = openDashboardForSpec(baseUrl);
const read = (name: string) => JSON.parse(readFileSync(`dist/data/${name}.geojson`, 'utf8')) as FeatureCollection<Geometry, Record<string, string | number | null>>;
const at = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : Infinity);

/** A case of any collection as the assessment reads it: patches are reported when detected, handled and closed when concluded. */
function casesInFiles() {
  const cases: { reported: number; handled: number; closed: number; deadline: number; town: string; unit: string; reworks: number; layer: string }[] = [];
  for (const name of ['lamp-faults', 'manhole-defects', 'railway-issues']) {
    for (const { properties: p } of read(name).features) {
      cases.push({ reported: at(p.reportedAt), handled: at(p.handledAt), closed: at(p.closedAt), deadline: at(p.deadline), town: String(p.townCode), unit: String(p.responsibleUnit), reworks: Number(p.reworks), layer: name });
    }
  }
  // A patch's case lies at a point on it (Turf's pointOnFeature), and counts in the town that point is in.
  const towns = read('towns').features as Feature<Polygon | MultiPolygon, Record<string, string>>[];
  for (const patch of read('patches').features as Feature<Polygon | MultiPolygon, Record<string, string | null>>[]) {
    const p = patch.properties;
    const concluded = at(p.status === 'legal' || p.status === 'falsePositive' ? p.verifiedAt : p.disposedAt);
    const where = pointOnFeature(patch);
    const town = towns.find((t) => booleanPointInPolygon(where, t))?.properties.code ?? 'outside';
    cases.push({ reported: at(p.detectedAt), handled: concluded, closed: concluded, deadline: at(p.deadline), town, unit: String(p.responsibleUnit), reworks: 0, layer: 'patches' });
  }
  return cases;
}
const CASES = casesInFiles();

/** October 2026 as a reader of the files counts it, case by case, by the written definitions. */
function octoberInFiles() {
  const from = parseCst(2026, 10, 1);
  const to = parseCst(2026, 11, 1);
  const towns = new Map<string, { registered: number; due: number; closedOnTime: number }>();
  const units = new Set<string>();
  let registered = 0;
  let reworked = 0;
  let handled = 0;
  // Units are listed with a case in the month, the month before or the same month a year before.
  const compared = [
    [parseCst(2026, 9, 1), from],
    [parseCst(2025, 10, 1), parseCst(2025, 11, 1)],
  ];
  for (const c of CASES) {
    const r = c.reported;
    if (compared.some(([a, b]) => r >= a && r < b)) units.add(c.unit);
    if (r < from || r >= to) continue;
    const closed = c.closed < to;
    const t = towns.get(c.town) ?? { registered: 0, due: 0, closedOnTime: 0 };
    registered++;
    t.registered++;
    if (c.deadline <= to || closed) t.due++;
    if (closed && c.handled <= c.deadline) t.closedOnTime++;
    if (c.handled < to) {
      handled++;
      if (c.reworks > 0) reworked++;
    }
    towns.set(c.town, t);
    units.add(c.unit);
  }
  return { registered, towns, units, reworkRate: reworked / handled };
}

const panel = () => session.watched.page.getByTestId('assessment');

describe('given the dashboard on the bundled data, the assessment panel', () => {
  const october = octoberInFiles();

  it('assesses the last whole month of the data by default, with the district’s cases counted as the files hold them', async () => {
    await panel().scrollIntoViewIfNeeded();
    await expect.poll(() => panel().getByTestId('assessment-summary').locator('[data-indicator="registered"]').getAttribute('data-value'), { timeout: 60_000 }).toBe(String(october.registered));
    expect(await panel().getAttribute('data-month')).toBe('2026-10');
    const rework = Number(await panel().getByTestId('assessment-summary').locator('[data-indicator="reworkRate"]').getAttribute('data-value'));
    expect(rework).toBeCloseTo(october.reworkRate, 10);
  });

  it('ranks the towns by score, each town’s on-time closure rate as the files give it, the last three flagged', async () => {
    const rows = await panel()
      .getByTestId('assessment-towns')
      .locator('tbody tr:not([data-code="district"])')
      .evaluateAll((trs) =>
        trs.map((tr) => {
          const e = tr as HTMLElement;
          const cell = (id: string) => (e.querySelector(`[data-indicator="${id}"]`) as HTMLElement).dataset.value;
          return { code: e.dataset.code!, rank: e.dataset.rank, score: Number(e.dataset.score), flagged: e.dataset.flagged === 'true', rate: cell('onTimeClosureRate'), registered: cell('registered') };
        }),
      );
    expect(rows).toHaveLength(18);
    for (const row of rows) {
      const t = october.towns.get(row.code)!;
      expect(Number(row.registered), row.code).toBe(t.registered);
      if (t.due > 0) expect(Number(row.rate), row.code).toBeCloseTo(t.closedOnTime / t.due, 10);
    }
    const ranked = rows.filter((r) => r.rank !== '');
    expect(ranked.length).toBeGreaterThan(10);
    expect(ranked.map((r) => Number(r.rank))).toEqual(ranked.map((_, k) => k + 1));
    for (let k = 1; k < ranked.length; k++) expect(ranked[k].score).toBeLessThanOrEqual(ranked[k - 1].score);
    expect(ranked.filter((r) => r.flagged).map((r) => Number(r.rank))).toEqual([ranked.length - 2, ranked.length - 1, ranked.length]);
  });

  it('lists the responsible units the cases of the month, the month before and a year before name, when units are chosen', async () => {
    await panel().getByTestId('assessment-view-units').click();
    const codes = await panel().getByTestId('assessment-units').locator('tbody tr:not([data-code="district"])').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.code));
    expect(new Set(codes)).toEqual(october.units);
    expect(codes).toContain('LAMP');
  });

  it('assesses another month when one is chosen, and keeps it in the address', async () => {
    const page = session.watched.page;
    await panel().getByTestId('assessment-month').selectOption('2025-07');
    await expect.poll(() => page.url()).toContain('p.assessMonth=2025-07');
    const { from, to } = { from: parseCst(2025, 7, 1), to: parseCst(2025, 8, 1) };
    const expected = CASES.filter((c) => c.reported >= from && c.reported < to).length;
    await expect.poll(() => panel().getByTestId('assessment-summary').locator('[data-indicator="registered"]').getAttribute('data-value')).toBe(String(expected));
  });

  it('exports every indicator to CSV, with its month before and year before, and the towns, units and district as rows', async () => {
    const page = session.watched.page;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), panel().getByTestId('assessment-export').locator('button[data-format="csv-zh"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^章丘区_考核评价_2025-07-01_2025-07-31_/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    const header = lines.find((l) => l[0] === '层级')!;
    for (const name of ['立案数', '应结案数', '结案数', '按期结案数', '返工数', '超期数', '结案率', '按期结案率', '按期处置率', '返工率', '监督举报率', '平均处置时长', '处置时长中位数', '综合得分']) {
      expect(header, name).toContain(name);
      expect(header, name).toContain(`${name} 环比（上月）`);
    }
    const rows = lines.slice(lines.indexOf(header) + 1);
    expect(rows.filter((r) => r[0] === '镇街')).toHaveLength(18);
    expect(rows.filter((r) => r[0] === '全区')).toHaveLength(1);
    expect(rows.some((r) => r[0] === '责任单位' && r[1] === 'LAMP')).toBe(true);
  });

  it('opens a unit’s detail: its twelve months, worst categories and the cases it left open at the month’s end', async () => {
    const page = session.watched.page;
    await panel().getByTestId('assessment-month').selectOption('2026-10');
    await expect.poll(() => panel().getByTestId('assessment-summary').locator('[data-indicator="registered"]').getAttribute('data-value')).toBe(String(october.registered));
    await panel().getByTestId('assessment-view-units').click();
    await panel().getByTestId('assessment-units').locator('tr[data-code="LAMP"] button').click();
    const drill = panel().getByTestId('assessment-drilldown');
    await expect.poll(() => drill.getAttribute('data-group')).toBe('unit:LAMP');
    const end = parseCst(2026, 11, 1);
    let open = 0;
    let overdue = 0;
    for (const { properties: p } of read('lamp-faults').features) {
      if (at(p.reportedAt) >= end || at(p.handledAt) < end) continue;
      open++;
      if (at(p.deadline) < end) overdue++;
    }
    expect(Number(await drill.getAttribute('data-open'))).toBe(open);
    expect(Number(await drill.getAttribute('data-overdue'))).toBe(overdue);
    expect(await drill.locator('svg.report__map circle').count()).toBe(Math.min(open, 400));
    expect(await drill.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(6);
    expect(await page.evaluate(() => document.body.innerText)).toContain('B0201');
  });

  it('shows a case’s failed checks in its timeline, each sending it back to handling', async () => {
    // A pole whose latest fault was sent back: its details list that fault first.
    const latest = new Map<string, Record<string, string | number | null | string[]>>();
    for (const { properties: p } of read('lamp-faults').features) {
      const seen = latest.get(String(p.assetId));
      if (!seen || String(p.reportedAt) > String(seen.reportedAt)) latest.set(String(p.assetId), p);
    }
    const fault = [...latest.values()].find((p) => Array.isArray(p.failedChecks) && p.failedChecks.length === 2) ?? [...latest.values()].find((p) => Array.isArray(p.failedChecks))!;
    const { dashboard } = session;
    await dashboard.searchFor(String(fault.assetId));
    await expect.poll(() => dashboard.details().getAttribute('data-id')).toBe(String(fault.assetId));
    const timeline = dashboard.details().locator('[data-testid="case-timeline"]', { hasText: String(fault.id) });
    await expect.poll(() => timeline.locator('[data-testid="failed-check"]').count()).toBe((fault.failedChecks as string[]).length);
    expect(await timeline.locator('[data-testid="failed-check"]').first().textContent()).toContain('检查未通过');
    await dashboard.details().getByRole('button', { name: '关闭' }).click();
  });

  it('opens the printable report of the month in a new tab, a page for every town', async () => {
    const page = session.watched.page;
    const [report] = await Promise.all([page.context().waitForEvent('page'), panel().getByTestId('assessment-report').click()]);
    await report.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    expect(await report.getByTestId('report-period').textContent()).toBe('2026-10');
    expect(await report.locator('[data-page="town"]').count()).toBe(18);
    // Read once: the model is gone from storage, and the report does not ask the network for it.
    expect(await report.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('citygis-report:')).length)).toBe(0);
    await report.close();
  });
});

