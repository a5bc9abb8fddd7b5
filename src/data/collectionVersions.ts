import { z } from 'zod';
import type { CollectionId } from '../layers/registry';
import { dataError, type DataError } from './errors';
import { fetchJson } from './http';
import { itemsPageUrl } from './query';
import { err, ok, type Result } from './result';

const page = z.object({ features: z.array(z.object({ properties: z.object({ id: z.string(), version: z.string() }) })) });

/**
 * The server's change marker of each collection (collection-versions: read in a moment, no table
 * scanned). A collection whose marker has not moved since the page read it need not be read again.
 */
export async function readCollectionVersions(ogcApiUrl: string, signal?: AbortSignal): Promise<Result<Map<string, string>, DataError>> {
  const url = itemsPageUrl(ogcApiUrl, 'collection-versions', { limit: '100' });
  const res = await fetchJson(url, 'collection-versions', { signal, timeoutMs: 30_000 });
  if (!res.ok) return res;
  const parsed = page.safeParse(res.value);
  if (!parsed.success) return err(dataError('payload', 'collection-versions', `collection-versions: not a page of versions (${url})`));
  return ok(new Map(parsed.data.features.filter((f) => f.properties.version !== '').map((f) => [f.properties.id, f.properties.version])));
}

/**
 * One live refresh of a collection the page holds, from a server that marks changes: read again
 * (and the marker kept with it) only when the marker moved from the one `shown` was read at.
 * Resolves to null on success (nothing to read counts), or to why it failed.
 */
export async function refreshWhenChanged(
  id: CollectionId,
  shownVersion: string | undefined,
  readVersions: () => Promise<Result<Map<string, string>, DataError>>,
  reread: (version: string | undefined) => Promise<string | null>,
): Promise<string | null> {
  const versions = await readVersions();
  if (!versions.ok) return versions.error.message;
  const version = versions.value.get(id);
  if (version !== undefined && version === shownVersion) return null;
  return reread(version);
}
