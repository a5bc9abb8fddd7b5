import { describe, expect, inject, it } from 'vitest';
import { FULL_SPAN } from '../../src/state/filters';
import { KPI_IDS } from '../../src/stats/kpis';
import { townRows } from '../../src/stats/townMetrics';
import { loadEngineFromBuild } from '../support/engine';
import { openDashboardForSpec } from './support/session';

/** The panels follow a change after the statistics worker answers: more than a second on a busy machine. */
const PANELS_FOLLOW = { timeout: 30_000 };

const baseUrl = inject('baseUrl');
const session = openDashboardForSpec(baseUrl);
const engine = loadEngineFromBuild();
const cst = (s: string) => Date.parse(`${s}T00:00:00+08:00`);
// Month 0 of the overview is January 2021: 60 is January 2026, 62 is March 2026.
const Q1_2026 = { from: cst('2026-01-01'), to: cst('2026-04-01') };

async function visiblePatches(): Promise<number> {
  const items = session.watched.page.getByTestId('filter-patches-status').locator('[data-class]');
  const counts = await items.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.visible)));
  return counts.reduce((a, b) => a + b, 0);
}

describe('given the dashboard over the whole data span', () => {
  it('then no KPI compares with the period before it, which holds no data: each says so instead of a change', async () => {
    const { dashboard, watched } = session;
    await dashboard.waitForStats();
    for (const id of KPI_IDS) {
      const change = watched.page.getByTestId(`kpi-${id}`).locator('.kpi-card__change');
      expect(await change.getAttribute('data-comparison'), id).toBe('noData');
      expect(await change.textContent(), id).toBe('较上期 — (上期无数据)');
      expect(await watched.page.getByTestId(`kpi-${id}`).getAttribute('data-delta'), id).toBe('');
    }
  });

  describe('when January to March 2026 is brushed on the time chart', () => {
    it('then the global range is those three months', async () => {
      const { dashboard, watched } = session;
      await dashboard.waitForStats();
      await dashboard.brushMonths(60, 62);
      await expect.poll(() => dashboard.kpiRange(), { timeout: 15_000 }).toEqual({ ...Q1_2026, town: '' });
      expect(await watched.page.getByTestId('chip-time').textContent()).toContain('2026-01-01 – 2026-03-31');
      expect(await watched.page.getByTestId('time-preset').inputValue()).toBe('custom');
    });

    it('then every KPI is the engine\'s for that range', async () => {
      const expected = engine.kpis(Q1_2026)!;
      for (const id of KPI_IDS) expect(await session.dashboard.kpiValue(id), id).toBe(expected.current[id]);
      expect(Number(await session.watched.page.getByTestId('kpi-openDefects').getAttribute('data-delta'))).toBe(expected.current.openDefects! - expected.previous.openDefects!);
    });

    it('then the town table is the engine\'s for that range', async () => {
      const rows = townRows(engine.query(Q1_2026)!);
      await expect.poll(() => session.dashboard.tableValue(rows.towns[0].code, 'lampFaults'), PANELS_FOLLOW).toBe(rows.towns[0].values.lampFaults);
      for (const row of rows.towns) expect(await session.dashboard.tableValue(row.code, 'patchesDetected'), row.code).toBe(row.values.patchesDetected);
    });

    it('then the map draws only the patches detected in it', async () => {
      const detected = engine.query(Q1_2026)!.patches!.district.detected;
      await expect.poll(visiblePatches, PANELS_FOLLOW).toBe(detected);
      expect(detected).toBeGreaterThan(0);
    });

    it('then the trend chart shows the range by week', async () => {
      // 13 Monday weeks touch 1 January (a Thursday) to 31 March 2026.
      await expect.poll(() => session.watched.page.getByTestId('case-series-chart').getAttribute('data-buckets'), PANELS_FOLLOW).toBe('14');
    });

    it('then, once the page is idle, the trend chart has drawn those weeks, not the span before', async () => {
      await session.dashboard.waitForMapIdle();
      const chart = session.watched.page.getByTestId('case-series-chart');
      expect(await chart.getAttribute('data-buckets')).toBe('14');
      expect(await chart.locator('.chart-bar').count()).toBe(2 * 14);
    });
  });

  describe('when "last month" is picked', () => {
    it('then KPIs and map follow September 2026', async () => {
      const { dashboard, watched } = session;
      await watched.page.getByTestId('time-preset').selectOption('lastMonth');
      const september = { from: cst('2026-09-01'), to: cst('2026-10-01') };
      await expect.poll(() => dashboard.kpiRange(), PANELS_FOLLOW).toEqual({ ...september, town: '' });
      expect(await dashboard.kpiValue('overdueCases')).toBe(engine.kpis(september)!.current.overdueCases);
      await expect.poll(visiblePatches, PANELS_FOLLOW).toBe(engine.query(september)!.patches!.district.detected);
    });
  });

  describe('when a town\'s bar is clicked in the bar chart', () => {
    it('then the KPIs, the table and the map filter to it, and the chart keeps every town', async () => {
      const { dashboard, watched } = session;
      const bars = watched.page.getByTestId('town-bars').locator('.chart-bar');
      const count = await bars.count();
      expect(count).toBeGreaterThan(10);
      // The bars follow the headline figures: first their answer for the range, then the drawing of it.
      const { from } = await dashboard.kpiRange();
      await expect.poll(() => watched.page.getByTestId('town-bars-card').getAttribute('data-from'), PANELS_FOLLOW).toBe(String(from));
      const firstOf = async () => {
        const listed = await watched.page.getByTestId('town-bars').locator('ol li').first().getAttribute('data-town');
        const drawn = await bars.first().getAttribute('data-town');
        return listed === drawn ? listed : null;
      };
      await expect.poll(firstOf, PANELS_FOLLOW).not.toBeNull();
      const firstTown = await firstOf();
      await bars.first().click();
      await expect.poll(() => watched.page.getByTestId('town-select').inputValue(), PANELS_FOLLOW).toBe(firstTown);
      await expect.poll(async () => (await dashboard.kpiRange()).town, PANELS_FOLLOW).toBe(firstTown);
      const range = await dashboard.kpiRange();
      expect(await dashboard.kpiValue('openRailway')).toBe(engine.kpis({ from: range.from, to: range.to, towns: [firstTown!] })!.current.openRailway);
      expect(await watched.page.getByTestId('town-table').locator(`tbody tr[data-town="${firstTown}"]`).getAttribute('aria-selected')).toBe('true');
      expect(await bars.count()).toBe(count);
    });
  });

  describe('when a slice of the manhole donut is picked', () => {
    it('then the layer is filtered to that kind everywhere, and the donut still shows the other kinds', async () => {
      const { watched } = session;
      await watched.page.getByRole('button', { name: '清除全部' }).click();
      const donut = watched.page.getByTestId('breakdown-donut');
      await donut.locator('li[data-class="rain"] button').click();
      await expect.poll(() => watched.page.getByTestId('chip-manholes.kind').count(), PANELS_FOLLOW).toBe(1);
      const legend = watched.page.getByTestId('filter-manholes-kind');
      // The legend counts follow the headline figures.
      await expect.poll(() => legend.locator('[data-class="sewage"]').getAttribute('data-visible'), PANELS_FOLLOW).toBe('0');
      expect(Number(await legend.locator('[data-class="rain"]').getAttribute('data-visible'))).toBeGreaterThan(0);
      expect(Number(await donut.locator('li[data-class="sewage"]').getAttribute('data-count'))).toBeGreaterThan(0);
      expect(await donut.locator('li[data-class="sewage"] button').getAttribute('aria-pressed')).toBe('false');
    });

    it('then the KPIs and the town table count only covers of that kind', async () => {
      const { dashboard } = session;
      const classes = { manholes: { kind: ['rain'] } };
      const range = { from: FULL_SPAN.from, to: FULL_SPAN.to, classes };
      const expected = engine.kpis(range)!.current.openDefects;
      expect(expected).not.toBe(engine.kpis(FULL_SPAN)!.current.openDefects);
      await expect.poll(() => dashboard.kpiValue('openDefects'), PANELS_FOLLOW).toBe(expected);
      const rows = townRows(engine.query(range)!);
      await expect.poll(() => dashboard.tableValue(rows.towns[0].code, 'defectsPer1000'), PANELS_FOLLOW).toBe(rows.towns[0].values.defectsPer1000);
      for (const row of rows.towns) expect(await dashboard.tableValue(row.code, 'defectsPer1000'), row.code).toBe(row.values.defectsPer1000);
    });
  });

  describe('when a time preset is chosen', () => {
    it('then the KPI cards show its figures first, and the map draws it only after them', async () => {
      const { dashboard, watched } = session;
      await dashboard.waitForStats();
      const preset = (await watched.page.getByTestId('time-preset').inputValue()) === 'thisYear' ? 'lastMonth' : 'thisYear';
      // A string, not a function: the bundler would wrap the function's inner names in a helper the page lacks.
      const seen = await watched.page.evaluate<{ before: number; atChange: number; atCards: number; cards: number; later: number }>(`new Promise((resolve) => {
        const cards = () => document.querySelector('[data-testid=kpi-cards]');
        const drawn = () => window.__zqMap.drawnRange().from;
        const before = Number(cards().getAttribute('data-from'));
        let atChange, atCards, shown;
        const followMap = () => (drawn() === shown ? resolve({ before, atChange, atCards, cards: shown, later: drawn() }) : requestAnimationFrame(followMap));
        const observer = new MutationObserver(() => {
          const from = Number(cards().getAttribute('data-from'));
          if (from === before || cards().getAttribute('data-state') !== 'current') return;
          observer.disconnect();
          shown = from;
          atCards = drawn();
          requestAnimationFrame(followMap);
        });
        observer.observe(document.body, { subtree: true, attributes: true });
        const select = document.querySelector('[data-testid=time-preset]');
        select.value = '${preset}';
        select.dispatchEvent(new Event('change', { bubbles: true }));
        atChange = drawn();
      })`);
      expect(seen.cards).not.toBe(seen.before);
      expect(seen.atChange).toBe(seen.before);
      expect(seen.atCards).toBe(seen.before);
      expect(seen.later).toBe(seen.cards);
      expect(await dashboard.kpiRange()).toMatchObject({ from: seen.cards });
    });
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});
