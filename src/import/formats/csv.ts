import { WKBLoader } from '@loaders.gl/wkt';
import { wktToGeoJSON } from 'betterknown';
import { err, ok, type Result } from '../../data/result';
import { crsFromEpsg, type FileCrs } from '../declaredCrs';
import type { FileProblem } from '../problems';
import { FieldCollector, safeProperties, type CoordinateColumns, type ImportFormat, type ParsedFile, type RawRecord } from '../records';

const LON_NAMES = /^(经度|东经|lon|lng|long|longitude|x|x坐标|横坐标|point_x)$/i;
const LAT_NAMES = /^(纬度|北纬|lat|latitude|y|y坐标|纵坐标|point_y)$/i;

/** The first columns whose headers name longitude and latitude, in Chinese or English. */
export function detectCoordinateColumns(headers: readonly string[]): CoordinateColumns | null {
  const clean = (h: string) => h.trim().replace(/[（(].*[)）]$/, '').trim();
  const lon = headers.find((h) => LON_NAMES.test(clean(h)));
  const lat = headers.find((h) => LAT_NAMES.test(clean(h)));
  return lon && lat ? { lon, lat } : null;
}

const WKT_NAMES = /^(wkt|wkb|geometry|geom|the_geom|shape|wkt_geom|wkb_geometry|几何|几何信息|空间信息|图形)$/i;
const WKT_VALUE = /^\s*(SRID=\d+;\s*)?(MULTI)?(POINT|LINESTRING|POLYGON)|^\s*GEOMETRYCOLLECTION/i;
/** Hex WKB or EWKB, as PostGIS prints a geometry: a byte-order byte, then a type. */
const WKB_HEX = /^\s*0[01][0-9a-f]{8,}\s*$/i;

/** The column holding each row's geometry as WKT or hex WKB (how lines and polygons travel in CSV), if any. */
export function detectWktColumn(headers: readonly string[], rows: readonly Record<string, string>[]): string | null {
  return headers.find((h) => WKT_NAMES.test(h.trim()) && rows.slice(0, 20).some((r) => WKT_VALUE.test(r[h] ?? '') || WKB_HEX.test(r[h] ?? ''))) ?? null;
}

/** Hex WKB (or PostGIS's EWKB, its SRID taken out and reported) as GeoJSON geometry; null when it is not one. */
export function wkbGeometry(hex: string): { geometry: unknown; srid: number | null } {
  const text = hex.trim();
  if (text.length % 2 !== 0) return { geometry: null, srid: null };
  const bytes = Uint8Array.from(text.match(/../g)!, (b) => parseInt(b, 16));
  const view = new DataView(bytes.buffer);
  const little = bytes[0] === 1;
  const type = view.getUint32(1, little);
  let srid: number | null = null;
  let wkb = bytes;
  if (type & 0x20000000) {
    srid = view.getUint32(5, little);
    wkb = new Uint8Array(bytes.length - 4);
    wkb.set(bytes.subarray(0, 5));
    wkb.set(bytes.subarray(9), 5);
    new DataView(wkb.buffer).setUint32(1, type & ~0x20000000, little);
  }
  try {
    return { geometry: WKBLoader.parseSync!(wkb.buffer), srid };
  } catch {
    return { geometry: null, srid: null };
  }
}

/** A WKT (or EWKT) cell as GeoJSON geometry; null when it is empty or not WKT. Its SRID, if any, is reported, not applied here. */
export function wktGeometry(cell: string): { geometry: unknown; srid: number | null } {
  const srid = /^\s*SRID=(\d+);/i.exec(cell);
  try {
    return { geometry: cell.trim() ? wktToGeoJSON(cell, { emptyAsNull: true, proj: (_from: string, _to: string, c: number[]) => c }) : null, srid: srid ? Number(srid[1]) : null };
  } catch {
    return { geometry: null, srid: null };
  }
}

/** How a table's rows become records: its column names, and the column holding WKT or WKB geometry if any. */
export interface TableLayout {
  headers: string[];
  wkt: string | null;
}

/** The layout of a table from its header row and its first rows; a header of numbers is no header. */
export function tableLayout(headerRow: readonly string[], firstRows: readonly (readonly string[])[]): Result<TableLayout, FileProblem> {
  const headers = headerRow.map((h, i) => h.trim() || `column${i + 1}`);
  if (headers.every((h) => /^-?\d+(\.\d+)?$/.test(h))) return err({ code: 'csvNoHeader' });
  return ok({ headers, wkt: detectWktColumn(headers, firstRows.slice(0, 20).map((cells) => rowObject(headers, cells))) });
}

function rowObject(headers: readonly string[], cells: readonly string[]): Record<string, string> {
  const row: Record<string, string> = Object.create(null) as Record<string, string>;
  headers.forEach((h, i) => {
    row[h] = cells[i] ?? '';
  });
  return row;
}

/** Rows as records, every cell kept as text; `srid` is the first EWKT or EWKB SRID met, if any. */
export function rowRecords(layout: TableLayout, rows: readonly (readonly string[])[], fields: FieldCollector): { records: RawRecord[]; srid: number | null } {
  const { headers, wkt } = layout;
  let srid: number | null = null;
  const records = rows.map((cells): RawRecord => {
    const row = rowObject(headers, cells);
    if (!wkt) return { geometry: undefined, id: undefined, properties: safeProperties(row, fields) };
    const read = WKB_HEX.test(row[wkt]) ? wkbGeometry(row[wkt]) : wktGeometry(row[wkt]);
    srid ??= read.srid;
    const rest = Object.fromEntries(Object.entries(row).filter(([name]) => name !== wkt));
    return { geometry: read.geometry, id: undefined, properties: safeProperties(rest, fields) };
  });
  return { records, srid };
}

/** What a table's declared system is, from the SRID of its WKT column. */
export function sridCrs(srid: number | null): FileCrs | null {
  return srid === null ? null : { crs: crsFromEpsg(srid), source: 'wkt', name: `SRID=${srid}` };
}

/**
 * Rows with a header (a worksheet) as records: every cell stays text, for the mapping step to
 * decide what each column means. Geometry comes from a WKT column when there is one (its EWKT SRID
 * declares the system), else from coordinate columns when the file is checked.
 */
export function tableRecords(headerRow: readonly string[], body: readonly (readonly string[])[], format: ImportFormat, choice: ParsedFile['choice'] = null): Result<ParsedFile, FileProblem> {
  const layout = tableLayout(headerRow, body);
  if (!layout.ok) return layout;
  if (body.length === 0) return err({ code: 'noFeatures' });
  const fields = new FieldCollector();
  const { records, srid } = rowRecords(layout.value, body, fields);
  return ok({
    format,
    tabular: true,
    geometryFrom: layout.value.wkt ? 'features' : 'columns',
    declaredCrs: sridCrs(srid),
    choice,
    records,
    fields: fields.names,
    unsafeKeys: [...fields.unsafe],
    coordinateColumns: layout.value.wkt ? null : detectCoordinateColumns(layout.value.headers),
  });
}
