import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Lang } from '../../src/i18n';
import { checkAllRecords } from '../../src/import/checkRecords';
import type { RawRecord } from '../../src/import/records';
import { openFile } from '../../src/import/openFile';
import { fileProblemText, reasonText, whereText } from '../../src/import/problemText';

/** The report's inputs, each read with the option and the file named in any error. */
export type Region = Feature<Polygon | MultiPolygon, { code: string; name: string; nameEn: string }>;

/** An error the command prints as it is and exits non-zero with. */
export class InputError extends Error {}

/** A file's text; a missing or unreadable file is an error naming the option and the path. */
export function readInputFile(option: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not a file' : code === 'EACCES' ? 'not readable' : (e as Error).message;
    throw new InputError(`${option} ${path}: ${why}`);
  }
}

/** A GeoJSON file of the documented schema; broken JSON is an error naming the option and the file. */
export function readGeoJson(option: string, path: string): FeatureCollection {
  const text = readInputFile(option, path).toString('utf8');
  try {
    const fc = JSON.parse(text) as FeatureCollection;
    if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error('not a GeoJSON FeatureCollection');
    return fc;
  } catch (e) {
    throw new InputError(`${option} ${path}: ${(e as Error).message}`);
  }
}

/**
 * Region boundaries, checked as the import dialog checks them (same rules, same messages in the
 * chosen language): every polygon closed, not self-intersecting, with enough positions and the
 * code and name properties. Any region refused is an error naming it; none is dropped quietly.
 */
export async function readRegions(path: string, fields: { code: string; name: string; nameEn: string }, lang: Lang): Promise<Region[]> {
  const opened = await openFile(new Blob([new Uint8Array(readInputFile('--regions', path))]), basename(path));
  if (!opened.ok) throw new InputError(`--regions ${path}: ${fileProblemText(opened.error, lang)}`);
  const columns = new Set(opened.value.fields);
  for (const [option, field] of [['--code-field', fields.code], ['--name-field', fields.name]] as const) {
    if (!columns.has(field)) throw new InputError(`--regions ${path}: ${option} ${field}: no region has this property (${[...columns].join(', ') || 'none'})`);
  }
  const checked = await checkAllRecords(opened.value, {
    target: 'regions',
    mapping: { code: fields.code, name: fields.name, nameEn: columns.has(fields.nameEn) ? fields.nameEn : null },
    crs: opened.value.declaredCrs?.crs ?? 'wgs84',
    fixSwapped: false,
    coordinateColumns: null,
    regions: [],
    existingIds: null,
    idPrefix: 'R',
  });
  if (!checked.ok) throw new InputError(`--regions ${path}: ${fileProblemText(checked.error, lang)}`);
  const { problems, features } = checked.value;
  if (problems.length > 0) {
    const records: RawRecord[] = [];
    for await (const batch of opened.value.batches()) records.push(...batch);
    const named = (index: number) => {
      const props = records[index]?.properties ?? {};
      return [props[fields.code], props[fields.name]].filter((v) => v !== undefined && v !== null && v !== '').join(' ');
    };
    const lines = problems.map((p) => `  ${whereText(p, opened.value.tabular, lang)} (${named(p.index) || '?'}): ${reasonText(p.reason, lang)}`);
    throw new InputError(`--regions ${path}: ${problems.length} of ${problems.length + features.length} regions refused\n${lines.join('\n')}`);
  }
  return features as Region[];
}

/** The report's title: given, the district's for its own towns, or named after the regions given. */
export function reportTitle(title: string | undefined, regions: readonly Region[] | null, lang: Lang): string {
  if (title) return title;
  if (!regions) return lang === 'zh' ? '章丘区' : 'Zhangqiu District';
  const first = lang === 'en' ? regions[0].properties.nameEn : regions[0].properties.name;
  if (regions.length === 1) return first;
  return lang === 'zh' ? `${first}等 ${regions.length} 个区域` : `${first} and ${regions.length - 1} other regions`;
}
