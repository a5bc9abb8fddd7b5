/**
 * Which binary format the bundled collections ship in (issue 22, item 3), measured, not a test:
 * the decode worker's whole work from a file's bytes to checked columns, per candidate, side by side.
 *   npm run data -- --scale 10 --out public/data-10x
 *   npx tsx bench/bundledFormat.ts [scales=1,10] [runs=5]
 * Candidates: GeoJSON (JSON.parse, the zod schema per feature, encoding into columns); FlatGeobuf
 * (the flatgeobuf library's reader to GeoJSON features, then the same check and encoding: it
 * carries no column types the app could check without objects); Arrow IPC (apache-arrow, the
 * columns read as views of the file, then checked column by column, checkTable). Sizes raw and
 * gzip-compressed (what lighttpd sends); "same" says whether the features read back equal the
 * GeoJSON's, value for value, null and absent apart.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { gzipSync } from 'node:zlib';
import { geojson as flatgeobuf } from 'flatgeobuf';
import type { Feature, FeatureCollection } from 'geojson';
import { decodeCollectionTable, decodeColumnsFile } from '../src/data/decode';
import { validateFeatureCollection } from '../src/data/validate';
import { encodeTable } from '../src/data/columnar/encodeTable';
import { featuresOf } from '../src/data/columnar/readTable';
import type { FeatureTable } from '../src/data/columnar/featureTable';
import type { CollectionId } from '../src/layers/registry';

const scales = (process.argv[2] ?? '1,10').split(',').map(Number);
const runs = Number(process.argv[3] ?? 5);
const COLLECTIONS: CollectionId[] = ['lamps', 'lamp-faults', 'manholes', 'manhole-defects', 'patches', 'railway-issues'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dirOf = (scale: number) => (scale === 1 ? 'public/data' : `public/data-${scale}x`);
const bufferOf = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

interface Candidate {
  name: string;
  bytes: Uint8Array;
  decode: () => Promise<FeatureTable>;
}

async function readFlatGeobuf(id: CollectionId, bytes: Uint8Array): Promise<FeatureTable> {
  const features: Feature[] = [];
  for await (const f of flatgeobuf.deserialize(bytes) as AsyncGenerator<Feature>) features.push(f);
  const checked = validateFeatureCollection(id, { type: 'FeatureCollection', features });
  if (!checked.ok) throw new Error(checked.error.message);
  return encodeTable(id, checked.value.features);
}

function candidates(dir: string, id: CollectionId): Candidate[] {
  const json = readFileSync(`${dir}/${id}.geojson`);
  const arrow = readFileSync(`${dir}/${id}.arrow`);
  const fgb = flatgeobuf.serialize(JSON.parse(json.toString('utf8')) as FeatureCollection);
  const table = <T>(r: { ok: true; value: { table: T } } | { ok: false; error: { message: string } }) => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value.table;
  };
  return [
    { name: 'GeoJSON', bytes: json, decode: async () => table(decodeCollectionTable(id, bufferOf(json))) },
    { name: 'FlatGeobuf', bytes: fgb, decode: () => readFlatGeobuf(id, fgb) },
    { name: 'Arrow IPC', bytes: arrow, decode: async () => table(decodeColumnsFile(id, bufferOf(arrow))) },
  ];
}

const rows: string[] = ['| data | collection | format | file MB | gzip MB | decode to checked columns, ms (median) | vs GeoJSON | same features |', '|---|---|---|---|---|---|---|---|'];
for (const scale of scales) {
  for (const id of COLLECTIONS) {
    const list = candidates(dirOf(scale), id);
    const reference = featuresOf(await list[0].decode());
    const times = new Map<string, number[]>(list.map((c) => [c.name, []]));
    // Interleaved: each run decodes every candidate once, so a slow moment of the machine hits them alike.
    for (let r = 0; r < runs; r++) {
      for (const c of list) {
        const t = performance.now();
        await c.decode();
        times.get(c.name)!.push(performance.now() - t);
      }
    }
    const base = median(times.get('GeoJSON')!);
    for (const c of list) {
      const ms = median(times.get(c.name)!);
      const same = isDeepStrictEqual(featuresOf(await c.decode()), reference);
      rows.push(`| ${scale}× | ${id} | ${c.name} | ${(c.bytes.length / 1e6).toFixed(1)} | ${(gzipSync(c.bytes).length / 1e6).toFixed(1)} | ${ms.toFixed(0)} | ${(base / ms).toFixed(1)}× | ${same ? 'yes' : 'no'} |`);
    }
    console.error(`${scale}× ${id} done`);
  }
}
console.log(rows.join('\n'));
