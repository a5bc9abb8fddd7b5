/**
 * Streaming a GeoJSON FeatureCollection (issue 22, item 4; not a test): the import's splitter with
 * JSON.parse per batch against a streaming JSON library, on the same text in the same 1 MB pieces,
 * runs interleaved.
 *   npm i --no-save @streamparser/json        # the library compared (not a dependency of the app)
 *   npx tsx bench/jsonSplit.ts [file.geojson] [runs=5]
 */
import { readFileSync } from 'node:fs';
import { featureBatches } from '../src/import/stream/jsonBatches';

interface StreamParser {
  onValue: (info: { value: unknown }) => void;
  write(text: string): void;
}
const LIBRARY = '@streamparser/json';
const { JSONParser } = (await import(LIBRARY)) as { JSONParser: new (options: { paths: string[]; keepStack: boolean }) => StreamParser };

const path = process.argv[2] ?? '/tmp/zq-poles-200000.geojson';
const runs = Number(process.argv[3] ?? 5);
const text = readFileSync(path, 'utf8');
const PIECE = 1 << 20;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function* pieces(): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += PIECE) yield text.slice(i, i + PIECE);
}

const times = { splitter: [] as number[], library: [] as number[] };
let counts = { splitter: 0, library: 0 };
for (let r = 0; r < runs; r++) {
  let t = performance.now();
  let n = 0;
  for await (const batch of featureBatches(pieces())) n += batch.length;
  times.splitter.push(performance.now() - t);
  counts.splitter = n;
  t = performance.now();
  n = 0;
  const parser = new JSONParser({ paths: ['$.features.*'], keepStack: false });
  parser.onValue = () => n++;
  for await (const piece of pieces()) parser.write(piece);
  times.library.push(performance.now() - t);
  counts = { ...counts, library: n };
}
if (counts.splitter !== counts.library) throw new Error(`feature counts differ: ${JSON.stringify(counts)}`);
console.log(`${path}: ${(text.length / 2 ** 20).toFixed(0)} M characters, ${counts.splitter.toLocaleString('en')} features, medians of ${runs}`);
console.log(`splitter + JSON.parse: ${median(times.splitter).toFixed(0)} ms; ${LIBRARY}: ${median(times.library).toFixed(0)} ms (${(median(times.library) / median(times.splitter)).toFixed(1)}×)`);
