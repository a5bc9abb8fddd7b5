import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import type { Download } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { townRows } from '../../src/stats/townMetrics';
import { loadEngineFromBuild } from '../support/engine';
import { openDashboardForSpec } from './support/session';

const baseUrl = inject('baseUrl');
const session = openDashboardForSpec(baseUrl, '?time=2025-01-01..2025-12-31&f.manholes.kind=rain,gas');
const cst = (s: string) => Date.parse(`${s}T00:00:00+08:00`);
const RANGE = { from: cst('2025-01-01'), to: cst('2026-01-01'), classes: { manholes: { kind: ['rain', 'gas'] } } };
const expected = townRows(loadEngineFromBuild().query(RANGE)!);

async function exportAs(format: string): Promise<{ name: string; bytes: Buffer }> {
  const page = session.watched.page;
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId('town-export').locator(`button[data-format="${format}"]`).click()]);
  const d = download as Download;
  return { name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) };
}

describe('given the town table for 2025 with covers narrowed to rain and gas', () => {
  it('when exported to CSV with Chinese headers, then Excel-ready UTF-8 holds the engine\'s numbers and says what it holds', async () => {
    await session.dashboard.waitForStats();
    const { name, bytes } = await exportAs('csv-zh');
    expect(name).toMatch(/^章丘区_镇街统计_2025-01-01_2025-12-31_\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows.find((r) => r[0] === '时间范围')![1]).toBe('2025-01-01 – 2025-12-31');
    expect(rows.find((r) => r[0] === '筛选条件')![1]).toContain('雨水、燃气');
    const header = rows.findIndex((r) => r[0] === '区划代码');
    const covers = rows[header].indexOf('井盖数');
    const openDefects = rows[header].indexOf('未修复井盖病害');
    for (const t of expected.towns) {
      const row = rows.find((r) => r[0] === t.code)!;
      expect(Number(row[covers]), t.code).toBe(t.values.covers);
      expect(Number(row[openDefects]), t.code).toBe(t.values.openDefects);
    }
  });

  it('when exported to Excel, then its sheets read back with the same numbers and every definition', async () => {
    const { name, bytes } = await exportAs('xlsx');
    expect(name).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('窨井盖')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('井盖数') + 1;
    const byCode = new Map<string, number>();
    sheet.eachRow((row, n) => n > 1 && byCode.set(String(row.getCell(1).value), Number(row.getCell(col).value)));
    for (const t of expected.towns) expect(byCode.get(t.code)).toBe(t.values.covers);
    expect(book.getWorksheet('说明')!.getRow(3).getCell(2).value).toContain('雨水、燃气');
  });

  it('when exported to GeoJSON, then each town polygon carries its figures', async () => {
    const { bytes } = await exportAs('geojson');
    const fc = JSON.parse(bytes.toString('utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(expected.towns.length);
    for (const f of fc.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(f.properties.openDefects).toBe(expected.towns.find((t) => t.code === f.properties.code)!.values.openDefects);
    }
    expect(fc.metadata.context['筛选条件']).toContain('雨水、燃气');
  });

  it('when the filtered covers are exported to CSV, then only rain and gas covers are in it, with their coordinates', async () => {
    const page = session.watched.page;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-manholes').locator('button[data-format="csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^章丘区_窨井盖_2025-01-01_2025-12-31_/);
    const rows = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8').slice(1), { skipEmptyLines: true }).data;
    const header = rows.findIndex((r) => r[0] === 'longitude');
    const kind = rows[header].indexOf('kind');
    const body = rows.slice(header + 1);
    const visible = await page.getByTestId('filter-manholes-kind').locator('[data-class]').evaluateAll((els) => els.reduce((a, e) => a + Number((e as HTMLElement).dataset.visible), 0));
    expect(body).toHaveLength(visible);
    expect(new Set(body.map((r) => r[kind]))).toEqual(new Set(['rain', 'gas']));
    expect(body.every((r) => Number(r[0]) > 117 && Number(r[1]) > 36)).toBe(true);
  });

  it('when the patches of the year are exported to GeoJSON, then they are the patches detected in it', async () => {
    const page = session.watched.page;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-patches').locator('button[data-format="geojson"]').click()]);
    const fc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(fc.features.length).toBe(expected.district.values.patchesDetected);
    expect(fc.features.every((f: { properties: { detectedAt: string } }) => f.properties.detectedAt >= '2024-12-31' && f.properties.detectedAt < '2026-01-01')).toBe(true);
  });

  it('then nothing failed and nothing left the origin', () => {
    expect(session.watched.errors).toEqual([]);
    expect(session.watched.offOrigin).toEqual([]);
  });
});

describe('given the town bars', () => {
  it('when the town bars are exported as SVG, then the file holds a bar, a name and a value for every town listed', async () => {
    const page = session.watched.page;
    const card = page.getByTestId('town-bars-card');
    const towns = await card.locator('ol li').count();
    expect(towns).toBeGreaterThan(10);
    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('button[data-format="svg"]').click()]);
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg).toContain('镇街对比');
    expect((svg.match(/class="chart-bar"/g) ?? []).length).toBe(towns);
    const first = (await card.locator('ol li').first().textContent())!;
    const [name, value] = first.split(': ');
    expect(svg).toContain(`${name}</text>`);
    expect(svg).toContain(`>${value}</text>`);
  });
});

describe('given the case trend chart', () => {
  it('when exported as SVG, then the file is the chart with its title and legend', async () => {
    const page = session.watched.page;
    const card = page.getByTestId('time-series');
    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('button[data-format="svg"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^章丘区_路灯-案件趋势_2025-01-01_2025-12-31_.*\.svg$/);
    const svg = readFileSync((await download.path())!, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('路灯 · 案件趋势 · 2025-01-01 – 2025-12-31');
    expect(svg).toContain('窨井盖 · 井盖类型: 雨水、燃气');
    expect((svg.match(/class="chart-bar"/g) ?? []).length).toBeGreaterThan(40);
    for (const name of ['上报', '办结', '积压']) expect(svg).toMatch(new RegExp(`class="legend-entry"[^>]*>${name}<`));
  });

  it('when exported as PNG, then the picture is twice the chart\'s size', async () => {
    const page = session.watched.page;
    const card = page.getByTestId('time-series');
    const box = (await card.locator('svg.chart-surface').boundingBox())!;
    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('button[data-format="png"]').click()]);
    const png = readFileSync((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(Math.round(box.width) * 2);
    expect(png.readUInt32BE(20)).toBeGreaterThan(Math.round(box.height) * 2);
  });

  it('when the range changes, then the town export waits for the table to hold the new range\'s figures, and then names and holds them', async () => {
    const page = session.watched.page;
    await session.dashboard.waitForStats();
    await expect.poll(() => page.getByTestId('town-export').locator('button[data-format="csv-zh"]').isEnabled()).toBe(true);
    // The change and the buttons read in one task: the table follows the headline figures a moment later.
    const atChange = await page.evaluate<boolean[]>(`(() => {
      const select = document.querySelector('[data-testid=time-preset]');
      select.value = 'lastMonth';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return [...document.querySelectorAll('[data-testid=town-export] button')].map((b) => b.disabled);
    })()`);
    expect(atChange).toHaveLength(5);
    expect(atChange.every(Boolean)).toBe(true);
    await expect.poll(() => page.getByTestId('town-export').locator('button[data-format="csv-zh"]').isEnabled()).toBe(true);
    const september = { from: cst('2026-09-01'), to: cst('2026-10-01'), classes: RANGE.classes };
    const want = townRows(loadEngineFromBuild().query(september)!);
    const { bytes } = await exportAs('csv-zh');
    const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
    expect(rows.find((r) => r[0] === '时间范围')![1]).toBe('2026-09-01 – 2026-09-30');
    const header = rows.findIndex((r) => r[0] === '区划代码');
    const faults = rows[header].indexOf('路灯故障上报');
    expect(faults).toBeGreaterThan(0);
    for (const t of want.towns) expect(Number(rows.find((r) => r[0] === t.code)![faults]), t.code).toBe(t.values.lampFaults);
  });

  it('then nothing failed', () => {
    expect(session.watched.errors).toEqual([]);
  });
});
