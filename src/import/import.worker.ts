import { expose, transfer } from 'comlink';
import { err, ok, type Result } from '../data/result';
import { checkRecords, type CheckedImport, type ImportOptions } from './checkRecords';
import { encodeTable, type EncodableFeature } from '../data/columnar/encodeTable';
import { tableBuffers } from '../data/columnar/featureTable';
import { MAX_FILE_BYTES } from './limits';
import type { FileCrs } from './declaredCrs';
import { openFile, sampleRows, type FileEncoding, type OpenedFile } from './openFile';
import { internalProblem, type FileProblem } from './problems';
import { readBlob } from './readBlob';
import type { CoordinateColumns, FileChoice, ImportFormat } from './records';

/** What the dialog needs to show about an opened file before anything is checked. */
export interface FileSummary {
  name: string;
  format: ImportFormat;
  /** Rows of a table: problems are named by row. */
  tabular: boolean;
  /** Geometry from coordinate columns (chosen in the dialog), or read with each record. */
  geometryFrom: 'features' | 'columns';
  encoding: FileEncoding;
  /** The system the file declares, applied unless the user chooses another. */
  declaredCrs: FileCrs | null;
  /** The sheet or layer read, and the others the file holds. */
  choice: FileChoice | null;
  bytes: number;
  count: number;
  fields: string[];
  sample: Record<string, string>[];
  coordinateColumns: CoordinateColumns | null;
  geometryTypes: Record<string, number>;
}

export type Progress = (phase: 'read' | 'check', done: number, total: number) => void;

/** The file being imported stays here, in the worker, between opening it and checking it. */
let opened: OpenedFile | null = null;

function summarise(name: string, file: OpenedFile): FileSummary {
  const geometryTypes: Record<string, number> = {};
  for (const r of file.records) {
    const t = (r.geometry as { type?: unknown } | null)?.type;
    const key = file.geometryFrom === 'columns' ? 'Point' : typeof t === 'string' ? t.slice(0, 30) : 'null';
    geometryTypes[key] = (geometryTypes[key] ?? 0) + 1;
  }
  return {
    name,
    format: file.format,
    tabular: file.tabular,
    geometryFrom: file.geometryFrom,
    encoding: file.encoding,
    declaredCrs: file.declaredCrs,
    choice: file.choice,
    bytes: file.bytes,
    count: file.records.length,
    fields: file.fields,
    sample: sampleRows(file),
    coordinateColumns: file.coordinateColumns,
    geometryTypes,
  };
}

const api = {
  /** Reads a file (`choice`: the sheet or layer to read, when it holds several). */
  async open(file: Blob, name: string, onProgress?: Progress, choice?: string): Promise<Result<FileSummary, FileProblem>> {
    opened = null;
    if (file.size > MAX_FILE_BYTES) return err({ code: 'tooLarge', bytes: file.size, limit: MAX_FILE_BYTES });
    try {
      const bytes = await readBlob(file, (done, total) => onProgress?.('read', done, total));
      const result = await openFile(bytes, name, choice);
      if (!result.ok) return result;
      opened = result.value;
      return ok(summarise(name, opened));
    } catch (e) {
      return err(internalProblem(e));
    }
  },
  check(options: ImportOptions, onProgress?: Progress): Result<CheckedImport, FileProblem> {
    if (!opened) return err({ code: 'internal', detail: 'no file is open' });
    try {
      const checked = checkRecords(opened, options, { onProgress: (done, total) => onProgress?.('check', done, total) });
      if (!checked.ok) return checked;
      const { features, ...rest } = checked.value;
      const table = encodeTable(options.target === 'regions' ? 'towns' : options.target, features as EncodableFeature[]);
      return transfer(ok({ ...rest, table }), tableBuffers(table));
    } catch (e) {
      return err(internalProblem(e));
    }
  },
};

export type ImportWorkerApi = typeof api;
expose(api);
