import { err, type Result } from '../../data/result';
import { crsFromEpsg, crsFromWkt, type FileCrs } from '../declaredCrs';
import { MAX_FEATURES } from '../limits';
import type { FileProblem } from '../problems';
import type { ParsedFile } from '../records';
import { featureRecords } from './geojson';

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

/** A GeoPackage geometry blob (the "GP" header, then WKB) as GeoJSON geometry; null when empty or not one. */
export function gpkgGeometry(blob: Uint8Array, parseWkb: (wkb: ArrayBuffer) => unknown): unknown {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) return null;
  const flags = blob[3];
  if (flags & 0x10) return null;
  const start = 8 + (ENVELOPE_BYTES[(flags >> 1) & 0x07] ?? 0);
  return parseWkb(blob.slice(start).buffer);
}

/** The system of a GeoPackage srs row: its EPSG code, else its WKT definition. */
function srsOf(organization: unknown, code: unknown, definition: unknown, name: unknown): FileCrs {
  const label = typeof name === 'string' && name ? name : `${String(organization)}:${String(code)}`;
  if (String(organization).toUpperCase() === 'EPSG' && typeof code === 'number') {
    const crs = crsFromEpsg(code);
    if (crs) return { crs, source: 'gpkg', name: label };
  }
  return typeof definition === 'string' && definition !== 'undefined' ? { ...crsFromWkt(definition, 'gpkg'), name: label } : { crs: null, source: 'gpkg', name: label };
}

/**
 * Reads a GeoPackage (SQLite, through sql.js's WebAssembly build, loaded only for it): the chosen
 * feature layer or the first, its spatial reference applied, each row's columns as properties.
 */
export async function parseGeoPackage(bytes: Uint8Array, layer?: string): Promise<Result<ParsedFile, FileProblem>> {
  const [{ default: initSqlJs }, { WKBLoader }] = await Promise.all([import('sql.js'), import('@loaders.gl/wkt')]);
  // In the browser the WebAssembly file is one of the app's own assets; Node (the tests) finds it beside sql.js.
  const inNode = typeof process !== 'undefined' && Boolean(process.versions?.node);
  const wasmUrl = inNode ? undefined : (await import('sql.js/dist/sql-wasm.wasm?url')).default;
  const SQL = await initSqlJs(wasmUrl ? { locateFile: () => wasmUrl } : undefined);
  let db: InstanceType<typeof SQL.Database> | null = null;
  try {
    db = new SQL.Database(bytes);
    const layers = db.exec("SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features' ORDER BY c.table_name")[0]?.values ?? [];
    if (layers.length === 0) return err({ code: 'noLayers', format: 'gpkg' });
    const names = layers.map((l) => String(l[0]));
    const row = layers.find((l) => l[0] === layer) ?? layers[0];
    const [table, geometryColumn, srsId] = [String(row[0]), String(row[1]), Number(row[2])];
    const count = Number(db.exec(`SELECT count(*) FROM ${quoted(table)}`)[0]?.values[0]?.[0] ?? 0);
    if (count > MAX_FEATURES) return err({ code: 'tooManyFeatures', count, limit: MAX_FEATURES });
    const srs = db.exec('SELECT organization, organization_coordsys_id, definition, srs_name FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [srsId])[0]?.values[0];
    const declared = srs ? srsOf(srs[0], srs[1], srs[2], srs[3]) : null;
    const key = db.exec(`PRAGMA table_info(${quoted(table)})`)[0]?.values.find((c) => c[5] === 1)?.[1];
    const features: unknown[] = [];
    const statement = db.prepare(`SELECT * FROM ${quoted(table)}`);
    while (statement.step()) {
      const values = statement.getAsObject();
      const properties: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(values)) if (name !== geometryColumn && name !== key && !(value instanceof Uint8Array)) properties[name] = value;
      const blob = values[geometryColumn];
      const geometry = blob instanceof Uint8Array ? gpkgGeometry(blob, (wkb) => WKBLoader.parseSync!(wkb)) : null;
      features.push({ type: 'Feature', id: key ? values[String(key)] : undefined, geometry, properties });
    }
    statement.free();
    return featureRecords(features, 'gpkg', declared, names.length > 1 ? { kind: 'layer', names, chosen: table } : null);
  } catch (e) {
    return err({ code: 'badArchive', format: 'gpkg', detail: e instanceof Error ? e.message.slice(0, 160) : String(e) });
  } finally {
    db?.close();
  }
}
