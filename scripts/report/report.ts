import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { FeatureCollection } from 'geojson';
import { townStatsCsv } from '../../src/exports/formats/csv';
import { townStatsGeoJson } from '../../src/exports/formats/geojson';
import { townStatsXlsx } from '../../src/exports/formats/xlsx';
import { townStatsTable, type ExportContext } from '../../src/exports/townStatsTable';
import type { Lang } from '../../src/i18n';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS, type DomainLayerId } from '../../src/layers/registry';
import type { ClassSelection } from '../../src/stats/classes/classMask';
import { townRows } from '../../src/stats/townMetrics';
import { createStatsApi, type StatsRange } from '../../src/stats/worker/statsApi';
import { parseAssessmentConfig, type AssessmentConfig } from '../../src/assessment/config';
import { buildReportModel } from '../../src/report/reportModel';
import { printReport } from './pdf';
import { InputError, readGeoJson, readInputFile, readRegions, reportTitle, type Region } from './inputs';
import { midnightIn, type Midnight } from './timeZone';

export const USAGE = `npm run report -- --from YYYY-MM-DD --to YYYY-MM-DD --format csv|xlsx|geojson|pdf --out FILE
  [--lang zh|en]            headers and labels (default zh)
  [--data DIR]              layer files in the documented schema (default public/data)
  [--regions FILE]          other region boundaries (GeoJSON, or any file the import dialog reads):
                            polygons with a code and a name property, checked as the dialog checks them
  [--code-field code] [--name-field name] [--name-en-field nameEn]   the regions' property names
  [--title TEXT]            the report's title (default: the district, or named after the regions given)
  [--tz ZONE]               day boundaries of --from / --to: an IANA zone or a UTC offset (default Asia/Shanghai)
  [--town CODE]             only this region (repeatable)
  [--filter layer.field=v1,v2]   class filter as the map applies it, e.g. manholes.kind=rain,gas (repeatable)
  pdf: the monthly assessment (考核评价) as a printable A4 document, printed by Debian's Chromium;
  [--assessment FILE]       its tables: categories, units, time limits, weights (default public/assessment.json)`;

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
      'name-en-field': { type: 'string', default: 'nameEn' },
      title: { type: 'string' },
      tz: { type: 'string', default: 'Asia/Shanghai' },
      town: { type: 'string', multiple: true },
      filter: { type: 'string', multiple: true },
      assessment: { type: 'string', default: 'public/assessment.json' },
    },
    strict: true,
  });
  const range = dayRangeIn(values.from, values.to, midnightIn(values.tz!));
  if (!range) throw new Error(`--from and --to must be days (YYYY-MM-DD), the first not after the last\n${USAGE}`);
  const format = values.format;
  if (format !== 'csv' && format !== 'xlsx' && format !== 'geojson' && format !== 'pdf') throw new Error(`--format must be csv, xlsx, geojson or pdf\n${USAGE}`);
  if (format === 'pdf' && values.filter?.length) throw new InputError('--filter: the assessment counts every case, as the bureau is assessed; leave --filter out with --format pdf');
  if (!values.out) throw new Error(`--out is required\n${USAGE}`);
  const lang: Lang = values.lang === 'en' ? 'en' : 'zh';
  const read = (name: string) => readGeoJson('--data', `${values.data}/${name}.geojson`);

  const given = values.regions ? await readRegions(values.regions, { code: values['code-field']!, name: values['name-field']!, nameEn: values['name-en-field']! }, lang) : null;
  const regions = given ?? townsAsRegions(read('towns'));
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
  const manifest = readManifest(`${values.data}/manifest.json`);
  const context: ExportContext = {
    district: reportTitle(values.title, given, lang),
    range: `${values.from} – ${values.to}`,
    filters: [values.town?.length ? values.town.map(name).join(', ') : lang === 'zh' ? '全区' : 'Whole district', ...(values.filter ?? [])].join('; '),
    dataVersion: `${values.data}${manifest.generator ? ` (generator v${manifest.generator.version}, seed ${manifest.generator.seed}, scale ${manifest.generator.scale}×)` : ''}${values.regions ? `; regions: ${values.regions}` : ''}`,
    generatedAt: new Date().toISOString(),
  };
  if (format === 'pdf') {
    const config = readAssessmentConfig(values.assessment!);
    const detail = api.assessmentDetail({ period: range, config })!;
    const shown = regions.filter((r) => !values.town?.length || values.town.includes(r.properties.code));
    const towns = shown.map((r) => ({ code: r.properties.code, name: name(r.properties.code), geometry: r.geometry }));
    const model = buildReportModel({ lang, title: context.district, period: range, generatedAt: Date.now(), dataVersion: context.dataVersion, config, detail, towns });
    return { out: values.out, bytes: await printReport(model) };
  }
  const bytes =
    format === 'csv'
      ? townStatsCsv(townStatsTable(townRows(answer), name, lang), context, lang)
      : format === 'geojson'
        ? JSON.stringify(townStatsGeoJson(regions, townRows(answer), context, lang))
        : Buffer.from(await townStatsXlsx(townRows(answer), name, context, lang));
  return { out: values.out, bytes };
}

/** The assessment's tables, checked as the app checks them; a problem is an error naming the option and the file. */
function readAssessmentConfig(path: string): AssessmentConfig {
  let file: unknown;
  try {
    file = JSON.parse(readInputFile('--assessment', path).toString('utf8'));
  } catch (e) {
    throw e instanceof InputError ? e : new InputError(`--assessment ${path}: not JSON (${(e as Error).message})`);
  }
  const parsed = parseAssessmentConfig(file);
  if (!parsed.ok) throw new InputError(`--assessment ${path}:\n  ${parsed.problems.join('\n  ')}`);
  return parsed.config;
}

/** The bundled towns as report regions. */
function townsAsRegions(fc: FeatureCollection): Region[] {
  return fc.features.map((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    return { type: 'Feature', geometry: f.geometry, properties: { code: String(p.code), name: String(p.name), nameEn: String(p.nameEn ?? p.name) } } as Region;
  });
}

function readManifest(path: string): { generator?: { version: number; seed: number; scale: number } } {
  try {
    return JSON.parse(readInputFile('--data', path).toString('utf8')) as { generator?: { version: number; seed: number; scale: number } };
  } catch (e) {
    throw e instanceof InputError ? e : new InputError(`--data ${path}: ${(e as Error).message}`);
  }
}

/** [first day's midnight, the midnight after the last day) in the zone; null unless both are days in order. */
function dayRangeIn(first: string | undefined, last: string | undefined, midnight: Midnight): { from: number; to: number } | null {
  const DAY = /^\d{4}-\d{2}-\d{2}$/;
  if (!first || !last || !DAY.test(first) || !DAY.test(last) || Number.isNaN(Date.parse(first)) || Number.isNaN(Date.parse(last)) || first > last) return null;
  const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: midnight(first), to: midnight(next) };
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
    try {
      writeFileSync(out, bytes);
    } catch (e) {
      throw new InputError(`--out ${out}: ${(e as Error).message}`);
    }
    console.log(`wrote ${out}`);
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
}
