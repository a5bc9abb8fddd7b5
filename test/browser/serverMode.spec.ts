import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_END_MS, parseCst } from '../../src/layers/common/time';
import { shippedAssessmentConfig } from '../support/assessmentConfig';
import { KPI_IDS } from '../../src/stats/kpis';
import { loadEngineFromBuild } from '../support/engine';
import { Importer } from './support/importer';
import { openServerModeSpec } from './support/serverModeSession';
import { Wall } from './support/wall';

const engine = loadEngineFromBuild();
const { origin, session, sql, bundled, askedOf } = openServerModeSpec('.server-browser', 55434, 8091);
const bundledPoles = bundled('lamps').features;
const bundledFaults = bundled('lamp-faults').features;

describe('with source=server, the dashboard reads the PostGIS + MapServer stack', () => {
  it('the town table shows the server’s SQL statistics, equal to the engine’s for the same range', async () => {
    await session.dashboard.page.locator('[data-testid="town-table"][data-source="server"]').waitFor({ timeout: 60_000 });
    const { from, to } = await session.dashboard.kpiRange();
    const answer = engine.query({ from, to })!;
    const codes = answer.codes;
    for (const [metric, pick] of [
      ['poles', (slot: number) => answer.lamps!.bySlot[slot].poles],
      ['lampFaults', (slot: number) => answer.lamps!.bySlot[slot].faultsReported],
      ['covers', (slot: number) => answer.manholes!.bySlot[slot].covers],
      ['railwayReported', (slot: number) => answer.railway!.bySlot[slot].reported],
    ] as const) {
      for (const code of [codes[0], codes[8], codes[codes.length - 1]]) {
        expect(await session.dashboard.tableValue(code, metric), `${code} ${metric}`).toBe(pick(codes.indexOf(code) + 1));
      }
    }
  });

  it('the KPI cards and the case trend are answered by the server’s SQL, and the cards equal the engine’s', async () => {
    const { page } = session.dashboard;
    const { from, to } = await session.dashboard.kpiRange();
    const want = engine.kpis({ from, to })!.current;
    for (const id of KPI_IDS) {
      const shown = await session.dashboard.kpiValue(id);
      if (want[id] === null) expect(shown, id).toBeNull();
      else expect(shown, id).toBeCloseTo(want[id]!, 9);
    }
    const edgesAsked = askedOf('case-series').map((p) => p.get('edges')!.split(',').length);
    // The trend's buckets and the month overview, each one request.
    expect(edgesAsked).toContain(Number(await page.getByTestId('case-series-chart').getAttribute('data-buckets')) + 1);
    expect(edgesAsked).toContain(Number(await page.getByTestId('range-overview').getAttribute('data-months')) + 1);
    // The cards' windows in one request: the range, then the period before it; the sparklines' in another.
    const windowsAsked = askedOf('kpi-windows').map((p) => p.get('windows')!.split(',').map(Number).join());
    expect(windowsAsked).toContain([from, to, from - (to - from), from].map(Math.round).join());
    expect(windowsAsked.some((w) => w.startsWith(`${Math.round(from)},`) && w.split(',').length > 4)).toBe(true);
  });

  it('the lighting rate of the last day is a row of the server’s statistics, equal to the engine’s', async () => {
    const { page } = session.dashboard;
    const want = engine.query({ from: DATA_END_MS - 24 * 3600_000, to: DATA_END_MS })!.lamps!.district;
    const kpi = page.getByTestId('lighting-rate');
    await expect.poll(() => kpi.getAttribute('data-rate')).toBe(String(want.lightingRate));
    expect(Number(await kpi.getAttribute('data-dark'))).toBe(want.faultyLampsAtEnd);
    // The day ends at the dashboard's clock (now, after the data's end: the same figures).
    const days = askedOf('town-stats').map((p) => [Date.parse(p.get('from')!), Date.parse(p.get('to')!)]);
    expect(days.some(([from, to]) => to - from === 24 * 3600_000 && to >= DATA_END_MS)).toBe(true);
  });

  it('the hot spots (weekday × hour grid and busiest areas) are answered by the server, equal to the engine’s', async () => {
    const { page } = session.dashboard;
    const { from, to } = await session.dashboard.kpiRange();
    const want = engine.hotspots({ from, to })!;
    const grid = page.getByTestId('hour-week-grid');
    await expect.poll(async () => (await grid.locator('td').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.count)))).join()).toBe(want.grid.join());
    const listed = page.getByTestId('hotspot-list').locator('li');
    expect(await listed.count()).toBe(Math.min(5, want.cells.length));
    for (const [i, cell] of want.cells.slice(0, 5).entries()) expect(await listed.nth(i).getAttribute('data-cell')).toBe(cell.cell);
    for (const collection of ['hour-week', 'hot-cells']) expect(askedOf(collection).map((p) => p.get('from')), collection).toContain(new Date(from).toISOString());
  });

  it('never reads the poles and covers whole: the layer panel counts them and the legends count them from asset-counts', async () => {
    const { page } = session.dashboard;
    // Of the poles, covers and their cases the page asks only single ones: by id, by prefix (search)
    // or by asset (details); how many there are comes from asset-counts and collection-sizes.
    for (const collection of ['lamps', 'manholes', 'lamp-faults', 'manhole-defects']) {
      expect(askedOf(collection).filter((p) => !p.has('prefix') && !p.has('asset')), collection).toEqual([]);
    }
    expect(await session.dashboard.statusOf('lamp-faults')).toBe('served');
    expect(await session.dashboard.countOf('lamp-faults')).toBe(bundledFaults.length);
    expect(session.watched.requested.filter((u) => u.includes('/collections/asset-counts/items'))).toHaveLength(1);
    expect(await session.dashboard.statusOf('lamps')).toBe('served');
    expect(await session.dashboard.countOf('lamps')).toBe(bundledPoles.length);
    for (const status of ['normal', 'faulty', 'repairing']) {
      const want = bundledPoles.filter((f) => f.properties!.status === status).length;
      expect(await session.dashboard.classCount('streetLamps', 'status', status), status).toEqual({ visible: want, total: want });
    }
    // A town filter narrows the legend to that town's poles.
    await page.getByTestId('town-select').selectOption('370114001');
    const inTown = bundledPoles.filter((f) => f.properties!.townCode === '370114001' && f.properties!.status === 'normal').length;
    await expect.poll(() => session.dashboard.classCount('streetLamps', 'status', 'normal')).toEqual({ visible: inTown, total: bundledPoles.filter((f) => f.properties!.status === 'normal').length });
    await page.getByTestId('town-select').selectOption('');
  });

  describe('the patches and railway issues: kept on the server too', () => {
    const bundledPatches = bundled('patches').features;
    const inRange = (range: { from: number; to: number }, f: (typeof bundledPatches)[number]) => {
      const t = Date.parse(String(f.properties!.detectedAt));
      return t >= range.from && t < range.to;
    };

    it('are never read whole: the legends count the time range shown from case-counts, and follow a new range', async () => {
      const { page } = session.dashboard;
      for (const collection of ['patches', 'railway-issues']) expect(askedOf(collection).filter((p) => !p.has('prefix')), collection).toEqual([]);
      expect(await session.dashboard.statusOf('patches')).toBe('served');
      expect(await session.dashboard.countOf('patches')).toBe(bundledPatches.length);
      const legendFor = async (range: { from: number; to: number }) => {
        for (const status of ['pending', 'demolished']) {
          const all = bundledPatches.filter((f) => f.properties!.status === status);
          const want = { visible: all.filter((f) => inRange(range, f)).length, total: all.length };
          await expect.poll(() => session.dashboard.classCount('patches', 'status', status), { timeout: 30_000 }).toEqual(want);
        }
      };
      const whole = await session.dashboard.kpiRange();
      await legendFor(whole);
      await page.getByTestId('time-preset').selectOption('thisYear');
      await expect.poll(async () => (await session.dashboard.kpiRange()).from).not.toBe(whole.from);
      const year = await session.dashboard.kpiRange();
      await legendFor(year);
      expect(askedOf('case-counts').map((p) => p.get('from'))).toContain(new Date(year.from).toISOString());
      const issues = bundled('railway-issues').features.filter((f) => {
        const t = Date.parse(String(f.properties!.reportedAt));
        return f.properties!.category === 'garbage' && t >= year.from && t < year.to;
      });
      expect(await session.dashboard.classCount('railway', 'category', 'garbage')).toMatchObject({ visible: issues.length });
      await page.getByTestId('time-preset').selectOption('allTime');
    });

  });

  it('the early warnings are the server’s, equal to the engine’s: the planted storm, the cases due soon, the repeat failures, the forecast', async () => {
    // The page reads a live server as of now: a page of its own whose clock stands at the data's end.
    const page = await session.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    try {
      await page.clock.setFixedTime(DATA_END_MS);
      await page.goto(`${origin}/?source=server`);
      const want = engine.warnings({ now: DATA_END_MS, hours: 24, limit: 8 })!;
      const panel = page.getByTestId('warnings');
      const total = want.dueSoonCounts.critical + want.dueSoonCounts.high + want.dueSoonCounts.watch;
      await expect.poll(() => panel.getByTestId('due-soon').getAttribute('data-total'), { timeout: 60_000 }).toBe(String(total));
      expect(Number(await panel.getAttribute('data-now'))).toBe(DATA_END_MS);
      expect(await panel.getByTestId('due-soon-list').locator('li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id))).toEqual(want.dueSoon.map((c) => c.id));
      expect(await panel.getByTestId('repeats').getAttribute('data-total')).toBe(String(want.repeatCount));
      const anomalies = await panel.getByTestId('anomaly-list').locator('li').evaluateAll((lis) => lis.map((li) => `${(li as HTMLElement).dataset.layer}:${(li as HTMLElement).dataset.town}:${(li as HTMLElement).dataset.count}`).sort());
      expect(anomalies).toEqual(want.anomalies.map((a) => `${a.layer}:${a.town ?? ''}:${a.count}`).sort());
      expect(anomalies.some((a) => a.startsWith('lamps:370114006:'))).toBe(true);
      expect(await panel.getByTestId('cluster-list').locator('li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.cell))).toEqual(want.cells.map((c) => c.cell));
      // The next 7 days, forecast by the server: each layer's week and backlog as the engine's.
      const forecast = await panel.getByTestId('forecast-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.layer, Number((tr as HTMLElement).dataset.expected), Number((tr as HTMLElement).dataset.backlog)]));
      expect(forecast.map(([layer]) => layer)).toEqual(want.forecast!.map((f) => f.layer));
      want.forecast!.forEach((f, k) => {
        expect(forecast[k][1]).toBeCloseTo(f.total.expected, 9);
        expect(forecast[k][2]).toBeCloseTo(f.backlog[6], 9);
      });
    } finally {
      await page.close();
    }
  });

  it('the assessment, its drill-down and its report are the server’s: each town’s score and open cases equal the engine’s, and the report has a page per town', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    try {
      await page.clock.setFixedTime(DATA_END_MS);
      await page.goto(`${origin}/?source=server`);
      const period = { from: parseCst(2026, 10, 1), to: parseCst(2026, 11, 1) };
      const want = engine.assessmentDetail({ period, config: shippedAssessmentConfig() })!;
      const panel = page.getByTestId('assessment');
      await panel.scrollIntoViewIfNeeded();
      await expect.poll(() => panel.getByTestId('assessment-summary').locator('[data-indicator="registered"]').getAttribute('data-value'), { timeout: 60_000 }).toBe(String(want.answer.district.counts.registered));
      expect(await panel.getAttribute('data-month')).toBe('2026-10');
      const scores = await panel.getByTestId('assessment-towns').locator('tbody tr:not([data-code="district"])').evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.code, (tr as HTMLElement).dataset.rank]));
      // Listed by rank.
      expect(scores.sort()).toEqual(want.answer.towns.map((t) => [t.code, t.rank === null ? '' : String(t.rank)]).sort());

      const town = want.answer.towns.find((t) => (want.openCounts[`town:${t.code}`]?.open ?? 0) > 0)!;
      await panel.getByTestId('assessment-towns').locator(`tr[data-code="${town.code}"] button`).click();
      const drill = panel.getByTestId('assessment-drilldown');
      await expect.poll(() => drill.getAttribute('data-group')).toBe(`town:${town.code}`);
      expect(Number(await drill.getAttribute('data-open'))).toBe(want.openCounts[`town:${town.code}`].open);
      expect(await drill.locator('svg.report__map circle').count()).toBe(want.openCases[`town:${town.code}`].length);

      const [report] = await Promise.all([page.context().waitForEvent('page'), panel.getByTestId('assessment-report').click()]);
      await report.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
      expect(await report.locator('[data-page="town"]').count()).toBe(want.answer.towns.length);
      await report.close();
    } finally {
      await page.close();
    }
  });

  it('search finds a pole on the server by the start of its id, and choosing it opens its details there', async () => {
    const { page } = session.dashboard;
    const ids = bundledPoles.map((f) => String(f.id)).sort();
    const wanted = ids[Math.floor(ids.length / 2)];
    await session.dashboard.searchFor(wanted.slice(0, -1));
    expect(askedOf('lamps').map((p) => p.get('prefix'))).toContain(wanted.slice(0, -1));
    const first = ids.find((id) => id.startsWith(wanted.slice(0, -1)))!;
    await expect.poll(() => session.dashboard.details().getAttribute('data-id')).toBe(first);
    const pole = bundledPoles.find((f) => f.id === first)!;
    expect(await session.dashboard.details().locator('[data-field="road"] dd').textContent()).toBe(pole.properties!.road);
    const { lng, lat } = await session.dashboard.view();
    const [x, y] = (pole.geometry as { coordinates: number[] }).coordinates;
    expect(Math.abs(lng - x) + Math.abs(lat - y)).toBeLessThan(0.003);
    await page.getByTestId('details').getByRole('button').first().click();
  });

  it('search finds a lamp fault on the server by its id and opens the pole it was filed against', async () => {
    const fault = bundledFaults[Math.floor(bundledFaults.length / 2)];
    await session.dashboard.searchFor(String(fault.id));
    expect(askedOf('lamp-faults').map((p) => p.get('prefix'))).toContain(String(fault.id));
    await expect.poll(() => session.dashboard.details().getAttribute('data-id')).toBe(fault.properties!.assetId);
    await session.dashboard.page.getByTestId('details').getByRole('button').first().click();
  });

  it('exporting the filtered poles reads them from the server page by page: the file holds what the legend counts', async () => {
    const { page } = session.dashboard;
    await session.dashboard.classToggle('streetLamps', 'status', 'normal').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-streetLamps').locator('button[data-format="csv"]').click()]);
    const rows = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').slice(1), { skipEmptyLines: true }).data;
    const header = rows.findIndex((r) => r[0] === 'longitude');
    const body = rows.slice(header + 1);
    const status = rows[header].indexOf('status');
    expect(body).toHaveLength(bundledPoles.filter((f) => f.properties!.status !== 'normal').length);
    expect(new Set(body.map((r) => r[status]))).toEqual(new Set(['faulty', 'repairing']));
    // The server kept the classes: only the faulty and repairing poles travelled.
    const exportReads = askedOf('lamps').filter((p) => !p.has('prefix'));
    expect(exportReads.length).toBeGreaterThan(0);
    for (const p of exportReads) expect(JSON.parse(p.get('classes')!).streetLamps.status.sort()).toEqual(['faulty', 'repairing']);
    await session.dashboard.classToggle('streetLamps', 'status', 'normal').click();
  });

  it('a file cannot be imported into a layer the server keeps: the importer offers the others and says why', async () => {
    const importer = new Importer(session.dashboard.page);
    await importer.chooseFile('test/fixtures/import/good/lamps-ledger.csv');
    await importer.waitForStep('settings');
    const offered = await session.dashboard.page.getByTestId('import-target').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(['regions']);
    await expect.poll(() => session.dashboard.page.getByTestId('import-served-note').count()).toBe(1);
    await importer.close();
  });

  it('the wall runs on the server too: its KPIs are the server’s, equal to the engine’s, and its sources count what the server keeps', async () => {
    const wall = new Wall(session.dashboard.page);
    await wall.open(origin, 'source=server&scenes=overview');
    const kpis = session.dashboard.page.getByTestId('wall-kpis');
    const [from, to] = [Number(await kpis.getAttribute('data-from')), Number(await kpis.getAttribute('data-to'))];
    const want = engine.kpis({ from, to })!.current;
    await expect.poll(() => wall.kpi('lightingRate')).toBe(String(want.lightingRate));
    expect(Number(await wall.kpi('openDefects'))).toBe(want.openDefects);
    expect(askedOf('kpi-windows').map((p) => Number(p.get('windows')!.split(',')[0]))).toContain(Math.round(from));
    expect((await wall.source('streetLamps')).cases).toBe(bundledFaults.length);
    // The patches' and railway issues' alerts are grouped by the server, for the wall's moment.
    await expect.poll(() => askedOf('case-alerts').length).toBeGreaterThan(0);
    expect(await session.dashboard.page.getByTestId('wall-sources').textContent()).toContain(bundledPoles.length.toLocaleString('en'));
  });

  it('the live refresh reads again only what the server changed: nothing while its tables stand still, the patches after a patch is written, the poles’ counts after a lamp fault is', async () => {
    const wall = new Wall(session.dashboard.page);
    await wall.open(origin, 'source=server&scenes=overview&refresh=2');
    const { requested } = session.watched;
    const since = (from: number, collection: string) => requested.slice(from).filter((u) => new URL(u).pathname.endsWith(`/collections/${collection}/items`)).length;
    // The case layers' counts of all time (those of the wall's window are asked as it moves on, like its statistics).
    const allTimeCaseCounts = (from: number) => requested.slice(from).filter((u) => new URL(u).pathname.endsWith('/collections/case-counts/items') && !new URL(u).searchParams.has('from')).length;
    // Several refreshes (every 2 s) of unchanged tables: only the change markers are read (and the
    // wall's statistics, whose window ends now and so moves on with each refresh).
    let mark = requested.length;
    await expect.poll(() => since(mark, 'collection-versions'), { timeout: 30_000 }).toBeGreaterThanOrEqual(8);
    for (const collection of ['patches', 'railway-issues', 'asset-counts', 'collection-sizes']) expect(since(mark, collection), collection).toBe(0);
    expect(allTimeCaseCounts(mark)).toBe(0);
    // A write to one patch moves the patches' marker: their counts are read again (never the
    // patches themselves), and nothing else is.
    mark = requested.length;
    sql(`update citygis.patches set status = status where id = '${bundled('patches').features[0].id}'`);
    await expect.poll(() => allTimeCaseCounts(mark), { timeout: 30_000 }).toBeGreaterThan(0);
    for (const collection of ['patches', 'railway-issues', 'asset-counts', 'collection-sizes']) expect(since(mark, collection), collection).toBe(0);
    // A write to a lamp fault moves the served layer's marker: its counts are read again (and its
    // statistics asked again with them).
    mark = requested.length;
    sql(`update citygis.lamp_faults set status = status where id = '${bundledFaults[0].id}'`);
    await expect.poll(() => since(mark, 'collection-sizes'), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(since(mark, 'asset-counts')).toBeGreaterThan(0);
    expect(since(mark, 'patches')).toBe(0);
  });


  describe('when the server’s statistics fail', () => {
    // What MapServer's role may call to answer every statistics collection: revoked, each of them fails.
    const STATISTICS = [
      'citygis.town_stats_cached(timestamptz, timestamptz, text[], jsonb)',
      'citygis.case_series_cached(timestamptz[], text[], jsonb)',
      'citygis.kpi_windows_cached(timestamptz[], timestamptz[], text[], jsonb)',
      'citygis.hour_week_cached(timestamptz, timestamptz, text[], jsonb, text[])',
      'citygis.hot_cells_cached(timestamptz, timestamptz, text[], jsonb, text[])',
      'citygis.warnings_cached(timestamptz, double precision, text[], jsonb, integer)',
    ].join(', ');
    const breakStatistics = () => sql(`revoke execute on function ${STATISTICS} from citygis_web`);
    const mendStatistics = () => sql(`grant execute on function ${STATISTICS} to citygis_web`);
    /** The console errors a failing request leaves (the browser logs every 4xx/5xx answer): expected here, and only these. */
    const expectOnlyFailedRequests = (from: number) => {
      const logged = session.watched.errors.splice(from);
      expect(logged.filter((e) => !/Failed to load resource: the server responded with a status of [45]\d\d/.test(e))).toEqual([]);
    };
    afterAll(mendStatistics);

    it('a new question reads unavailable with a retry countdown: no KPI, no town row shows a figure the page computed, and they come back by themselves', async () => {
      const { page } = session.dashboard;
      const errorsBefore = session.watched.errors.length;
      await session.dashboard.open(origin, '?source=server');
      breakStatistics();
      await page.getByTestId('time-preset').selectOption('lastMonth');
      const cards = page.locator('[data-testid="kpi-cards"][data-state="unavailable"]');
      await cards.waitFor({ timeout: 30_000 });
      for (const id of KPI_IDS) expect(await session.dashboard.kpiValue(id), id).toBeNull();
      const note = page.getByTestId('kpi-stats');
      expect(await note.getAttribute('data-state')).toBe('unavailable');
      await expect.poll(() => page.getByTestId('stats-retry').first().textContent()).toMatch(/\d+ 秒后重试|正在重试/);
      // The town table and the lighting rate say the same, and show no row (they follow the cards).
      await expect.poll(() => page.getByTestId('town-stats').getAttribute('data-state')).toBe('unavailable');
      expect(await page.getByTestId('town-table').count()).toBe(0);
      // The server is back: the next retry fills the cards with its figures for the new range.
      mendStatistics();
      await page.locator('[data-testid="kpi-cards"][data-state="current"]').waitFor({ timeout: 60_000 });
      const { from, to } = await session.dashboard.kpiRange();
      const want = engine.kpis({ from, to })!.current;
      expect(await session.dashboard.kpiValue('openDefects')).toBe(want.openDefects);
      expect(await session.dashboard.kpiValue('overdueCases')).toBe(want.overdueCases);
      await page.locator('[data-testid="town-table"][data-state="current"]').waitFor({ timeout: 60_000 });
      expectOnlyFailedRequests(errorsBefore);
    });

    it('on the wall, the last good figures stay, marked stale with their time, while the window moves on; they are current again once the server answers', async () => {
      const { page } = session.dashboard;
      const errorsBefore = session.watched.errors.length;
      const wall = new Wall(page);
      await wall.open(origin, 'source=server&scenes=overview&refresh=2');
      await page.locator('[data-testid="wall-kpis"][data-state="current"]').waitFor({ timeout: 30_000 });
      const before = await wall.kpi('openDefects');
      expect(before).not.toBe('');
      const failedAt = Date.now();
      breakStatistics();
      // The wall's window ends now: its next question (within a refresh) fails, and the figures stay.
      const stale = page.locator('[data-testid="wall-kpis"][data-state="stale"]');
      await stale.waitFor({ timeout: 30_000 });
      expect(await wall.kpi('openDefects')).toBe(before);
      const staleSeenAt = Date.now();
      const note = page.getByTestId('wall-kpi-stats');
      const asOf = Number(await note.getAttribute('data-as-of'));
      // The time is when the last good answer arrived: a question already running when the grant was
      // revoked may still be answered a moment after, so the bound is when the stale mark was seen.
      expect(asOf).toBeLessThanOrEqual(staleSeenAt);
      expect(asOf).toBeGreaterThan(failedAt - 10 * 60_000);
      const clock = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', timeStyle: 'short' }).format(asOf);
      expect(await note.textContent()).toContain(clock);
      expect(await note.textContent()).toContain('已过期');
      mendStatistics();
      await page.locator('[data-testid="wall-kpis"][data-state="current"]').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('wall-kpi-stats').count()).toBe(0);
      expectOnlyFailedRequests(errorsBefore);
      await session.dashboard.open(origin, '?source=server');
    });

    it('on the wall, when the server cannot group the patch and railway alerts, the ticker says so with the time of the last good ones, and clears once it can', async () => {
      const { page } = session.dashboard;
      const errorsBefore = session.watched.errors.length;
      const CASE_ALERTS = 'citygis.api_case_alerts(timestamptz, timestamptz, timestamptz)';
      const answered = page.waitForResponse((r) => r.url().includes('/collections/case-alerts/items') && r.status() === 200, { timeout: 60_000 });
      const wall = new Wall(page);
      await wall.open(origin, 'source=server&scenes=overview&refresh=2');
      await answered;
      const note = page.getByTestId('case-alerts-unavailable');
      expect(await note.count()).toBe(0);
      sql(`revoke execute on function ${CASE_ALERTS} from citygis_web`);
      try {
        // The next refresh moves the wall's window, and its question fails.
        await note.waitFor({ timeout: 30_000 });
        const lastGood = Number(await note.getAttribute('data-last-good'));
        expect(lastGood).toBeGreaterThan(Date.now() - 10 * 60_000);
        expect(await note.textContent()).toContain('图斑与铁路沿线告警暂不可用');
        expect(await page.getByTestId('alert-ticker').textContent()).not.toContain('暂无告警');
      } finally {
        sql(`grant execute on function ${CASE_ALERTS} to citygis_web`);
      }
      await note.waitFor({ state: 'detached', timeout: 30_000 });
      expectOnlyFailedRequests(errorsBefore);
      await session.dashboard.open(origin, '?source=server');
    });
  });

  it('makes no request outside its origin and logs no error', () => {
    expect(session.watched.offOrigin).toEqual([]);
    expect(session.watched.errors).toEqual([]);
  });
});
