import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Feature } from 'geojson';
import { decodeCollection } from '../../src/data/decode';
import { describeIssue } from '../../src/data/errors';
import { isCollectionId, type CollectionId } from '../../src/layers/registry';
import { InputError, readInputFile } from '../report/inputs';
import { writeColumnsFile } from '../generator/columns';
import { writeFeatureCollection } from '../generator/write';

interface ManifestEntry {
  id: string;
  file: string;
  arrow?: boolean;
  changes?: { file: string; count: number; bytes: number; sha256: string }[];
  [other: string]: unknown;
}
interface Manifest {
  collections: ManifestEntry[];
  [other: string]: unknown;
}

function readManifest(data: string): Manifest {
  const path = join(data, 'manifest.json');
  try {
    const manifest = JSON.parse(readInputFile('--data', path).toString('utf8')) as Manifest;
    if (!Array.isArray(manifest?.collections)) throw new Error('"collections" is missing or not an array');
    return manifest;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`--data ${path}: ${(e as Error).message}`);
  }
}

/** The manifest is what the page reads first: written whole under another name, then renamed over the old one. */
function writeManifest(data: string, manifest: Manifest): void {
  const path = join(data, 'manifest.json');
  writeFileSync(`${path}.tmp`, JSON.stringify(manifest, null, 1) + '\n');
  renameSync(`${path}.tmp`, path);
}

/** A file's features, read as the app reads them; any feature the app would refuse is an error naming it. */
function checkedFeatures(option: string, path: string, id: CollectionId, body: Buffer): Feature[] {
  const decoded = decodeCollection(id, body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
  if (!decoded.ok) throw new InputError(`${option} ${path}: ${decoded.error.message}`);
  const { features, rejected } = decoded.value;
  if (rejected.length) throw new InputError(`${option} ${path}: ${rejected.length} of ${rejected.length + features.length} features refused, e.g. ${describeIssue(rejected[0])}`);
  return features as Feature[];
}

/**
 * Publishes one change file: the features added or changed since the collection's file (or its
 * last change file) was written. It is checked as the page checks it, copied into the folder as
 * {id}.changes-NNNN.geojson, and listed in the manifest last, so that a page reads it whole or not at all.
 */
function publish(data: string, manifest: Manifest, id: CollectionId, path: string): string {
  const entry = manifest.collections.find((c) => c.id === id);
  if (!entry) throw new InputError(`--collection ${id}: the manifest in ${data} does not list it`);
  const body = readInputFile('--file', path);
  const features = checkedFeatures('--file', path, id, body);
  if (features.length === 0) throw new InputError(`--file ${path}: holds no features; nothing to publish`);
  const changes = entry.changes ?? [];
  let serial = changes.length + 1;
  while (existsSync(join(data, `${id}.changes-${String(serial).padStart(4, '0')}.geojson`))) serial++;
  const file = `${id}.changes-${String(serial).padStart(4, '0')}.geojson`;
  writeFileSync(join(data, file), body);
  entry.changes = [...changes, { file, count: features.length, bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') }];
  writeManifest(data, manifest);
  return `${data}/${file}: ${features.length} features published (${entry.changes.length} change files for ${id})`;
}

/**
 * Writes each collection's change files into its own files (GeoJSON, and the columns where the
 * manifest lists them), then the manifest without them, then removes them. A page that reads in
 * between still gets the right collection: the changes written again over the new file change nothing.
 */
function compact(data: string, manifest: Manifest): string[] {
  const done: string[] = [];
  for (const entry of manifest.collections) {
    if (!entry.changes?.length || !isCollectionId(entry.id)) continue;
    const id = entry.id;
    const base = join(data, `${id}.geojson`);
    const byId = new Map<string, Feature>();
    for (const f of checkedFeatures('--data', base, id, readInputFile('--data', base))) byId.set(String(f.id ?? f.properties?.id), f);
    for (const change of entry.changes) {
      const path = join(data, change.file);
      for (const f of checkedFeatures('--data', path, id, readInputFile('--data', path))) byId.set(String(f.id ?? f.properties?.id), f);
    }
    const written = writeFeatureCollection(data, id, byId.values());
    Object.assign(entry, written, entry.arrow ? writeColumnsFile(data, id) : {});
    done.push(`${id}: ${entry.changes.length} change files written into ${written.file} (${written.count} features)`);
  }
  const removed = manifest.collections.flatMap((c) => (c.changes ?? []).map((ch) => ch.file));
  for (const entry of manifest.collections) delete entry.changes;
  writeManifest(data, manifest);
  for (const file of removed) rmSync(join(data, file), { force: true });
  return done;
}

export function main(argv: string[]): number {
  try {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string', default: 'public/data' }, collection: { type: 'string' }, file: { type: 'string' }, compact: { type: 'boolean', default: false } } });
    const data = values.data;
    const manifest = readManifest(data);
    if (values.compact) {
      const done = compact(data, manifest);
      console.log(done.length ? done.join('\n') : `${data}: no change files to write in`);
      return 0;
    }
    if (!values.collection || !isCollectionId(values.collection)) throw new InputError(`--collection ${values.collection ?? ''}: one of the manifest's collections is needed (e.g. patches)`);
    if (!values.file) throw new InputError('--file: the GeoJSON file of the features added or changed is needed');
    console.log(publish(data, manifest, values.collection, values.file));
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
}
