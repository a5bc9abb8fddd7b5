import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * A server stack of its own (run folder and ports), so tests, the browser spec and the benchmark
 * never touch each other's or a developer's running stack. `run` calls a script of server/.
 */
export function serverStack(folder: string, pgPort: number, httpPort: number, dist = 'dist') {
  const env = { ...process.env, CITYGIS_RUN_DIR: resolve(folder), CITYGIS_PG_PORT: String(pgPort), CITYGIS_HTTP_PORT: String(httpPort), CITYGIS_DIST: resolve(dist) };
  return {
    origin: `http://127.0.0.1:${httpPort}`,
    /** MapServer's CGI path (tiles) and the OGC API's landing path. */
    mapserv: `http://127.0.0.1:${httpPort}/mapserv`,
    ogcApi: `http://127.0.0.1:${httpPort}/mapserv/citygis/ogcapi`,
    run: (script: string, ...args: string[]): string => execFileSync('bash', [`server/${script}`, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
  };
}
