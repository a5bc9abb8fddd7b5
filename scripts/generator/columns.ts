import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCollectionTable } from '../../src/data/decode';
import { describeIssue } from '../../src/data/errors';
import { tableToArrow } from '../../src/data/columnar/arrowFile';
import { COLLECTIONS, type CollectionId } from '../../src/layers/registry';

/**
 * Writes {id}.arrow beside {id}.geojson: the GeoJSON file read the way the app reads it (parsed,
 * checked, encoded into columns), then written as an Arrow IPC file, which the app loads instead.
 * The same features, so the same figures; a feature the app would refuse stops the build.
 */
export function writeColumnsFile(dir: string, id: CollectionId): { arrow: true; arrowBytes: number; arrowSha256: string } {
  const body = readFileSync(join(dir, `${id}.geojson`));
  const decoded = decodeCollectionTable(id, body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  if (!decoded.ok) throw new Error(decoded.error.message);
  if (decoded.value.rejected.length) throw new Error(describeIssue(decoded.value.rejected[0]));
  const bytes = tableToArrow(decoded.value.table, COLLECTIONS[id].geometry);
  writeFileSync(join(dir, `${id}.arrow`), bytes);
  return { arrow: true, arrowBytes: bytes.length, arrowSha256: createHash('sha256').update(bytes).digest('hex') };
}
