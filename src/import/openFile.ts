import { err, ok, type Result } from '../data/result';
import { parseGeoJson } from './formats/geojson';
import { parseKml } from './formats/kml';
import { zipNames } from './formats/zip';
import { cellText } from './excerpt';
import { MAX_FILE_BYTES, STREAMED_FILE_BYTES } from './limits';
import type { FileProblem } from './problems';
import type { ParsedFile } from './records';
import { wholeRecordFile, type RecordFile } from './recordFile';
import { decodeText, sniffFormat, type Sniffed } from './sniff';
import { readBlob } from './readBlob';
import { openStreamed, READ_WHOLE } from './stream/streamedFile';

/** The text encoding a file's attributes were read in ('binary' for formats that say their own, such as GeoPackage). */
export type FileEncoding = 'utf-8' | 'gb18030' | 'binary';
export type OpenedFile = ParsedFile & { encoding: FileEncoding; bytes: number };

/** What a zip holds, by the names of its files: a shapefile, a KMZ's KML, or a workbook (an .xlsx is a zip). */
function zipKind(names: readonly string[]): 'shapefile' | 'kmz' | 'excel' | null {
  if (names.some((n) => /\.shp$/i.test(n) || /\.(dbf|shx)$/i.test(n))) return 'shapefile';
  if (names.some((n) => /\.kml$/i.test(n))) return 'kmz';
  if (names.includes('[Content_Types].xml') && names.some((n) => n.startsWith('xl/'))) return 'excel';
  return null;
}

/** A text file read whole: KML, or JSON that is not a list of features (a single Feature; anything else is named). */
function openText(bytes: Uint8Array, sniffed: 'kml' | 'geojson'): Result<OpenedFile, FileProblem> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.value.text.replace(/^\uFEFF/, '');
  const parsed = sniffed === 'kml' ? parseKml(text) : parseGeoJson(text);
  if (!parsed.ok) return parsed;
  return ok({ ...parsed.value, encoding: decoded.value.encoding, bytes: bytes.byteLength });
}

const tooLarge = (bytes: number, streamed: boolean): FileProblem => ({ code: 'tooLarge', bytes, limit: streamed ? STREAMED_FILE_BYTES : MAX_FILE_BYTES, streamed });

/**
 * Opens a file: recognises its format from its first bytes, refuses what is too large or cannot
 * be read, and streams GeoJSON and CSV (any size up to STREAMED_FILE_BYTES); other formats are
 * read whole by their own module (the binary ones loaded only when needed). `choice` names the
 * sheet or layer to read.
 */
export async function openFile(file: Blob, fileName: string, choice?: string, onBytes?: (done: number, total: number) => void): Promise<Result<RecordFile, FileProblem>> {
  const sniffed = sniffFormat(new Uint8Array(await file.slice(0, 65536).arrayBuffer()), fileName);
  if (!sniffed.ok) return sniffed;
  const streams = sniffed.value === 'geojson' || sniffed.value === 'text';
  if (file.size > (streams ? STREAMED_FILE_BYTES : MAX_FILE_BYTES)) return err(tooLarge(file.size, streams));
  if (streams) {
    const streamed = await openStreamed(file, fileName, sniffed.value as 'geojson' | 'text', onBytes);
    if (streamed !== READ_WHOLE) return streamed;
    if (file.size > MAX_FILE_BYTES) return err({ code: 'notGeoJson', found: '"features" missing' });
  }
  const bytes = await readBlob(file, onBytes);
  const whole = await readWholeFile(bytes, fileName, sniffed.value, choice);
  return whole.ok ? ok(wholeRecordFile(whole.value)) : whole;
}

/** A file read whole into records by its format's module. */
async function readWholeFile(bytes: Uint8Array, fileName: string, sniffed: Sniffed, choice?: string): Promise<Result<OpenedFile, FileProblem>> {
  const binary = (parsed: Result<ParsedFile & { encoding?: FileEncoding }, FileProblem>): Result<OpenedFile, FileProblem> =>
    parsed.ok ? ok({ ...parsed.value, encoding: parsed.value.encoding ?? 'binary', bytes: bytes.byteLength }) : parsed;
  switch (sniffed) {
    case 'gpkg':
      return binary(await (await import('./formats/geopackage')).parseGeoPackage(bytes, choice));
    case 'fgb':
      return binary(await (await import('./formats/flatgeobuf')).parseFlatGeobuf(bytes));
    case 'zip': {
      const names = zipNames(bytes, /\.xlsx$/i.test(fileName) ? 'excel' : /\.kmz$/i.test(fileName) ? 'kmz' : 'zip');
      if (!names.ok) return names;
      const kind = zipKind(names.value);
      if (kind === 'shapefile') return binary(await (await import('./formats/shapefile')).parseShapefileZip(bytes, choice));
      if (kind === 'kmz') {
        const parsed = (await import('./formats/kml')).parseKmz(bytes);
        return parsed.ok ? ok({ ...parsed.value, encoding: 'utf-8', bytes: bytes.byteLength }) : parsed;
      }
      if (kind === 'excel') return binary(await (await import('./formats/excel')).parseExcel(bytes, choice));
      return err({ code: 'binary', kind: 'zip' });
    }
    case 'kml':
    case 'geojson':
      return openText(bytes, sniffed);
    default:
      return err({ code: 'binary', kind: 'unknown' });
  }
}

/** The first records' properties as text, for the preview table (long values cut, nothing interpreted). */
export function sampleRows(file: RecordFile): Record<string, string>[] {
  return file.head.map((r) => {
    const row: Record<string, string> = {};
    for (const f of file.fields) row[f] = cellText(r.properties[f], 80);
    return row;
  });
}
