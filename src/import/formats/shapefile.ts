import { open as openShapefile } from 'shapefile';
import { err, type Result } from '../../data/result';
import { crsFromWkt } from '../declaredCrs';
import type { FileProblem } from '../problems';
import type { ParsedFile } from '../records';
import { featureRecords } from './geojson';
import { unzipFiles, zipNames } from './zip';

/** A .cpg's code page as the decoder names it: UTF-8, or GB18030 (the superset of GBK / GB2312 / CP936). */
export function codePage(cpg: string): 'utf-8' | 'gb18030' | null {
  const name = cpg.trim().toLowerCase().replace(/[^a-z0-9]/g, '');
  if (name === 'utf8' || name === '65001') return 'utf-8';
  if (['gbk', 'gb2312', 'gb18030', '936', 'cp936', 'ansi936', 'windows936'].includes(name)) return 'gb18030';
  return null;
}

/** The DBF's text encoding when no .cpg says: UTF-8 when its bytes are valid UTF-8, else GB18030 (Chinese ArcGIS and SuperMap defaults). */
export function guessDbfEncoding(dbf: Uint8Array): 'utf-8' | 'gb18030' {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(dbf);
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** A DBF date (the only time a shapefile can hold: GDAL cuts date-times to it) as its calendar day, YYYY-MM-DD. */
function withDays(feature: { properties?: Record<string, unknown> | null }) {
  const p = feature.properties;
  if (!p) return feature;
  for (const [k, v] of Object.entries(p)) {
    if (!(v instanceof Date)) continue;
    // The reader turns a blank date (eight spaces) into 1899-11-30 (day 0 of month -1 of year 0): it is empty.
    const blank = Number.isNaN(v.getTime()) || (v.getFullYear() === 1899 && v.getMonth() === 10 && v.getDate() === 30);
    p[k] = blank ? null : `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
  }
  return feature;
}

const stem = (name: string) => name.replace(/\.[^./]+$/, '');
const ext = (name: string) => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * Reads a zipped shapefile (.shp, .shx, .dbf, .prj, .cpg; the chosen one when the zip holds
 * several): its attributes in the .cpg's encoding (guessed when there is none), its .prj applied.
 */
export async function parseShapefileZip(bytes: Uint8Array, layer?: string): Promise<Result<ParsedFile & { encoding: 'utf-8' | 'gb18030' }, FileProblem>> {
  const names = zipNames(bytes);
  if (!names.ok) return names;
  const layers = names.value.filter((n) => ext(n) === 'shp').map(stem);
  if (layers.length === 0) {
    const part = names.value.find((n) => ['dbf', 'shx', 'prj'].includes(ext(n)));
    return err(part ? { code: 'shapefilePart', missing: '.shp' } : { code: 'noLayers', format: 'shapefile' });
  }
  const chosen = layer && layers.includes(layer) ? layer : layers[0];
  const files = unzipFiles(bytes, (n) => stem(n) === chosen, 'shapefile');
  if (!files.ok) return files;
  const part = (e: string) => Object.entries(files.value).find(([n]) => ext(n) === e)?.[1];
  const shp = part('shp')!;
  const dbf = part('dbf');
  if (!dbf) return err({ code: 'shapefilePart', missing: '.dbf' });
  const cpg = part('cpg');
  const encoding = (cpg && codePage(new TextDecoder().decode(cpg))) || guessDbfEncoding(dbf.subarray(32));
  const prj = part('prj');
  const features: unknown[] = [];
  try {
    const source = await openShapefile(shp, dbf, { encoding });
    for (let r = await source.read(); !r.done; r = await source.read()) features.push(withDays(r.value));
  } catch (e) {
    return err({ code: 'badArchive', format: 'shapefile', detail: e instanceof Error ? e.message.slice(0, 160) : String(e) });
  }
  const declared = prj ? crsFromWkt(new TextDecoder().decode(prj), 'prj') : null;
  const parsed = featureRecords(features, 'shapefile', declared, layers.length > 1 ? { kind: 'layer', names: layers, chosen } : null);
  return parsed.ok ? { ok: true, value: { ...parsed.value, encoding } } : parsed;
}
