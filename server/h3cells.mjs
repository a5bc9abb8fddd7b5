// H3 cells for the hot spots, computed while loading (PostGIS in Debian 12 has no H3 extension):
// the same cells as the browser engine (h3-js, resolution 8, src/stats/hotspots/hotCells.ts).
// Reads COPY text rows from stdin and writes COPY text rows to stdout:
//   node server/h3cells.mjs cases     tbl \t id \t lon \t lat  →  tbl \t id \t cell
//   node server/h3cells.mjs centres   cell                     →  cell \t lon \t lat
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { cellToLatLng, latLngToCell } from 'h3-js';

const RESOLUTION = 8;
const mode = process.argv[2];
if (mode !== 'cases' && mode !== 'centres') {
  console.error('usage: node server/h3cells.mjs cases|centres < rows');
  process.exit(2);
}
const out = [];
const flush = async () => {
  const chunk = out.join('');
  out.length = 0;
  if (chunk && !process.stdout.write(chunk)) await once(process.stdout, 'drain');
};
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line) continue;
  const f = line.split('\t');
  if (mode === 'cases') out.push(`${f[0]}\t${f[1]}\t${latLngToCell(Number(f[3]), Number(f[2]), RESOLUTION)}\n`);
  else {
    const [lat, lng] = cellToLatLng(f[0]);
    out.push(`${f[0]}\t${lng}\t${lat}\n`);
  }
  if (out.length >= 10_000) await flush();
}
await flush();
