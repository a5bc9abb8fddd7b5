import { err, ok, type Result } from '../data/result';
import { parseCsv } from './formats/csv';
import { looksLikeGeoJsonSeq, parseGeoJson, parseGeoJsonSeq } from './formats/geojson';
import { parseKml } from './formats/kml';
import { zipNames } from './formats/zip';
import { cellText } from './excerpt';
import { MAX_FILE_BYTES } from './limits';
import type { FileProblem } from './problems';
import type { ParsedFile } from './records';
import { decodeText, sniffFormat } from './sniff';

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

/** A text file: KML, GeoJSONSeq, GeoJSON or CSV. */
function openText(bytes: Uint8Array, sniffed: 'kml' | 'geojson' | 'text', fileName: string): Result<OpenedFile, FileProblem> {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.value.text.replace(/^\uFEFF/, '');
  const parsed =
    sniffed === 'kml'
      ? parseKml(text)
      : sniffed === 'geojson'
        ? looksLikeGeoJsonSeq(text) || /\.(geojsons|geojsonl|ndjson|jsonl)$/i.test(fileName)
          ? parseGeoJsonSeq(text)
          : parseGeoJson(text)
        : parseCsv(text);
  if (!parsed.ok) return parsed;
  return ok({ ...parsed.value, encoding: decoded.value.encoding, bytes: bytes.byteLength });
}

/**
 * Bytes to records: refuses what is too large or cannot be read, recognises the format and reads
 * it with its own module (the binary ones loaded only when needed). `choice` names the sheet or layer to read.
 */
export async function openFile(bytes: Uint8Array, fileName: string, choice?: string): Promise<Result<OpenedFile, FileProblem>> {
  if (bytes.byteLength > MAX_FILE_BYTES) return err({ code: 'tooLarge', bytes: bytes.byteLength, limit: MAX_FILE_BYTES });
  const sniffed = sniffFormat(bytes.subarray(0, 65536), fileName);
  if (!sniffed.ok) return sniffed;
  const binary = (parsed: Result<ParsedFile & { encoding?: FileEncoding }, FileProblem>): Result<OpenedFile, FileProblem> =>
    parsed.ok ? ok({ ...parsed.value, encoding: parsed.value.encoding ?? 'binary', bytes: bytes.byteLength }) : parsed;
  switch (sniffed.value) {
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
    case 'text':
      return openText(bytes, sniffed.value, fileName);
    default:
      return err({ code: 'binary', kind: 'unknown' });
  }
}

/** The first records' properties as text, for the preview table (long values cut, nothing interpreted). */
export function sampleRows(parsed: ParsedFile, count = 5): Record<string, string>[] {
  return parsed.records.slice(0, count).map((r) => {
    const row: Record<string, string> = {};
    for (const f of parsed.fields) row[f] = cellText(r.properties[f], 80);
    return row;
  });
}
