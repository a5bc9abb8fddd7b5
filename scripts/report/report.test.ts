import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { townRows } from '../../src/stats/townMetrics';
import { createStatsApi } from '../../src/stats/worker/statsApi';
import { main, makeReport } from './report';

const read = (name: string) => JSON.parse(readFileSync(`public/data/${name}.geojson`, 'utf8')) as FeatureCollection;
const cst = (s: string) => Date.parse(`${s}T00:00:00+08:00`);
const csvRows = (bytes: Buffer | string) => Papa.parse<string[]>(String(bytes).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

function engine(regions = read('towns')) {
  const api = createStatsApi();
  api.loadTowns(regions.features.map((f) => ({ code: String(f.properties!.code ?? f.properties!.dm), geometry: f.geometry as never })));
  api.loadLamps(read('lamps').features as never, read('lamp-faults').features as never);
  api.loadManholes(read('manholes').features as never, read('manhole-defects').features as never);
  return api;
}

describe('npm run report', () => {
  const api = engine();

  it('writes the same CSV figures as the engine for a range and a class filter', async () => {
    const { bytes } = await makeReport(['--from', '2025-03-01', '--to', '2025-03-31', '--format', 'csv', '--out', 'x.csv', '--filter', 'manholes.kind=rain,gas']);
    const expected = townRows(api.query({ from: cst('2025-03-01'), to: cst('2025-04-01'), classes: { manholes: { kind: ['rain', 'gas'] } } })!);
    const rows = csvRows(bytes);
    const header = rows.findIndex((r) => r[0] === '区划代码');
    const covers = rows[header].indexOf('井盖数');
    const faults = rows[header].indexOf('路灯故障上报');
    for (const t of expected.towns) {
      const row = rows.find((r) => r[0] === t.code)!;
      expect(Number(row[covers])).toBe(t.values.covers);
      expect(Number(row[faults])).toBe(t.values.lampFaults);
    }
    expect(rows.find((r) => r[0] === '筛选条件')![1]).toContain('manholes.kind=rain,gas');
  });

  it('computes on other region boundaries given with their own property names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const towns = read('towns');
    const regions: FeatureCollection = {
      type: 'FeatureCollection',
      features: towns.features.slice(0, 2).map((f, i) => ({ ...f, properties: { dm: `R${i}`, mc: `网格${i}` } })),
    };
    writeFileSync(join(dir, 'regions.geojson'), JSON.stringify(regions));
    const out = join(dir, 'r.xlsx');
    expect(await main(['--from', '2025-01-01', '--to', '2025-12-31', '--format', 'xlsx', '--out', out, '--regions', join(dir, 'regions.geojson'), '--code-field', 'dm', '--name-field', 'mc'])).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('路灯')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('路灯故障上报') + 1;
    expect(sheet.rowCount).toBe(1 + 2 + 2);
    // The same polygons as two towns: the same figures as the towns'; everything else is outside them.
    const asTowns = townRows(api.query({ from: cst('2025-01-01'), to: cst('2026-01-01') })!);
    const original = towns.features.slice(0, 2).map((f) => asTowns.towns.find((t) => t.code === f.properties!.code)!.values.lampFaults);
    expect([Number(sheet.getRow(2).getCell(col).value), Number(sheet.getRow(3).getCell(col).value)]).toEqual(original);
    expect(sheet.getRow(2).getCell(2).value).toBe('网格0');
    expect(Number(sheet.getRow(4).getCell(col).value)).toBe(asTowns.district.values.lampFaults! - original[0]! - original[1]!);
  });

  it('writes GeoJSON, and explains bad arguments instead of failing obscurely', async () => {
    const { bytes } = await makeReport(['--from', '2025-01-01', '--to', '2025-01-31', '--format', 'geojson', '--out', 'x.geojson', '--lang', 'en']);
    const fc = JSON.parse(String(bytes));
    expect(fc.features).toHaveLength(18);
    expect(fc.metadata.context['Time range']).toBe('2025-01-01 – 2025-01-31');
    await expect(makeReport(['--from', '2025-02-01', '--to', '2025-01-01', '--format', 'csv', '--out', 'x'])).rejects.toThrow(/--from and --to/);
    await expect(makeReport(['--from', '2025-01-01', '--to', '2025-01-31', '--format', 'pdf', '--out', 'x'])).rejects.toThrow(/--format/);
    await expect(makeReport(['--from', '2025-01-01', '--to', '2025-01-31', '--format', 'csv', '--out', 'x', '--filter', 'manholes.kind=lava'])).rejects.toThrow(/unknown value\(s\) lava/);
  });
});
