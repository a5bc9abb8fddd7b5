import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The MapServer stack's path on lighttpd, e.g. http://127.0.0.1:8090/mapserv/citygis. */
    serverUrl: string;
    pgPort: string;
  }
}

/** A stack of its own for the tests (own folder and ports), so a developer's running stack is left alone. */
const env = { ...process.env, CITYGIS_RUN_DIR: resolve('.server-test'), CITYGIS_PG_PORT: '55433', CITYGIS_HTTP_PORT: '8090' };
const run = (script: string, ...args: string[]) => execFileSync('bash', [`server/${script}`, ...args], { env, stdio: 'inherit' });

/** Installs the stack from Debian's packages when missing, starts it, loads the default dataset; stops it afterwards. */
export default function setup(project: TestProject) {
  run('install.sh');
  run('start.sh');
  try {
    run('load.sh', 'public/data');
  } catch (e) {
    run('stop.sh');
    throw e;
  }
  project.provide('serverUrl', `http://127.0.0.1:${env.CITYGIS_HTTP_PORT}/mapserv/citygis`);
  project.provide('pgPort', env.CITYGIS_PG_PORT);
  return () => run('stop.sh');
}
