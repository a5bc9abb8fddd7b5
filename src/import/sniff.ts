import type { FileProblem } from './problems';
import { err, ok, type Result } from '../data/result';

export type FileFormat = 'geojson' | 'csv';

const MAGIC: { bytes: number[]; kind: Extract<FileProblem, { code: 'binary' }>['kind'] }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'zip' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'excel' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'pdf' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'image' },
  { bytes: [0x00, 0x00, 0x27, 0x0a], kind: 'shapefile' },
];

function startsWith(head: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

/**
 * Decides what a file is from its first bytes (its name only breaks a tie): GeoJSON / JSON, CSV,
 * or a binary file the user most likely meant to save as CSV first.
 */
export function sniffFormat(head: Uint8Array, fileName: string): Result<FileFormat, FileProblem> {
  if (head.length === 0) return err({ code: 'empty' });
  for (const m of MAGIC) {
    if (startsWith(head, m.bytes)) {
      const kind = m.kind === 'zip' && /\.xlsx$/i.test(fileName) ? 'excel' : m.kind;
      return err({ code: 'binary', kind });
    }
  }
  if (/\.(xlsx?|et)$/i.test(fileName)) return err({ code: 'binary', kind: 'excel' });
  if (/\.(shp|dbf|shx)$/i.test(fileName)) return err({ code: 'binary', kind: 'shapefile' });
  // A NUL byte in the first kilobytes never appears in UTF-8 or GB18030 text.
  if (head.subarray(0, 4096).includes(0)) return err({ code: 'binary', kind: 'unknown' });
  const first = firstVisibleChar(head);
  if (first === null) return err({ code: 'empty' });
  if (first === '{' || first === '[') return ok('geojson');
  if (/\.(geo)?json$/i.test(fileName)) return ok('geojson');
  return ok('csv');
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
