import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
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
    await expect(makeReport(['--from', '2025-01-01', '--to', '2025-01-31', '--format', 'docx', '--out', 'x'])).rejects.toThrow(/--format must be csv, xlsx, geojson or pdf/);
    await expect(makeReport(['--from', '2025-01-01', '--to', '2025-01-31', '--format', 'csv', '--out', 'x', '--filter', 'manholes.kind=lava'])).rejects.toThrow(/unknown value\(s\) lava/);
  });
});

describe('npm run report with a broken regions file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-regions-'));
  const square = (x: number) => [[x, 36.6], [x + 0.05, 36.6], [x + 0.05, 36.65], [x, 36.65], [x, 36.6]];
  const region = (code: string, coordinates: unknown, type = 'Polygon', extra: Record<string, unknown> = {}) => ({ type: 'Feature', properties: { code, name: `区域${code}`, ...extra }, geometry: { type, coordinates } });
  const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
  const good = region('A', [square(117.5)]);
  // name, file content (null: no such file; 'DIR': a folder), what the message must say besides the option and the file
  const corpus: [string, string | null, RegExp][] = [
    ['missing', null, /no such file/],
    ['folder', 'DIR', /a folder, not a file/],
    ['truncated', fc(good).slice(0, 60), /JSON/],
    ['empty', '', /empty|空/],
    ['an array, not GeoJSON', '[1, 2, 3]', /GeoJSON/],
    ['no features', fc(), /feature|要素/i],
    ['points, not polygons', fc(region('P', [117.5, 36.6], 'Point')), /polygon|面/i],
    ['a ring not closed', fc(good, region('B', [[[117.6, 36.6], [117.65, 36.6], [117.65, 36.65], [117.6, 36.65]]])), /1 of 2 regions refused\n {2}feature 2 \(B 区域B\): polygon ring is not closed/],
    ['a self-intersecting ring', fc(good, region('C', [[[117.6, 36.6], [117.65, 36.65], [117.65, 36.6], [117.6, 36.65], [117.6, 36.6]]])), /1 of 2 regions refused\n {2}feature 2 \(C 区域C\): /],
    ['too few positions', fc(good, region('D', [[[117.6, 36.6], [117.65, 36.6], [117.6, 36.6]]])), /1 of 2 regions refused\n {2}feature 2 \(D 区域D\): /],
    ['an empty polygon', fc(good, region('E', [])), /1 of 2 regions refused\n {2}feature 2 \(E 区域E\): /],
    ['a region without its name', fc(good, { ...region('F', [square(117.7)]), properties: { code: 'F' } }), /1 of 2 regions refused\n {2}feature 2 \(F\): /],
    ['no code property at all', fc({ ...good, properties: { dm: 'A', name: 'x' } }), /--code-field code: no region has this property/],
  ];

  it(`has at least 10 broken files (${corpus.length})`, () => expect(corpus.length).toBeGreaterThanOrEqual(10));

  it.each(corpus)('%s: exits 2 with a message naming --regions, the file and what is wrong', async (name, content, says) => {
    const path = join(dir, `${name.replace(/\W+/g, '-')}.geojson`);
    if (content === 'DIR') mkdirSync(path, { recursive: true });
    else if (content !== null) writeFileSync(path, content);
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: unknown) => void errors.push(String(m)));
    try {
      expect(await main(['--from', '2025-01-01', '--to', '2025-01-31', '--format', 'csv', '--out', join(dir, 'x.csv'), '--regions', path, '--lang', 'en'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(errors.join('\n')).toMatch(new RegExp(`^--regions ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(errors.join('\n')).toMatch(says);
  });

  it('names the --data option and the file when a data file is missing or broken', async () => {
    const data = join(dir, 'data');
    mkdirSync(data, { recursive: true });
    writeFileSync(join(data, 'towns.geojson'), '{"type": "FeatureCollection", "features": [');
    await expect(makeReport(['--from', '2025-01-01', '--to', '2025-01-31', '--format', 'csv', '--out', 'x', '--data', data])).rejects.toThrow(new RegExp(`^--data ${data}/towns.geojson: `));
  });
});

describe('npm run report: title, English names and time zone', () => {
  it('titles a report on other regions after them, not after the district, unless --title says otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-title-'));
    const towns = read('towns');
    const regions = { type: 'FeatureCollection', features: towns.features.slice(0, 3).map((f, i) => ({ ...f, properties: { code: `G${i}`, name: `网格${i}`, en: `Grid ${i}` } })) };
    writeFileSync(join(dir, 'grids.geojson'), JSON.stringify(regions));
    const args = ['--from', '2025-01-01', '--to', '2025-01-31', '--format', 'geojson', '--out', 'x', '--regions', join(dir, 'grids.geojson')];
    const zh = JSON.parse(String((await makeReport(args)).bytes));
    expect(JSON.stringify(zh.metadata.context)).toContain('网格0等 3 个区域');
    expect(JSON.stringify(zh.metadata.context)).not.toContain('章丘区');
    const en = JSON.parse(String((await makeReport([...args, '--lang', 'en', '--name-en-field', 'en', '--title', 'Grid report'])).bytes));
    expect(JSON.stringify(en.metadata.context)).toContain('Grid report');
    expect(en.features.map((f: { properties: Record<string, unknown> }) => Object.values(f.properties)).flat()).toContain('Grid 1');
  });

  it('reads --from and --to as days in the zone given (China time by default)', async () => {
    const api = engine();
    const lampFaults = (from: number, to: number) => townRows(api.query({ from, to })!).district.values.lampFaults;
    const inBerlin = (await makeReport(['--from', '2025-03-01', '--to', '2025-03-01', '--format', 'csv', '--out', 'x', '--tz', 'Europe/Berlin'])).bytes;
    const inChina = (await makeReport(['--from', '2025-03-01', '--to', '2025-03-01', '--format', 'csv', '--out', 'x'])).bytes;
    const district = (bytes: Buffer | string) => {
      const rows = csvRows(bytes);
      const header = rows.findIndex((r) => r[0] === '区划代码');
      return Number(rows.findLast((r) => r[1] === '全区')![rows[header].indexOf('路灯故障上报')]);
    };
    expect(district(inChina)).toBe(lampFaults(cst('2025-03-01'), cst('2025-03-02')));
    expect(district(inBerlin)).toBe(lampFaults(Date.parse('2025-03-01T00:00:00+01:00'), Date.parse('2025-03-02T00:00:00+01:00')));
    await expect(makeReport(['--from', '2025-03-01', '--to', '2025-03-01', '--format', 'csv', '--out', 'x', '--tz', 'Mars/Olympus'])).rejects.toThrow(/^--tz Mars\/Olympus: not an IANA time zone/);
    const inOffset = (await makeReport(['--from', '2025-03-01', '--to', '2025-03-01', '--format', 'csv', '--out', 'x', '--tz', '+08:00'])).bytes;
    expect(district(inOffset)).toBe(district(inChina));
  });
});
