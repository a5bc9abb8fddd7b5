import { createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../../src/import/limits';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, inject, it } from 'vitest';
import { reassignTownCodes } from '../../src/import/regions';
import { encodeTable } from '../../src/data/columnar/encodeTable';
import { featuresOf } from '../../src/data/columnar/readTable';
import { buildTownIndex } from '../../src/stats/towns/townIndex';
import { Importer } from './support/importer';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const GOOD = 'test/fixtures/import/good';
const BAD = 'test/fixtures/import/bad';
const lamps = JSON.parse(readFileSync('dist/data/lamps.geojson', 'utf8')) as FeatureCollection<Point, { id: string; townCode: string }>;
const grid = JSON.parse(readFileSync(`${GOOD}/regions-grid.geojson`, 'utf8')) as FeatureCollection<Polygon, { 网格编码: string }>;
const session = openDashboardForSpec(baseUrl);
const importer = () => new Importer(session.watched.page);

describe('given the dashboard on its bundled data', () => {
  describe('when a damaged Excel workbook is chosen for the street lamps', () => {
    it('then one message says what the file is and what is wrong with it, and nothing on screen changes', async () => {
      const { dashboard } = session;
      await dashboard.waitForStats();
      await importer().chooseFile(`${BAD}/workbook.xlsx`);
      const problem = await importer().fileProblem();
      expect(problem.code).toBe('badArchive');
      expect(problem.text).toContain('Excel 文件已损坏或不完整');
      expect(await importer().step()).toBe('pick');
      await importer().close();
      expect(await dashboard.countOf('lamps')).toBe(lamps.features.length);
    });
  });

  describe('when a file carrying markup in a value is checked', () => {
    it('then the markup is shown as text and never runs', async () => {
      const page = session.watched.page;
      await importer().chooseFile(`${BAD}/hostile-script-in-road.csv`);
      await importer().waitForStep('settings');
      expect(await page.getByTestId('import-sample').textContent()).toContain('<img src=x onerror="window.__pwned=1">');
      await importer().check();
      await importer().waitForStep('review');
      expect(await page.getByTestId('import-preview').textContent()).toContain('<img src=x');
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('[data-testid="import-dialog"] img').count()).toBe(0);
      await importer().close();
    });
  });

  describe('when a surveyor\'s ledger in Gauss–Krüger metres is checked', () => {
    it('then the likely system is named, and choosing it makes every row load', async () => {
      const page = session.watched.page;
      await importer().chooseFile(`${BAD}/projected-gauss-kruger-zone39.csv`);
      await importer().waitForStep('settings');
      await importer().check();
      const problem = await importer().fileProblem();
      expect(problem.code).toBe('projected');
      expect(problem.text).toContain('CGCS2000 3度带 第39带（EPSG:4527）');
      await page.getByTestId('import-crs').selectOption('EPSG:4527');
      await importer().check();
      await importer().waitForStep('review');
      expect(await importer().counts()).toEqual({ loadable: 5, skipped: 0 });
      expect(await importer().notices()).toContain('projectionConverted');
      await importer().close();
    });
  });

  describe('when grid boundaries are imported as regions', () => {
    const index = buildTownIndex(grid.features.map((f) => ({ code: f.properties.网格编码, geometry: f.geometry })));
    const placed = featuresOf<'lamps'>(reassignTownCodes(encodeTable('lamps', lamps.features), index));
    const polesIn = (code: string) => placed.filter((f) => f.properties.townCode === code).length;

    it('then the towns are the grid cells and each cell\'s pole count is that of the lamps inside it', async () => {
      const { dashboard, watched } = session;
      await importer().chooseFile(`${GOOD}/regions-grid.geojson`);
      await importer().waitForStep('settings');
      expect(await watched.page.getByTestId('import-target').inputValue()).toBe('regions');
      await importer().check();
      await importer().waitForStep('review');
      expect(await importer().counts()).toEqual({ loadable: 4, skipped: 0 });
      await importer().load();
      await expect.poll(() => dashboard.countOf('towns')).toBe(4);
      const options = await watched.page.getByTestId('town-select').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
      expect(options.filter(Boolean).sort()).toEqual(['G01', 'G02', 'G03', 'G04']);
      await dashboard.waitForStats();
      for (const code of ['G01', 'G02', 'G03', 'G04']) await expect.poll(() => dashboard.tableValue(code, 'poles'), { message: code }).toBe(polesIn(code));
    });

    it('then choosing a cell narrows the map\'s lamps to that cell', async () => {
      const { dashboard, watched } = session;
      await watched.page.getByTestId('town-select').selectOption('G02');
      const normal = placed.filter((f) => f.properties.townCode === 'G02' && f.properties.status === 'normal').length;
      await expect.poll(async () => (await dashboard.classCount('streetLamps', 'status', 'normal')).visible).toBe(normal);
      await watched.page.getByTestId('town-select').selectOption('');
    });

    it('then restoring brings back the 18 towns and their codes', async () => {
      const { dashboard, watched } = session;
      await watched.page.getByTestId('imported-towns').getByRole('button').click();
      await expect.poll(() => dashboard.countOf('towns'), { timeout: 30_000 }).toBe(18);
      await dashboard.waitForStats();
      const mingshui = lamps.features.filter((f) => f.properties.townCode === '370114001').length;
      await expect.poll(() => dashboard.tableValue('370114001', 'poles'), { timeout: 30_000 }).toBe(mingshui);
    });
  });

  describe('when a ledger with one bad row in three is imported', () => {
    it('then the bad row is named with its row number and reason, and offered as a report', async () => {
      await importer().chooseFile(`${BAD}/feature-unknown-status.csv`);
      await importer().waitForStep('settings');
      await importer().check();
      await importer().waitForStep('review');
      expect(await importer().counts()).toEqual({ loadable: 2, skipped: 1 });
      const [problem] = await importer().problems();
      expect(problem).toMatchObject({ index: 1, code: 'unknownValue' });
      expect(problem.text).toContain('第 3 行');
      expect(problem.text).toContain('字段“状态”的值“坏了”不在可选值中');
      const report = await importer().downloadReport();
      expect(report.startsWith('\uFEFF位置,序号,编号,字段,原因')).toBe(true);
      expect(report).toContain('第 3 行,1,ZQ-00002,状态,');
    });

    it('then the good rows replace the layer\'s poles', async () => {
      await importer().load();
      await expect.poll(() => session.dashboard.countOf('lamps')).toBe(2);
      expect(await session.watched.page.getByTestId('imported-lamps').textContent()).toContain('feature-unknown-status.csv');
    });
  });

  describe('when a good ledger is added to the layer', () => {
    const first = lamps.features[0];

    it('then its poles join those loaded and are drawn where they stand', async () => {
      const { dashboard } = session;
      await importer().chooseFile(`${GOOD}/lamps-ledger.csv`);
      await importer().waitForStep('settings');
      await importer().chooseMode('append');
      await importer().check();
      await importer().waitForStep('review');
      expect(await importer().notices()).toEqual(['townsAssigned']);
      await importer().load();
      await expect.poll(() => dashboard.countOf('lamps')).toBe(22);
      const place = first.geometry.coordinates as [number, number];
      await dashboard.zoomInOn(place, 8);
      await dashboard.clickAt(place);
      await expect.poll(() => dashboard.details().getAttribute('data-id')).toBe(first.properties.id.replace('LD', 'ZQ'));
    });
  });

  describe('when a long check is cancelled', () => {
    it('then the dialog returns to the settings with the file still open, and nothing loads', async () => {
      const big = join(tmpdir(), 'zq-import-large.csv');
      const rows = Array.from({ length: 300_000 }, (_, i) => `ZQ-BIG-${i},经十东路,${(117.3 + (i % 1000) * 0.0003).toFixed(6)},${(36.6 + Math.floor(i / 1000) * 0.0003).toFixed(6)},2,LED灯,90,2019,正常`);
      writeFileSync(big, `编号,所在道路,经度,纬度,灯头数,光源类型,功率,安装年份,状态\n${rows.join('\n')}\n`);
      await importer().chooseFile(big);
      await importer().waitForStep('settings');
      await importer().check();
      const progress = session.watched.page.getByTestId('import-progress');
      await progress.waitFor();
      await session.watched.page.getByTestId('import-cancel').click();
      await importer().waitForStep('settings');
      expect(await session.watched.page.getByTestId('import-summary').textContent()).toContain('300000');
      await importer().close();
      expect(await session.dashboard.countOf('lamps')).toBe(22);
    });
  });

  describe('when a zipped shapefile of poles is chosen', () => {
    it('then the dialog names the format and the system its .prj declares, and its poles replace the layer', async () => {
      const { page } = session.watched;
      await importer().chooseFile(`${GOOD}/lamps-shapefile.zip`);
      await importer().waitForStep('settings');
      expect(await page.getByTestId('import-format').getAttribute('data-format')).toBe('shapefile');
      expect(await page.getByTestId('import-declared-crs').getAttribute('data-crs')).toBe('wgs84');
      expect(await page.getByTestId('import-declared-crs').textContent()).toContain('.prj');
      expect(await page.getByTestId('import-target').inputValue()).toBe('lamps');
      await importer().check();
      await importer().waitForStep('review');
      expect(await importer().counts()).toEqual({ loadable: 20, skipped: 0 });
      expect(await importer().notices()).toContain('crsDeclared');
      await importer().load();
      await expect.poll(() => session.dashboard.countOf('lamps')).toBe(20);
    });
  });

  describe('when an Excel workbook with a notes sheet and a ledger sheet is chosen', () => {
    it('then the ledger sheet is read, the other can be chosen, and its rows are added (a formula without a result is named)', async () => {
      const { page } = session.watched;
      await importer().chooseFile(`${BAD}/workbook-formulas.xlsx`);
      await importer().waitForStep('settings');
      expect(await page.getByTestId('import-format').getAttribute('data-format')).toBe('excel');
      const sheets = page.getByTestId('import-choice');
      expect(await sheets.inputValue()).toBe('路灯台账');
      expect(await sheets.locator('option').allTextContents()).toEqual(['说明', '路灯台账']);
      await importer().chooseMode('append');
      await importer().check();
      await importer().waitForStep('review');
      expect(await importer().counts()).toEqual({ loadable: 2, skipped: 1 });
      const [problem] = await importer().problems();
      expect(problem.text).toContain('第 4 行');
      await importer().load();
      await expect.poll(() => session.dashboard.countOf('lamps')).toBe(22);
    });
  });

  describe('when a GeoPackage with two layers is chosen', () => {
    it('then it is read in the worker (SQLite in WebAssembly, under the page\'s policy) and its layers are offered', async () => {
      const { page } = session.watched;
      await importer().chooseFile(`${BAD}/geopackage-two-layers.gpkg`);
      await importer().waitForStep('settings');
      expect(await page.getByTestId('import-format').getAttribute('data-format')).toBe('gpkg');
      expect(await page.getByTestId('import-choice').locator('option').allTextContents()).toEqual(['lamps', 'patches']);
      await page.getByTestId('import-choice').selectOption('patches');
      await expect.poll(() => page.getByTestId('import-target').inputValue()).toBe('patches');
      expect(await page.getByTestId('import-choice').inputValue()).toBe('patches');
      await importer().close();
    });
  });

  describe('when a GeoJSON ledger larger than a format read whole may be is chosen', () => {
    it('then it is read as a stream, every pole is checked, and they replace the layer on the map', async () => {
      // Past MAX_FILE_BYTES (100 MB), the limit of the formats held whole: only streaming reads this.
      const path = join(tmpdir(), 'zq-import-stream.geojson');
      const count = 400_000;
      const out = createWriteStream(path);
      out.write('{"type":"FeatureCollection","name":"路灯台账","features":[\n');
      for (let i = 0; i < count; i++) {
        const f = lamps.features[i % lamps.features.length];
        const copy = Math.floor(i / lamps.features.length);
        const [x, y] = f.geometry.coordinates;
        const id = `${f.properties.id}-${copy}`;
        const feature = { type: 'Feature', id, geometry: { type: 'Point', coordinates: [x, y + copy * 0.0003] }, properties: { ...f.properties, id } };
        if (!out.write(`${i ? ',\n' : ''}${JSON.stringify(feature)}`)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      await new Promise<void>((r) => out.end('\n]}\n', () => r()));
      expect(statSync(path).size).toBeGreaterThan(MAX_FILE_BYTES);
      await importer().chooseFile(path);
      await importer().waitForStep('settings');
      expect(await session.watched.page.getByTestId('import-summary').textContent()).toContain('400000');
      await importer().check();
      await importer().waitForStep('review');
      expect(await importer().counts()).toEqual({ loadable: count, skipped: 0 });
      await importer().load();
      await expect.poll(() => session.dashboard.countOf('lamps'), { timeout: 60_000 }).toBe(count);
      // The file's last pole: found by its id, and drawn where it stands.
      const last = lamps.features[(count - 1) % lamps.features.length];
      const copy = Math.floor((count - 1) / lamps.features.length);
      const place: [number, number] = [last.geometry.coordinates[0], last.geometry.coordinates[1] + copy * 0.0003];
      const id = `${last.properties.id}-${copy}`;
      await session.dashboard.searchFor(id);
      await expect.poll(() => session.dashboard.details().getAttribute('data-id'), { timeout: 30_000 }).toBe(id);
      await session.dashboard.clickAt(place);
      await expect.poll(() => session.dashboard.details().getAttribute('data-id'), { timeout: 30_000 }).toBe(id);
    });
  });

  describe('when a file is dropped onto the dashboard', () => {
    it('then the dialog opens with it read', async () => {
      await importer().dropOnDashboard(`${GOOD}/patches.geojson`, 'application/geo+json');
      await importer().waitForStep('settings');
      expect(await session.watched.page.getByTestId('import-target').inputValue()).toBe('patches');
      expect(await session.watched.page.getByTestId('import-summary').textContent()).toContain('patches.geojson');
      await importer().close();
      expect(session.watched.errors).toEqual([]);
      expect(session.watched.offOrigin).toEqual([]);
    });
  });
});
