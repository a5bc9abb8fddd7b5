import { err, ok, type Result } from '../../data/result';
import { crsOfGeoJson } from '../declaredCrs';
import { detectCoordinateColumns, rowRecords, sridCrs, tableLayout, type TableLayout } from '../formats/csv';
import { describe, featureRecord, isFeature, looksLikeGeoJsonSeq } from '../formats/geojson';
import { MAX_FEATURES } from '../limits';
import type { FileProblem } from '../problems';
import { geometryTypeName, RecordSampler, type RecordFile } from '../recordFile';
import { FieldCollector, seeProperties, type ImportFormat, type RawRecord } from '../records';
import { csvBatches } from './csvBatches';
import { featureBatches, JsonStreamError, lineBatches } from './jsonBatches';
import { RawFeatureCache } from './rawFeatureCache';
import { EncodingError, textChunks, type TextEncodingName } from './textChunks';

/** The file cannot be streamed: read it whole (a single Feature, say), if it is small enough. */
export const READ_WHOLE = 'readWhole';

type OnBytes = (done: number, total: number) => void;
interface Plan {
  format: ImportFormat;
  /** Whether any record read so far is a GeoJSON Feature (a table's rows always are records), and the first one. */
  sawFeature: boolean;
  first: unknown;
  /** The file's records a batch at a time; each pass reads the file again. */
  records(encoding: TextEncodingName, fields: FieldCollector, onBytes?: OnBytes): AsyncIterable<RawRecord[]>;
  /** The first pass: every record counted and its fields seen, only the sampled ones made. Stops past `limit`. */
  survey(encoding: TextEncodingName, fields: FieldCollector, sampler: () => RecordSampler, limit: number, onBytes?: OnBytes): Promise<void>;
}

function noteFeatures(plan: Plan, features: readonly unknown[]): void {
  if (plan.sawFeature) return;
  plan.sawFeature = features.some(isFeature);
  if (plan.first === undefined) plan.first = features[0];
}

async function* geoJsonRecords(plan: Plan, batches: AsyncIterable<unknown[]>, fields: FieldCollector): AsyncGenerator<RawRecord[]> {
  for await (const features of batches) {
    noteFeatures(plan, features);
    yield features.map((f) => featureRecord(f, fields));
  }
}

/** Reads a table's header and layout from the first batch of rows. */
class CsvPlan implements Plan {
  readonly format = 'csv';
  sawFeature = true;
  first = undefined;
  layout: TableLayout | null = null;
  problem: FileProblem | null = null;
  srid: number | null = null;

  constructor(private readonly blob: Blob) {}

  async survey(encoding: TextEncodingName, fields: FieldCollector, sampler: () => RecordSampler, limit: number, onBytes?: OnBytes): Promise<void> {
    for await (const rows of this.rows(encoding, onBytes)) {
      const layout = this.layout!;
      const counted = sampler();
      if (layout.wkt) {
        const read = rowRecords(layout, rows, fields);
        this.srid ??= read.srid;
        counted.add(read.records);
      } else {
        // Every row is a point from its coordinate columns, and its fields are the headers: only the sampled rows are made records.
        if (counted.count === 0) seeProperties(Object.fromEntries(layout.headers.map((h) => [h, ''])), fields);
        for (const row of rows) counted.note('Point', () => rowRecords(layout, [row], fields).records[0]);
      }
      if (counted.count > limit) return;
    }
  }

  /** The body's rows a batch at a time, the header read into the layout first. */
  private async *rows(encoding: TextEncodingName, onBytes?: OnBytes): AsyncGenerator<string[][]> {
    let first = true;
    [this.layout, this.problem, this.srid] = [null, null, null];
    for await (let rows of csvBatches(textChunks(this.blob, encoding, onBytes))) {
      if (first) {
        first = false;
        const layout = tableLayout(rows[0], rows.slice(1));
        if (!layout.ok) {
          this.problem = layout.error;
          return;
        }
        this.layout = layout.value;
        rows = rows.slice(1);
      }
      if (rows.length) yield rows;
    }
  }

  async *records(encoding: TextEncodingName, fields: FieldCollector, onBytes?: OnBytes): AsyncGenerator<RawRecord[]> {
    for await (const rows of this.rows(encoding, onBytes)) {
      const read = rowRecords(this.layout!, rows, fields);
      this.srid ??= read.srid;
      yield read.records;
    }
  }
}

function jsonPlan(blob: Blob, seq: boolean, members: Map<string, unknown>): Plan {
  const batches = (encoding: TextEncodingName, onBytes?: OnBytes) => {
    const chunks = textChunks(blob, encoding, onBytes);
    return seq ? lineBatches(chunks) : featureBatches(chunks, members);
  };
  // The first pass's features, kept as columns for the check when they are points (see RawFeatureCache).
  let cache: RawFeatureCache | null = null;
  const plan: Plan = {
    format: seq ? 'geojsonseq' : 'geojson',
    sawFeature: false,
    first: undefined,
    records: (encoding, fields, onBytes) => (cache && !cache.abandoned ? cachedRecords(cache) : geoJsonRecords(plan, batches(encoding, onBytes), fields)),
    async survey(encoding, fields, sampler, limit, onBytes) {
      const kept = new RawFeatureCache();
      cache = null;
      for await (const features of batches(encoding, onBytes)) {
        noteFeatures(plan, features);
        const counted = sampler();
        for (const f of features) {
          counted.note(geometryTypeName(isFeature(f) ? (f as { geometry?: unknown }).geometry : undefined), () => featureRecord(f, fields));
          seeProperties((f as { properties?: unknown } | null)?.properties, fields);
        }
        if (counted.count > limit) return;
        kept.add(features);
      }
      cache = kept;
    },
  };
  return plan;
}

async function* cachedRecords(cache: RawFeatureCache): AsyncGenerator<RawRecord[]> {
  yield* cache.records();
}

/** The first pass: everything the dialog shows, and the checks that need the whole file, keeping none of it. */
async function survey(plan: Plan, encoding: TextEncodingName, onBytes?: OnBytes) {
  const fields = new FieldCollector();
  let sampler: RecordSampler | null = null;
  // Made at the first records: a table's geometry is known once its header is read.
  const made = () => (sampler ??= new RecordSampler(plan instanceof CsvPlan && !plan.layout?.wkt ? 'columns' : 'features'));
  // Past the limit nothing more is read: the answer is known.
  await plan.survey(encoding, fields, made, MAX_FEATURES, onBytes);
  const counted = sampler as RecordSampler | null;
  return { tooMany: counted && counted.count > MAX_FEATURES ? counted.count : 0, fields, sampler: counted };
}

/**
 * Opens GeoJSON (a FeatureCollection, a bare array of features, GeoJSONSeq) or CSV as a stream:
 * one pass reads what the dialog needs (count, columns, a sample); the check reads the points it
 * kept as columns, or else the file again, so the features never exist as objects all at once.
 * UTF-8 is tried first, then GB18030.
 * READ_WHOLE: the JSON is not a list of features (a single Feature, a bare geometry).
 */
export async function openStreamed(blob: Blob, fileName: string, sniffed: 'geojson' | 'text', onBytes?: OnBytes): Promise<Result<RecordFile, FileProblem> | typeof READ_WHOLE> {
  const head = new TextDecoder().decode(await blob.slice(0, 1 << 20).arrayBuffer()).replace(/^\uFEFF/, '');
  const members = new Map<string, unknown>();
  const seq = sniffed === 'geojson' && (looksLikeGeoJsonSeq(head) || /\.(geojsons|geojsonl|ndjson|jsonl)$/i.test(fileName));
  const plan: Plan = sniffed === 'text' ? new CsvPlan(blob) : jsonPlan(blob, seq, members);
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      members.clear();
      const found = await survey(plan, encoding, onBytes);
      if (plan instanceof CsvPlan && plan.problem) return err(plan.problem);
      if (found.tooMany) return err({ code: 'tooManyFeatures', count: found.tooMany, limit: MAX_FEATURES });
      return describeFile(blob, plan, encoding, found, members);
    } catch (e) {
      if (e instanceof EncodingError) continue;
      if (e instanceof JsonStreamError) return e.failure.kind === 'notFeatureList' ? READ_WHOLE : err({ code: 'notJson', detail: e.failure.detail });
      throw e;
    }
  }
  return err({ code: 'badEncoding' });
}

function describeFile(blob: Blob, plan: Plan, encoding: TextEncodingName, found: Awaited<ReturnType<typeof survey>>, members: Map<string, unknown>): Result<RecordFile, FileProblem> {
  const { sampler, fields } = found;
  if (plan instanceof CsvPlan && !plan.layout) return err({ code: 'empty' });
  if (!sampler || sampler.count === 0) return err({ code: 'noFeatures' });
  if (!plan.sawFeature) return err({ code: 'notGeoJson', found: `features of ${describe(plan.first)}` });
  const type = members.get('type');
  if (plan.format === 'geojson' && type !== undefined && type !== 'FeatureCollection') return err({ code: 'notGeoJson', found: describe({ type }) });
  const csv = plan instanceof CsvPlan ? plan : null;
  const geometryFrom = csv && !csv.layout!.wkt ? 'columns' : 'features';
  return ok({
    format: plan.format,
    tabular: csv !== null,
    geometryFrom,
    declaredCrs: csv ? sridCrs(csv.srid) : plan.format === 'geojson' ? crsOfGeoJson({ crs: members.get('crs') }) : null,
    choice: null,
    fields: csv && fields.names.length === 0 ? csv.layout!.headers : fields.names,
    unsafeKeys: [...fields.unsafe],
    coordinateColumns: csv && geometryFrom === 'columns' ? detectCoordinateColumns(csv.layout!.headers) : null,
    encoding,
    bytes: blob.size,
    count: sampler.count,
    head: sampler.head,
    spread: sampler.spread,
    geometryTypes: sampler.geometryTypes,
    batches: () => plan.records(encoding, new FieldCollector()),
  });
}
