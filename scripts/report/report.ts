import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { townStatsCsv } from '../../src/exports/formats/csv';
import { townStatsGeoJson } from '../../src/exports/formats/geojson';
import { townStatsXlsx } from '../../src/exports/formats/xlsx';
import { townStatsTable, type ExportContext } from '../../src/exports/townStatsTable';
import type { Lang } from '../../src/i18n';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS, type DomainLayerId } from '../../src/layers/registry';
import { dayRange } from '../../src/state/timePresets';
import type { ClassSelection } from '../../src/stats/classes/classMask';
import { townRows } from '../../src/stats/townMetrics';
import { createStatsApi, type StatsRange } from '../../src/stats/worker/statsApi';

export const USAGE = `npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD --format csv|xlsx|geojson --out FILE
  [--lang zh|en]            headers and labels (default zh)
  [--data DIR]              layer files in the documented schema (default public/data)
  [--regions FILE]          other region boundaries: GeoJSON polygons with a code and a name property
  [--code-field code] [--name-field name]   the regions' property names
  [--town CODE]             only this region (repeatable)
  [--filter layer.field=v1,v2]   class filter as the map applies it, e.g. manholes.kind=rain,gas (repeatable)`;

type Region = Feature<Polygon | MultiPolygon, { code: string; name: string; nameEn?: string }>;

/** The report as a file's bytes and the numbers it holds, from the same engine and formats as the app. */
export async function makeReport(argv: string[]): Promise<{ out: string; bytes: Buffer | string }> {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string', default: 'zh' },
      data: { type: 'string', default: 'public/data' },
      regions: { type: 'string' },
      'code-field': { type: 'string', default: 'code' },
      'name-field': { type: 'string', default: 'name' },
      town: { type: 'string', multiple: true },
      filter: { type: 'string', multiple: true },
    },
    strict: true,
  });
  const range = values.from && values.to ? dayRange(values.from, values.to) : null;
  if (!range) throw new Error(`--from and --to must be days (YYYY-MM-DD), the first not after the last\n${USAGE}`);
  const format = values.format;
  if (format !== 'csv' && format !== 'xlsx' && format !== 'geojson') throw new Error(`--format must be csv, xlsx or geojson\n${USAGE}`);
  if (!values.out) throw new Error(`--out is required\n${USAGE}`);
  const lang: Lang = values.lang === 'en' ? 'en' : 'zh';
  const read = (name: string) => JSON.parse(readFileSync(`${values.data}/${name}.geojson`, 'utf8')) as FeatureCollection;

  const regions = readRegions(values.regions ? (JSON.parse(readFileSync(values.regions, 'utf8')) as FeatureCollection) : read('towns'), values['code-field']!, values['name-field']!);
  const api = createStatsApi();
  api.loadTowns(regions.map((r) => ({ code: r.properties.code, geometry: r.geometry })));
  api.loadLamps(read('lamps').features as never, read('lamp-faults').features as never);
  api.loadManholes(read('manholes').features as never, read('manhole-defects').features as never);
  api.loadPatches(read('patches').features as never);
  api.loadRailway(read('railways').features as never, read('railway-corridor').features as never, read('railway-issues').features as never);

  const classes = parseFilters(values.filter ?? []);
  const query: StatsRange = { ...range, towns: values.town, classes };
  const answer = api.query(query)!;
  const name = (code: string) => {
    const r = regions.find((x) => x.properties.code === code);
    return r ? (lang === 'en' && r.properties.nameEn ? r.properties.nameEn : r.properties.name) : code;
  };
  const manifest = JSON.parse(readFileSync(`${values.data}/manifest.json`, 'utf8')) as { generator?: { version: number; seed: number; scale: number } };
  const context: ExportContext = {
    district: lang === 'zh' ? '章丘区' : 'Zhangqiu District',
    range: `${values.from} – ${values.to}`,
    filters: [values.town?.length ? values.town.map(name).join(', ') : lang === 'zh' ? '全区' : 'Whole district', ...(values.filter ?? [])].join('; '),
    dataVersion: `${values.data}${manifest.generator ? ` (generator v${manifest.generator.version}, seed ${manifest.generator.seed}, scale ${manifest.generator.scale}×)` : ''}${values.regions ? `; regions: ${values.regions}` : ''}`,
    generatedAt: new Date().toISOString(),
  };
  const bytes =
    format === 'csv'
      ? townStatsCsv(townStatsTable(townRows(answer), name, lang), context, lang)
      : format === 'geojson'
        ? JSON.stringify(townStatsGeoJson(regions, townRows(answer), context, lang))
        : Buffer.from(await townStatsXlsx(townRows(answer), name, context, lang));
  return { out: values.out, bytes };
}

function readRegions(fc: FeatureCollection, codeField: string, nameField: string): Region[] {
  const regions = fc.features.flatMap((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') return [];
    if (p[codeField] === undefined || p[nameField] === undefined) return [];
    return [{ type: 'Feature', geometry: f.geometry, properties: { code: String(p[codeField]), name: String(p[nameField]), nameEn: typeof p.nameEn === 'string' ? p.nameEn : undefined } } as Region];
  });
  if (regions.length === 0) throw new Error(`no polygon with "${codeField}" and "${nameField}" properties in the regions file`);
  return regions;
}

function parseFilters(specs: string[]): Partial<Record<DomainLayerId, ClassSelection>> {
  const out: Partial<Record<DomainLayerId, Record<string, string[]>>> = {};
  for (const spec of specs) {
    const m = /^(\w+)\.(\w+)=(.*)$/.exec(spec);
    const layer = m?.[1] as DomainLayerId | undefined;
    const def = layer && DOMAIN_LAYER_IDS.includes(layer) ? DOMAIN_LAYERS[layer].filters.find((f) => f.field === m![2]) : undefined;
    if (!m || !layer || !def) throw new Error(`--filter ${spec}: expected layer.field=value,… with a layer of ${DOMAIN_LAYER_IDS.join(', ')} and one of its filter fields`);
    const wanted = m[3].split(',').filter(Boolean);
    const unknown = wanted.filter((v) => !def.classes.values.includes(v));
    if (unknown.length) throw new Error(`--filter ${spec}: unknown value(s) ${unknown.join(', ')}; known: ${def.classes.values.join(', ')}`);
    out[layer] = { ...out[layer], [def.field]: wanted };
  }
  return out;
}

/** Command line: writes the report, or explains what is wrong with the arguments. */
export async function main(argv: string[]): Promise<number> {
  try {
    const { out, bytes } = await makeReport(argv);
    writeFileSync(out, bytes);
    console.log(`wrote ${out}`);
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
}
