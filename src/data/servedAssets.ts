import { z } from 'zod';
import type { CollectionState } from '../state/store';
import { DOMAIN_LAYERS, type CollectionId, type DomainLayerId } from '../layers/registry';
import { dataError, type DataError } from './errors';
import { fetchJson } from './http';
import { WORLD_BBOX } from './query';
import { err, ok, type Result } from './result';

/**
 * The large layers the server stack keeps to itself (source=server): the map draws them from its
 * vector tiles, and the page holds only how many there are per town and filter class.
 */
export const SERVED_LAYERS = ['streetLamps', 'manholes'] as const satisfies readonly DomainLayerId[];
export type ServedLayerId = (typeof SERVED_LAYERS)[number];
export const SERVED_COLLECTIONS: readonly CollectionId[] = SERVED_LAYERS.map((l) => DOMAIN_LAYERS[l].features);

/** Assets of one layer in one town holding one value of each of the layer's filter attributes (in filter order). */
export interface AssetCount {
  layer: ServedLayerId;
  town: string;
  values: readonly [string, string];
  assets: number;
}

const row = z.object({
  properties: z.object({
    layer: z.enum(SERVED_LAYERS),
    town: z.string(),
    k1: z.string(),
    k2: z.string(),
    assets: z.number().int().nonnegative(),
  }),
});
const page = z.object({ features: z.array(row) });

export const assetCountsUrl = (ogcApiUrl: string) => `${ogcApiUrl.replace(/\/$/, '')}/collections/asset-counts/items?f=json&limit=10000&bbox=${WORLD_BBOX}`;

/** The rows of an asset-counts page, or what is wrong with it. */
export function parseAssetCounts(payload: unknown): Result<AssetCount[], string> {
  const parsed = page.safeParse(payload);
  if (!parsed.success) return err(parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return ok(parsed.data.features.map(({ properties: p }) => ({ layer: p.layer, town: p.town, values: [p.k1, p.k2] as const, assets: p.assets })));
}

/** The served collections' states: their counts from the server's asset-counts, or why they could not be read. */
export async function loadServedCounts(ogcApiUrl: string, onState: (id: CollectionId, state: CollectionState) => void, signal?: AbortSignal): Promise<void> {
  for (const id of SERVED_COLLECTIONS) onState(id, { status: 'loading', progress: null });
  const result = await readServedCounts(ogcApiUrl, signal);
  for (const layer of SERVED_LAYERS) {
    const id = DOMAIN_LAYERS[layer].features;
    if (!result.ok) {
      onState(id, { status: 'error', error: { ...result.error, collection: id } });
      continue;
    }
    const counts = result.value.filter((c) => c.layer === layer);
    onState(id, { status: 'served', counts, count: counts.reduce((n, c) => n + c.assets, 0), loadedAt: Date.now() });
  }
}

async function readServedCounts(ogcApiUrl: string, signal?: AbortSignal): Promise<Result<AssetCount[], DataError>> {
  const url = assetCountsUrl(ogcApiUrl);
  const res = await fetchJson(url, 'asset-counts', { signal, timeoutMs: 30_000 });
  if (!res.ok) return res;
  const rows = parseAssetCounts(res.value);
  return rows.ok ? rows : err(dataError('payload', 'asset-counts', `asset-counts: ${rows.error} (${url})`));
}
