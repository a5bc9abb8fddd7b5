import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export type DatabaseRole = 'citygis_owner' | 'citygis_web';

/**
 * A server stack of its own (run folder and ports), so tests, the browser spec and the benchmark
 * never touch each other's or a developer's running stack. `run` calls a script of server/;
 * `sql` runs a statement on its database as one of its two roles, with the password start.sh generated.
 */
export function serverStack(folder: string, pgPort: number, httpPort: number, dist = 'dist') {
  const runDir = resolve(folder);
  const env = { ...process.env, CITYGIS_RUN_DIR: runDir, CITYGIS_PG_PORT: String(pgPort), CITYGIS_HTTP_PORT: String(httpPort), CITYGIS_DIST: resolve(dist) };
  const databaseEnv = (role: DatabaseRole) => ({ ...process.env, PGHOST: '127.0.0.1', PGPORT: String(pgPort), PGUSER: role, PGDATABASE: 'citygis', PGPASSFILE: `${runDir}/secrets/pgpass` });
  return {
    runDir,
    pgPort,
    origin: `http://127.0.0.1:${httpPort}`,
    /** MapServer's CGI path (tiles) and the OGC API's landing path. */
    mapserv: `http://127.0.0.1:${httpPort}/mapserv`,
    ogcApi: `http://127.0.0.1:${httpPort}/mapserv/citygis/ogcapi`,
    run: (script: string, ...args: string[]): string => execFileSync('bash', [`server/${script}`, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
    /** The libpq environment of a role (its password from the run folder's password file). */
    databaseEnv,
    /** One statement as `role`; its rows, tab-separated. Throws with PostgreSQL's message when refused. */
    sql: (statement: string, role: DatabaseRole = 'citygis_owner'): string =>
      execFileSync('psql', ['-qXtA', '-v', 'ON_ERROR_STOP=1', '-c', statement], { env: databaseEnv(role), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim(),
  };
}
