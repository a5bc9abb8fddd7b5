import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature } from 'geojson';

export interface WrittenFile {
  file: string;
  count: number;
  bytes: number;
  sha256: string;
  bbox: [number, number, number, number];
}

function extendBbox(bbox: [number, number, number, number], coords: unknown): void {
  if (typeof (coords as number[])[0] === 'number') {
    const [x, y] = coords as number[];
    if (x < bbox[0]) bbox[0] = x;
    if (y < bbox[1]) bbox[1] = y;
    if (x > bbox[2]) bbox[2] = x;
    if (y > bbox[3]) bbox[3] = y;
    return;
  }
  for (const c of coords as unknown[]) extendBbox(bbox, c);
}

/**
 * Streams a FeatureCollection to disk one feature per line (so a 100× file never exists as one
 * string), hashing exactly the bytes written.
 */
export function writeFeatureCollection(dir: string, name: string, features: Iterable<Feature>): WrittenFile {
  mkdirSync(dir, { recursive: true });
  const file = `${name}.geojson`;
  const fd = openSync(join(dir, file), 'w');
  const hash = createHash('sha256');
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  let bytes = 0;
  let count = 0;
  let buffer = '';
  const flush = () => {
    const chunk = Buffer.from(buffer, 'utf8');
    writeSync(fd, chunk);
    hash.update(chunk);
    bytes += chunk.length;
    buffer = '';
  };
  buffer += '{"type":"FeatureCollection","features":[\n';
  for (const f of features) {
    if ('coordinates' in f.geometry) extendBbox(bbox, f.geometry.coordinates);
    buffer += (count++ ? ',\n' : '') + JSON.stringify(f);
    if (buffer.length > 1 << 20) flush();
  }
  buffer += '\n]}\n';
  flush();
  closeSync(fd);
  return { file, count, bytes, sha256: hash.digest('hex'), bbox };
}
