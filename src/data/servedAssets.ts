import { z } from 'zod';
import type { CollectionState } from '../state/store';
import { DOMAIN_LAYERS, type CollectionId } from '../layers/registry';
import type { ClassCount } from '../map/columns/countTable';
import { readCaseCounts, type CaseCount } from './servedCases';
import { SERVED_ASSET_LAYERS, SERVED_CASE_LAYERS, SERVED_COLLECTIONS, type ServedAssetLayerId, type ServedCaseLayerId } from './servedLayers';
import type { TimeRange } from '../state/filters';
import { readCollectionVersions } from './collectionVersions';
import { dataError, type DataError } from './errors';
import { fetchJson } from './http';
import { itemsPageUrl } from './query';
import { err, ok, type Result } from './result';

/** Assets of one layer in one town holding one value of each of the layer's filter attributes (in filter order). */
export interface AssetCount extends ClassCount {
  layer: ServedAssetLayerId;
  values: readonly [string, string];
}

const row = z.object({
  properties: z.object({
    layer: z.enum(SERVED_ASSET_LAYERS),
    town: z.string(),
    k1: z.string(),
    k2: z.string(),
    assets: z.number().int().nonnegative(),
  }),
});
const page = z.object({ features: z.array(row) });

export const assetCountsUrl = (ogcApiUrl: string) => itemsPageUrl(ogcApiUrl, 'asset-counts', { limit: '10000' });

/** The rows of an asset-counts page, or what is wrong with it. */
export function parseAssetCounts(payload: unknown): Result<AssetCount[], string> {
  const parsed = page.safeParse(payload);
  if (!parsed.success) return err(parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return ok(parsed.data.features.map(({ properties: p }) => ({ layer: p.layer, town: p.town, values: [p.k1, p.k2] as const, count: p.assets })));
}

/**
 * The served collections' states, or why they could not be read, each with its change marker from
 * `versions` (collection-versions, read before the counts) when given:
 * - assets: their counts per town and class (asset-counts); their case collection: its size (collection-sizes);
 * - case layers (patches, railway issues): their cases of all time per town and class (case-counts);
 *   the counts of the time range shown follow (useServedCaseRanges).
 */
export async function loadServedCounts(
  ogcApiUrl: string,
  onState: (id: CollectionId, state: CollectionState) => void,
  signal?: AbortSignal,
  ids = SERVED_COLLECTIONS,
  versions?: ReadonlyMap<string, string>,
): Promise<boolean> {
  const asked = SERVED_COLLECTIONS.filter((id) => ids.includes(id));
  for (const id of asked) onState(id, { status: 'loading', progress: null });
  const versionOf = (id: CollectionId) => versions?.get(id);
  const [{ assets, sizes }, caseCounts] = await Promise.all([readServed(ogcApiUrl, signal), readCaseCounts(ogcApiUrl, undefined, signal)]);
  const cases = SERVED_ASSET_LAYERS.map((l) => caseCountOf(sizes, DOMAIN_LAYERS[l].cases));
  const loadedAt = Date.now();
  SERVED_ASSET_LAYERS.forEach((layer, i) => {
    const { features, cases: caseId } = DOMAIN_LAYERS[layer];
    if (asked.includes(features)) onState(features, assets.ok ? { ...assetsState(layer, assets.value, loadedAt), version: versionOf(features) } : { status: 'error', error: { ...assets.error, collection: features } });
    const count = cases[i];
    if (asked.includes(caseId)) onState(caseId, count.ok ? { status: 'served', count: count.value, loadedAt, version: versionOf(caseId) } : { status: 'error', error: count.error });
  });
  for (const layer of SERVED_CASE_LAYERS) {
    const id = DOMAIN_LAYERS[layer].features;
    if (asked.includes(id)) onState(id, caseCounts.ok ? { ...caseLayerState(caseCounts.value[layer], loadedAt), version: versionOf(id) } : { status: 'error', error: { ...caseCounts.error, collection: id } });
  }
  return assets.ok && cases.every((c) => c.ok) && caseCounts.ok;
}

/** A served layer's assets: its rows of the counts, and how many assets they add up to. */
function assetsState(layer: ServedAssetLayerId, rows: readonly AssetCount[], loadedAt: number): CollectionState & { status: 'served' } {
  const counts = rows.filter((c) => c.layer === layer);
  return { status: 'served', counts, count: counts.reduce((n, c) => n + c.count, 0), loadedAt };
}

/** A served case layer: its cases of all time per town and class, and how many they add up to. */
function caseLayerState(rows: readonly CaseCount[], loadedAt: number, rangeCounts?: { range: TimeRange; rows: readonly CaseCount[] }): CollectionState & { status: 'served' } {
  return { status: 'served', counts: rows, count: rows.reduce((n, c) => n + c.count, 0), loadedAt, ...(rangeCounts ? { rangeCounts } : {}) };
}

/** Both documents a served asset layer's figures come from, asked together. */
async function readServed(ogcApiUrl: string, signal?: AbortSignal) {
  const [assets, sizes] = await Promise.all([readServedCounts(ogcApiUrl, signal), readCollectionSizes(ogcApiUrl, signal)]);
  return { assets, sizes };
}

/**
 * One live refresh of a served asset layer (the live loop's step). When the server's change markers of
 * its assets and cases have not moved since they were shown, nothing is read and nothing renewed.
 * Otherwise its asset counts and its number of cases are read again, and the case collection's
 * state is renewed, which is what makes the page ask the server's statistics again; the asset
 * counts only when they changed. A failure, or no cases where there were some, leaves the states
 * as they were and says why. (A server without markers renews on every success.)
 */
export async function refreshServed(
  ogcApiUrl: string,
  layer: ServedAssetLayerId,
  shown: { counts?: readonly ClassCount[]; cases: number; versions?: readonly [string | undefined, string | undefined] },
  onState: (id: CollectionId, state: CollectionState) => void,
  signal?: AbortSignal,
): Promise<string | null> {
  const { features, cases } = DOMAIN_LAYERS[layer];
  const versions = await readCollectionVersions(ogcApiUrl, signal);
  const marks = versions.ok ? ([versions.value.get(features), versions.value.get(cases)] as const) : undefined;
  if (marks?.every((m, i) => m !== undefined && m === shown.versions?.[i])) return null;
  const { assets, sizes } = await readServed(ogcApiUrl, signal);
  const count = caseCountOf(sizes, cases);
  if (!assets.ok) return assets.error.message;
  if (!count.ok) return count.error.message;
  if (count.value === 0 && shown.cases > 0) return `${cases}: the server counts no cases (${shown.cases} before); keeping the last good figures`;
  const loadedAt = Date.now();
  const fresh = { ...assetsState(layer, assets.value, loadedAt), version: marks?.[0] };
  if (JSON.stringify(fresh.counts) !== JSON.stringify(shown.counts ?? null) || fresh.version !== shown.versions?.[0]) onState(features, fresh);
  onState(cases, { status: 'served', count: count.value, loadedAt, version: marks?.[1] });
  return null;
}

/**
 * One live refresh of a served case layer. When its change marker has not moved, nothing is read.
 * Otherwise its counts of all time and of the range shown are read together and replace the
 * state at once (the legends never mix two readings), which also makes the page ask the server's
 * statistics again. A failure, or no cases where there were some, keeps the last good state and says why.
 */
export async function refreshServedCases(
  ogcApiUrl: string,
  layer: ServedCaseLayerId,
  shown: { cases: number; version?: string },
  range: TimeRange,
  onState: (id: CollectionId, state: CollectionState) => void,
  signal?: AbortSignal,
): Promise<string | null> {
  const id = DOMAIN_LAYERS[layer].features;
  const versions = await readCollectionVersions(ogcApiUrl, signal);
  const mark = versions.ok ? versions.value.get(id) : undefined;
  if (mark !== undefined && mark === shown.version) return null;
  const [all, inRange] = await Promise.all([readCaseCounts(ogcApiUrl, undefined, signal), readCaseCounts(ogcApiUrl, range, signal)]);
  if (!all.ok) return all.error.message;
  if (!inRange.ok) return inRange.error.message;
  const fresh = caseLayerState(all.value[layer], Date.now(), { range, rows: inRange.value[layer] });
  if (fresh.count === 0 && shown.cases > 0) return `${id}: the server counts no cases (${shown.cases} before); keeping the last good figures`;
  onState(id, { ...fresh, version: mark });
  return null;
}

async function readServedCounts(ogcApiUrl: string, signal?: AbortSignal): Promise<Result<AssetCount[], DataError>> {
  const url = assetCountsUrl(ogcApiUrl);
  const res = await fetchJson(url, 'asset-counts', { signal, timeoutMs: 30_000 });
  if (!res.ok) return res;
  const rows = parseAssetCounts(res.value);
  return rows.ok ? rows : err(dataError('payload', 'asset-counts', `asset-counts: ${rows.error} (${url})`));
}

const sizeRow = z.object({ properties: z.object({ id: z.string(), features: z.number().int().nonnegative() }) });
const sizesPage = z.object({ features: z.array(sizeRow) });

/**
 * How many cases each served case collection has, counted by the server when asked
 * (collection-sizes): an items page's numberMatched would test every row against its bbox.
 */
async function readCollectionSizes(ogcApiUrl: string, signal?: AbortSignal): Promise<Result<Map<string, number>, DataError>> {
  const url = itemsPageUrl(ogcApiUrl, 'collection-sizes', { limit: '100' });
  const res = await fetchJson(url, 'collection-sizes', { signal, timeoutMs: 30_000 });
  if (!res.ok) return res;
  const parsed = sizesPage.safeParse(res.value);
  if (!parsed.success) return err(dataError('payload', 'collection-sizes', `collection-sizes: not a page of sizes (${url})`));
  return ok(new Map(parsed.data.features.map((f) => [f.properties.id, f.properties.features])));
}

/** One case collection's size out of the sizes read, or why it is missing. */
function caseCountOf(sizes: Result<Map<string, number>, DataError>, id: CollectionId): Result<number, DataError> {
  if (!sizes.ok) return err({ ...sizes.error, collection: id });
  const n = sizes.value.get(id);
  return n === undefined ? err(dataError('payload', id, `${id}: the server's collection-sizes does not count it`)) : ok(n);
}
