import type { AppConfig } from '../config';
import { createOgcApiSource } from './ogcApiSource';
import type { DataSource } from './source';
import { createStaticSource } from './staticSource';

import { createWorkerDecoder } from './workerDecoder';
import type { Decoder } from './decode';

let sharedDecoder: Decoder | null = null;

/** The app's data source; its payloads are parsed and validated in one shared worker, off the main thread. */
export function createDataSource(config: AppConfig, timeoutMs?: number): DataSource {
  sharedDecoder ??= createWorkerDecoder();
  const decoder = sharedDecoder;
  if (config.source === 'server') return createServerSource(`${config.serverUrl}/ogcapi`, timeoutMs);
  return config.source === 'api'
    ? createOgcApiSource({ baseUrl: config.apiUrl, decoder, timeoutMs })
    : createStaticSource({ baseUrl: config.dataUrl, decoder, timeoutMs });
}

/**
 * The bundled PostGIS + MapServer stack's OGC API (server/), read the way MapServer publishes it.
 * A page may wait two minutes (not 30 s): a server busy with other clients' statistics answers late.
 */
export function createServerSource(ogcApiUrl: string, timeoutMs = 120_000): DataSource {
  sharedDecoder ??= createWorkerDecoder();
  return createOgcApiSource({ baseUrl: ogcApiUrl, decoder: sharedDecoder, timeoutMs, ...MAPSERVER_READING });
}

/** How MapServer 8.0's OGC API is read (README, The server stack): from/to, flat properties, a bbox always, pages by key. */
export const MAPSERVER_READING = { timeParameters: 'fromTo', flatProperties: true, alwaysBbox: true, paging: 'after' } as const;
