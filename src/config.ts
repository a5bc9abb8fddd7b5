import { sameOriginPath } from './data/sameOriginPath';
import { DATA_END_MS } from './layers/common/time';

/** How the app finds its data and basemap; set at build time (VITE_*) or, for data, per page with ?source=. */
export interface AppConfig {
  /** static: the bundled files; api: any OGC API - Features server; server: the bundled PostGIS + MapServer stack (server/). */
  source: 'static' | 'api' | 'server';
  /** Folder of the bundled GeoJSON files and manifest.json. */
  dataUrl: string;
  /** OGC API - Features landing path. */
  apiUrl: string;
  /** The MapServer stack's path (server/): its OGC API is under `${serverUrl}/ogcapi`. */
  serverUrl: string;
  /** Its vector tiles: {x} {y} {z} and {layers} (MapServer layer groups joined with +) are filled in. */
  serverTilesUrl: string;
  /** Start the MSW mock of the API in the page (dev "live feed" mode). */
  mockApi: boolean;
  liveFeedMs: number;
  /** How often case collections are re-read from a live API. */
  liveRefreshMs: number;
  /** Optional online raster basemap (an XYZ URL template, e.g. Tianditu with a key). Never required. */
  basemapXyz: string | null;
  /** Optional online MapLibre style URL drawn under the district's layers. Never required. */
  basemapStyle: string | null;
}

export function readConfig(env: Record<string, string | undefined>, search: string): AppConfig {
  const params = new URLSearchParams(search);
  const base = (env.BASE_URL ?? '/').replace(/\/$/, '');
  const mockApi = env.VITE_MOCK_API === 'true';
  const wanted = params.get('source') ?? env.VITE_DATA_SOURCE ?? (mockApi ? 'api' : 'static');
  const source = wanted === 'api' || wanted === 'server' ? wanted : 'static';
  return {
    source,
    dataUrl: env.VITE_DATA_URL ?? `${base}/data`,
    apiUrl: env.VITE_API_URL ?? `${base}/api`,
    serverUrl: env.VITE_SERVER_URL ?? `${base}/mapserv/citygis`,
    serverTilesUrl: env.VITE_SERVER_TILES_URL ?? `${base}/mapserv?map=citygis&mode=tile&tilemode=gmap&tile={x}+{y}+{z}&layers={layers}&map.imagetype=mvt`,
    mockApi,
    liveFeedMs: Number(env.VITE_LIVE_FEED_MS ?? 5000),
    liveRefreshMs: Number(env.VITE_LIVE_REFRESH_MS ?? 30_000),
    basemapXyz: env.VITE_BASEMAP_XYZ || null,
    // A style named in the page address must stay on the app's own origin, so a link cannot make the app fetch elsewhere.
    basemapStyle: sameOriginPath(params.get('basemap')) ?? (env.VITE_BASEMAP_STYLE || null),
  };
}

/** Sources that change while the page is open: their cases are re-read and "now" is the clock, not the data's end. */
export function isLiveSource(config: Pick<AppConfig, 'source'>): boolean {
  return config.source !== 'static';
}

/** The latest moment the data can hold: the bundled data's end (2026-10-31), or now for a live source. */
export function latestDataMoment(config: Pick<AppConfig, 'source'>): number {
  return isLiveSource(config) ? Date.now() : DATA_END_MS;
}
