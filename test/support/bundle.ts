import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The built page's files, read from `dist` (the production build the browser tests run). */
export function builtBundle(dist = 'dist') {
  const assets = readdirSync(join(dist, 'assets'));
  const read = (file: string) => readFileSync(join(dist, 'assets', file), 'utf8');
  /** A chunk and every chunk it imports statically, transitively (what must load before it runs). */
  const staticClosure = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const [, dep] of read(file).matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) staticClosure(dep, seen);
    return seen;
  };
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))![1];
  /** The chunk a name starts with (e.g. 'App-'): one, or the test is out of date. */
  const chunk = (prefix: string) => {
    const found = assets.filter((f) => f.startsWith(prefix) && f.endsWith('.js'));
    if (found.length !== 1) throw new Error(`expected one ${prefix}*.js chunk, found ${found.join(', ') || 'none'}`);
    return found[0];
  };
  const gzipBytes = (files: Iterable<string>) => [...files].reduce((total, f) => total + gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length, 0);
  return { assets, entry, chunk, staticClosure, gzipBytes, read };
}
