import type { TestProject } from 'vitest/node';
import { testStack as stack } from './support';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The MapServer stack's path on lighttpd, e.g. http://127.0.0.1:8090/mapserv/citygis. */
    serverUrl: string;
    /** Its PostgreSQL port (a test writing mapfiles of its own points them at the same database). */
    serverPgPort: number;
  }
}

/** Installs the stack from Debian's packages when missing, starts it, loads the default dataset; stops it afterwards. */
export default function setup(project: TestProject) {
  stack.run('install.sh');
  stack.run('start.sh');
  try {
    stack.run('load.sh', '--fast', 'public/data');
  } catch (e) {
    stack.run('stop.sh');
    throw e;
  }
  project.provide('serverUrl', `${stack.mapserv}/citygis`);
  project.provide('serverPgPort', stack.pgPort);
  return () => {
    stack.run('stop.sh');
  };
}
