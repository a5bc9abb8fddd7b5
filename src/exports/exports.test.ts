import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { townRows } from '../stats/townMetrics';
import { createStatsApi } from '../stats/worker/statsApi';
import { neutraliseCell } from './cellSafety';
import { BOM, townStatsCsv } from './formats/csv';
import { townStatsGeoJson } from './formats/geojson';
import { townStatsXlsx } from './formats/xlsx';
import { townStatsTable, type ExportContext } from './townStatsTable';

const read = (name: string) => JSON.parse(readFileSync(`public/data/${name}.geojson`, 'utf8')) as FeatureCollection;
const towns = read('towns').features as Feature<Polygon | MultiPolygon, { code: string; name: string; nameEn: string }>[];
const api = createStatsApi();
api.loadTowns(towns.map((t) => ({ code: t.properties.code, geometry: t.geometry })));
api.loadLamps(read('lamps').features as never, read('lamp-faults').features as never);
api.loadManholes(read('manholes').features as never, read('manhole-defects').features as never);
const answer = api.query({ from: Date.parse('2025-01-01T00:00:00+08:00'), to: Date.parse('2026-01-01T00:00:00+08:00') })!;
const expected = townRows(answer);
// A hostile town name, as an imported boundary file could carry.
const townName = (code: string) => (code === towns[0].properties.code ? '=HYPERLINK("#x","y")' : towns.find((t) => t.properties.code === code)!.properties.name);
const context: ExportContext = { district: '章丘区', range: '2025-01-01 – 2025-12-31', filters: '+全区', dataVersion: 'test', generatedAt: '2026-11-30 18:00' };

describe('neutraliseCell', () => {
  it('turns formula starts into text and leaves numbers and plain text alone', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(s)).toBe(`'${s}`);
    expect(neutraliseCell(-3.5)).toBe(-3.5);
    expect(neutraliseCell('明水街道')).toBe('明水街道');
    expect(neutraliseCell(null)).toBeNull();
  });
});

describe('town statistics exports, read back with independent parsers', () => {
  it('CSV: UTF-8 with a byte-order mark, context first, then every town with the engine\'s numbers', () => {
    const csv = townStatsCsv(townStatsTable(townRows(answer), townName, 'zh'), context, 'zh');
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['行政区', '章丘区']);
    expect(rows.find((r) => r[0] === '筛选条件')![1]).toBe("'+全区");
    const header = rows.findIndex((r) => r[0] === '区划代码');
    const lampFaults = rows[header].indexOf('路灯故障上报');
    const body = rows.slice(header + 1);
    expect(body).toHaveLength(expected.towns.length + 2);
    for (const t of expected.towns) expect(Number(body.find((r) => r[0] === t.code)![lampFaults])).toBe(t.values.lampFaults);
    expect(body.find((r) => r[0] === towns[0].properties.code)![1]).toBe('\'=HYPERLINK("#x","y")');
    expect(Number(body.at(-1)![lampFaults])).toBe(expected.district.values.lampFaults);
  });

  it('CSV with English headers', () => {
    const rows = Papa.parse<string[]>(townStatsCsv(townStatsTable(townRows(answer), townName, 'en'), context, 'en').slice(1), { skipEmptyLines: true }).data;
    expect(rows.some((r) => r[0] === 'Code' && r.includes('Lamp faults reported'))).toBe(true);
  });

  it('Excel: summary, a sheet per layer and an about sheet with every definition', async () => {
    const buffer = await townStatsXlsx(townRows(answer), townName, context, 'zh');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '路灯', '窨井盖', '卫星图斑', '铁路沿线', '案件办理（全部案件）', '说明']);
    const lamps = book.getWorksheet('路灯')!;
    const header = (lamps.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('路灯故障上报') + 1;
    const byCode = new Map<string, number>();
    lamps.eachRow((row, n) => n > 1 && byCode.set(String(row.getCell(1).value), Number(row.getCell(col).value)));
    for (const t of expected.towns) expect(byCode.get(t.code)).toBe(t.values.lampFaults);
    expect(lamps.getRow(2).getCell(2).value).toBe('\'=HYPERLINK("#x","y")');
    const about = book.getWorksheet('说明')!;
    expect(about.getRow(2).getCell(2).value).toBe(context.range);
    const definitions: string[] = [];
    about.eachRow((row, n) => n > 6 && definitions.push(String(row.getCell(3).value)));
    expect(definitions.length).toBeGreaterThanOrEqual(31);
    expect(definitions.every((d) => d.length > 5)).toBe(true);
  });

  it('GeoJSON: the town polygons with every metric as a property and the context as metadata', () => {
    const fc = townStatsGeoJson(towns, townRows(answer), context, 'en');
    const parsed = JSON.parse(JSON.stringify(fc)) as typeof fc;
    expect(parsed.type).toBe('FeatureCollection');
    expect(parsed.features).toHaveLength(towns.length);
    for (const f of parsed.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(f.properties!.lampFaults).toBe(expected.towns.find((t) => t.code === f.properties!.code)!.values.lampFaults);
    }
    expect(parsed.metadata.context['Time range']).toBe(context.range);
    expect(parsed.metadata.definitions.closureRate).toMatch(/closed/);
  });
});
