import type { FileProblem } from './problems';
import { err, ok, type Result } from '../data/result';
import type { ImportFormat } from './records';

/** What a file's first bytes say it is, before it is read: a format, a zip to look into, or a binary file the import cannot read. */
export type Sniffed = ImportFormat | 'zip' | 'text';

const MAGIC: { bytes: number[]; is: Sniffed | Extract<FileProblem, { code: 'binary' }>['kind'] }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], is: 'zip' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00], is: 'gpkg' },
  { bytes: [0x66, 0x67, 0x62, 0x03], is: 'fgb' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], is: 'excel' },
  { bytes: [0x25, 0x50, 0x44, 0x46], is: 'pdf' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], is: 'image' },
  { bytes: [0xff, 0xd8, 0xff], is: 'image' },
  { bytes: [0x00, 0x00, 0x27, 0x0a], is: 'shapefile' },
];

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

/**
 * Decides what a file is from its first bytes (its name only breaks a tie): a zip (a shapefile,
 * KMZ or workbook inside), GeoPackage, FlatGeobuf, XML (KML), JSON, or other text (CSV); a lone
 * part of a shapefile or another binary file is refused with what to do instead.
 */
export function sniffFormat(head: Uint8Array, fileName: string): Result<Sniffed, FileProblem> {
  if (head.length === 0) return err({ code: 'empty' });
  for (const m of MAGIC) {
    if (!startsWith(head, m.bytes)) continue;
    if (m.is === 'zip' || m.is === 'gpkg' || m.is === 'fgb') return ok(m.is);
    if (m.is === 'shapefile') return err({ code: 'shapefilePart', missing: '.dbf' });
    return err({ code: 'binary', kind: m.is as Extract<FileProblem, { code: 'binary' }>['kind'] });
  }
  if (/\.(xls|et)$/i.test(fileName)) return err({ code: 'binary', kind: 'excel' });
  if (/\.(shp|shx)$/i.test(fileName)) return err({ code: 'shapefilePart', missing: '.dbf' });
  if (/\.dbf$/i.test(fileName)) return err({ code: 'shapefilePart', missing: '.shp' });
  // A NUL byte in the first kilobytes never appears in UTF-8 or GB18030 text.
  if (head.subarray(0, 4096).includes(0)) return err({ code: 'binary', kind: 'unknown' });
  const first = firstVisibleChar(head);
  if (first === null) return err({ code: 'empty' });
  if (first === '<') return ok('kml');
  if (first === '{' || first === '[' || first === '\u001e') return ok('geojson');
  if (/\.(geo)?json$/i.test(fileName)) return ok('geojson');
  return ok('text');
}

function firstVisibleChar(head: Uint8Array): string | null {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  for (; i < head.length; i++) {
    const c = head[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return String.fromCharCode(c);
  }
  return null;
}

/**
 * The file's text: UTF-8 (its byte-order mark dropped) when it is valid UTF-8, otherwise
 * GB18030, the superset of GBK that Excel on Chinese Windows writes CSV in.
 */
export function decodeText(bytes: Uint8Array): Result<{ text: string; encoding: 'utf-8' | 'gb18030' }, FileProblem> {
  try {
    return ok({ text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' });
  } catch {
    try {
      return ok({ text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' });
    } catch {
      return err({ code: 'badEncoding' });
    }
  }
}
