import { expose, transfer } from 'comlink';
import { err, ok, type Result } from '../data/result';
import { checkRecords, type CheckedImport, type ImportOptions } from './checkRecords';
import { concatAllTables } from '../data/columnar/concatTables';
import { encodeTable, type EncodableFeature } from '../data/columnar/encodeTable';
import { tableBuffers, type FeatureTable } from '../data/columnar/featureTable';
import type { FileCrs } from './declaredCrs';
import { openFile, sampleRows, type FileEncoding } from './openFile';
import { internalProblem, type FileProblem } from './problems';
import type { RecordFile } from './recordFile';
import type { CoordinateColumns, FileChoice, ImportFormat } from './records';
import { shareTable } from '../data/columnar/shareTable';
import { withTriangles } from '../data/columnar/polygonTriangles';
import { withDrawnColumns } from '../data/columnar/drawnColumns';

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

/**
 * Progress sent to the page at most once per percent: each message is a render of the dialog on
 * the page's thread, and a file arrives in thousands of reads.
 */
function everyPercent(phase: 'read' | 'check', onProgress?: Progress): (done: number, total: number) => void {
  let next = 0;
  return (done, total) => {
    if (done < next && done < total) return;
    next = done + total / 100;
    onProgress?.(phase, done, total);
  };
}

/** The file being imported stays here, in the worker, between opening it and checking it (a streamed file as its Blob, and its points as columns). */
let opened: RecordFile | null = null;

function summarise(name: string, file: RecordFile): FileSummary {
  return {
    name,
    format: file.format,
    tabular: file.tabular,
    geometryFrom: file.geometryFrom,
    encoding: file.encoding,
    declaredCrs: file.declaredCrs,
    choice: file.choice,
    bytes: file.bytes,
    count: file.count,
    fields: file.fields,
    sample: sampleRows(file),
    coordinateColumns: file.coordinateColumns,
    geometryTypes: file.geometryTypes,
  };
}

const api = {
  /** Reads a file (`choice`: the sheet or layer to read, when it holds several). */
  async open(file: Blob, name: string, onProgress?: Progress, choice?: string): Promise<Result<FileSummary, FileProblem>> {
    opened = null;
    try {
      const result = await openFile(file, name, choice, everyPercent('read', onProgress));
      if (!result.ok) return result;
      opened = result.value;
      return ok(summarise(name, opened));
    } catch (e) {
      return err(internalProblem(e));
    }
  },
  /** Checks the open file, each batch encoded into columns as it is checked: the features never exist all at once. */
  async check(options: ImportOptions, onProgress?: Progress): Promise<Result<CheckedImport, FileProblem>> {
    if (!opened) return err({ code: 'internal', detail: 'no file is open' });
    try {
      const collection = options.target === 'regions' ? 'towns' : options.target;
      const tables: FeatureTable[] = [];
      const checked = await checkRecords(opened, options, {
        onProgress: everyPercent('check', onProgress),
        onFeatures: (features) => tables.push(encodeTable(collection, features as EncodableFeature[])),
      });
      if (!checked.ok) return checked;
      const table = shareTable(withDrawnColumns(withTriangles(concatAllTables(collection, tables))));
      tables.length = 0;
      return transfer(ok({ ...checked.value, table }), tableBuffers(table));
    } catch (e) {
      return err(internalProblem(e));
    }
  },
};

export type ImportWorkerApi = typeof api;
expose(api);
