import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.pbf': 'application/x-protobuf',
};

/** As vite preview and the server stack send them: the page may share memory with its workers. */
export const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/**
 * The built app at /, the chosen data folder at /data (so one build serves every scale).
 * `answer` may answer a path itself (true) or only watch it (false) before the files are looked up.
 */
export function serve(dist: string, data: string, answer?: (path: string, res: ServerResponse) => boolean): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (answer?.(path, res)) return;
    const file = path.startsWith('/data/') ? join(data, path.slice('/data/'.length)) : join(dist, path === '/' ? 'index.html' : path);
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': statSync(file).size, ...ISOLATION });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** Proportional set size of every Chromium process, summed (shared pages counted once). */
export function chromiumPssMb(): number {
  return chromiumPssByType().all;
}

/** The same, and the renderer processes' share alone (the pages and their workers). */
export function chromiumPssByType(): { all: number; renderer: number } {
  let [all, renderer] = [0, 0];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('chromium')) continue;
      const pss = /^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (!pss) continue;
      all += Number(pss[1]);
      if (cmdline.includes('--type=renderer')) renderer += Number(pss[1]);
    } catch {
      // The process ended while being read.
    }
  }
  return { all: all / 1024, renderer: renderer / 1024 };
}
