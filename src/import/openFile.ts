import { err, ok, type Result } from '../data/result';
import { parseCsv } from './formats/csv';
import { parseGeoJson } from './formats/geojson';
import { cellText } from './excerpt';
import { MAX_FILE_BYTES } from './limits';
import type { FileProblem } from './problems';
import type { ParsedFile } from './records';
import { decodeText, sniffFormat } from './sniff';

export type OpenedFile = ParsedFile & { encoding: 'utf-8' | 'gb18030'; bytes: number };

/** Bytes to records: refuses what is too large or not text, decodes, and reads GeoJSON or CSV. */
export function openFile(bytes: Uint8Array, fileName: string): Result<OpenedFile, FileProblem> {
  if (bytes.byteLength > MAX_FILE_BYTES) return err({ code: 'tooLarge', bytes: bytes.byteLength, limit: MAX_FILE_BYTES });
  const format = sniffFormat(bytes.subarray(0, 65536), fileName);
  if (!format.ok) return format;
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.value.text.replace(/^\uFEFF/, '');
  const parsed = format.value === 'geojson' ? parseGeoJson(text) : parseCsv(text);
  if (!parsed.ok) return parsed;
  return ok({ ...parsed.value, encoding: decoded.value.encoding, bytes: bytes.byteLength });
}

/** The first records' properties as text, for the preview table (long values cut, nothing interpreted). */
export function sampleRows(parsed: ParsedFile, count = 5): Record<string, string>[] {
  return parsed.records.slice(0, count).map((r) => {
    const row: Record<string, string> = {};
    for (const f of parsed.fields) row[f] = cellText(r.properties[f], 80);
    return row;
  });
}
