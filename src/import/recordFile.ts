import type { FileEncoding } from './openFile';
import type { ParsedFile, RawRecord } from './records';

/** Records spread over the file kept for checks made on a sample (are the coordinates projected?). */
const SPREAD = 2000;
/** Records at the file's start kept for the preview table. */
const HEAD = 5;
/** Records handed to the check at a time, when the file is held whole. */
const BATCH = 4096;

/**
 * An opened file, whether held whole (a workbook, a GeoPackage) or streamed (GeoJSON, CSV): what
 * the dialog shows and the check needs before it reads the records, and the records themselves,
 * read again a batch at a time so that a large file never exists as objects all at once.
 */
export interface RecordFile extends Omit<ParsedFile, 'records'> {
  encoding: FileEncoding;
  bytes: number;
  count: number;
  /** The first records, for the preview. */
  head: RawRecord[];
  /** Up to 2,000 records spread evenly over the file. */
  spread: RawRecord[];
  /** How many records hold each geometry type ('Point' for every row of a table with coordinate columns). */
  geometryTypes: Record<string, number>;
  batches(): AsyncIterable<RawRecord[]>;
}

/** The name a geometry is counted under: its type, or 'null' for none or anything else. */
export function geometryTypeName(geometry: unknown): string {
  const t = (geometry as { type?: unknown } | null | undefined)?.type;
  return typeof t === 'string' ? t.slice(0, 30) : 'null';
}

export function geometryTypeOf(record: RawRecord, geometryFrom: ParsedFile['geometryFrom']): string {
  return geometryFrom === 'columns' ? 'Point' : geometryTypeName(record.geometry);
}

/** Watches the records go by once: counts them and their geometry types, keeps the head and an even spread. */
export class RecordSampler {
  count = 0;
  readonly head: RawRecord[] = [];
  readonly geometryTypes: Record<string, number> = {};
  private kept: RawRecord[] = [];
  private step = 1;

  constructor(private readonly geometryFrom: ParsedFile['geometryFrom']) {}

  add(records: readonly RawRecord[]): void {
    for (const record of records) this.note(geometryTypeOf(record, this.geometryFrom), () => record);
  }

  /** Counts one record of a geometry type; `record` is called only when the record is kept. */
  note(type: string, record: () => RawRecord): void {
    this.geometryTypes[type] = (this.geometryTypes[type] ?? 0) + 1;
    const inHead = this.head.length < HEAD;
    const inSpread = this.count % this.step === 0;
    if (inHead || inSpread) {
      const kept = record();
      if (inHead) this.head.push(kept);
      if (inSpread) {
        this.kept.push(kept);
        // Full: keep every other one and take every other one from now on.
        if (this.kept.length >= SPREAD * 2) {
          this.kept = this.kept.filter((_, i) => i % 2 === 0);
          this.step *= 2;
        }
      }
    }
    this.count++;
  }

  get spread(): RawRecord[] {
    return this.kept;
  }
}

/** A file read whole (the formats that cannot be streamed) as a record file. */
export function wholeRecordFile(parsed: ParsedFile & { encoding: FileEncoding; bytes: number }): RecordFile {
  const { records, ...meta } = parsed;
  const sampler = new RecordSampler(parsed.geometryFrom);
  sampler.add(records);
  return {
    ...meta,
    count: records.length,
    head: sampler.head,
    spread: sampler.spread,
    geometryTypes: sampler.geometryTypes,
    async *batches() {
      for (let i = 0; i < records.length; i += BATCH) yield records.slice(i, i + BATCH);
    },
  };
}
