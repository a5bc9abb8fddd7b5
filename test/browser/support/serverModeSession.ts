import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll } from 'vitest';
import { serverStack } from '../../support/serverStack';
import { openDashboardForSpec } from './session';

// Mingshui (明水街道), the urban centre.
const CENTRE: [number, number] = [117.53, 36.72];

/**
 * The built app served by a server stack's lighttpd, beside MapServer (same origin), switched to
 * the server by its address (?source=server): a stack of its own (folder and ports), started
 * before the spec's tests and stopped after them, and the dashboard open on it.
 */
export function openServerModeSpec(folder: string, pgPort: number, httpPort: number) {
  const stack = serverStack(folder, pgPort, httpPort);
  beforeAll(() => {
    stack.run('install.sh');
    stack.run('start.sh');
    stack.run('load.sh', 'dist/data');
  }, 180_000);
  afterAll(() => {
    stack.run('stop.sh');
  });
  const session = openDashboardForSpec(stack.origin, '?source=server');
  return {
    stack,
    origin: stack.origin,
    session,
    /** A statement on the stack's database, as another client of it would write. */
    sql: (statement: string) => stack.sql(statement),
    /** A collection of the data the stack was loaded with. */
    bundled: (name: string) => JSON.parse(readFileSync(`dist/data/${name}.geojson`, 'utf8')) as FeatureCollection,
    /** The parameters of every items request (not of a single item) the page made to one of the server's collections. */
    askedOf: (collection: string) =>
      session.watched.requested.map((u) => new URL(u)).filter((u) => u.pathname.endsWith(`/collections/${collection}/items`)).map((u) => u.searchParams),
    /** The features MapLibre drew in some of its layers. */
    rendered: (layers: string[]) => session.dashboard.page.evaluate((l) => window.__zqMap!.rendered(l), layers),
    /** The map at a zoom over the urban centre, once it is drawn. */
    async zoomTo(zoom: number) {
      await session.dashboard.page.evaluate(([c, z]) => window.__zqMap!.jumpTo(c, z), [CENTRE, zoom] as const);
      await session.dashboard.waitForMapIdle();
    },
  };
}
