import Papa from 'papaparse';
import { err, ok, type Result } from '../../data/result';
import type { FileProblem } from '../problems';
import { FieldCollector, safeProperties, type CoordinateColumns, type ParsedFile, type RawRecord } from '../records';

const LON_NAMES = /^(经度|东经|lon|lng|long|longitude|x|x坐标|横坐标|point_x)$/i;
const LAT_NAMES = /^(纬度|北纬|lat|latitude|y|y坐标|纵坐标|point_y)$/i;

/** The first columns whose headers name longitude and latitude, in Chinese or English. */
export function detectCoordinateColumns(headers: readonly string[]): CoordinateColumns | null {
  const clean = (h: string) => h.trim().replace(/[（(].*[)）]$/, '').trim();
  const lon = headers.find((h) => LON_NAMES.test(clean(h)));
  const lat = headers.find((h) => LAT_NAMES.test(clean(h)));
  return lon && lat ? { lon, lat } : null;
}

/**
 * Reads CSV text with a header row (comma, semicolon or tab, quoted cells as Excel writes them).
 * Every cell stays text: the mapping step decides what each column means.
 */
export function parseCsv(text: string): Result<ParsedFile, FileProblem> {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy' });
  const rows = parsed.data;
  if (rows.length === 0) return err({ code: 'empty' });
  const headers = rows[0].map((h, i) => h.trim() || `column${i + 1}`);
  if (headers.every((h) => /^-?\d+(\.\d+)?$/.test(h))) return err({ code: 'csvNoHeader' });
  if (rows.length === 1) return err({ code: 'noFeatures' });
  const fields = new FieldCollector();
  const records: RawRecord[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    const row: Record<string, string> = Object.create(null) as Record<string, string>;
    headers.forEach((h, i) => {
      row[h] = cells[i] ?? '';
    });
    records.push({ geometry: undefined, id: undefined, properties: safeProperties(row, fields) });
  }
  if (records.length === 0) fields.names.push(...headers);
  return ok({ format: 'csv', records, fields: fields.names, unsafeKeys: [...fields.unsafe], coordinateColumns: detectCoordinateColumns(headers) });
}
