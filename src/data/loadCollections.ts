import { COLLECTION_IDS, type CollectionId } from '../layers/registry';
import type { CollectionState } from '../state/store';
import { dataError } from './errors';
import type { DataSource } from './source';

/**
 * The most features one page holds whole. At 10× the district (1.2 M) it works, with 650 MB of JS
 * heap; 100× (12 M, 4.7 GB of GeoJSON) would end in a crashed or frozen tab. Such a dataset
 * belongs on the server stack (source=server), which draws it from tiles.
 */
export const MAX_PAGE_FEATURES = 3_000_000;

/** Base map first, so the district shows while the large layers stream in. */
const LOAD_ORDER: readonly CollectionId[] = ['district', 'towns', 'roads', 'railways', 'railway-corridor'];

/** Loads every collection, reporting each one's state as it changes; a failure stays with its collection. */
export async function loadCollections(
  source: DataSource,
  onState: (id: CollectionId, state: CollectionState) => void,
  signal?: AbortSignal,
  ids: readonly CollectionId[] = COLLECTION_IDS,
): Promise<void> {
  const ordered = [...LOAD_ORDER.filter((id) => ids.includes(id)), ...ids.filter((id) => !LOAD_ORDER.includes(id))];
  for (const id of ordered) onState(id, { status: 'loading', progress: null });
  // What the bundled files' manifest says they hold, read before anything large is fetched: too much is refused up front.
  const listed = source.kind === 'static' ? await source.listCollections(signal) : null;
  const total = listed?.ok ? listed.value.reduce((sum, c) => sum + (c.count ?? 0), 0) : 0;
  const tooLarge = total > MAX_PAGE_FEATURES;
  const loadOne = async (id: CollectionId) => {
    if (tooLarge && !LOAD_ORDER.includes(id)) {
      const message = `${id}: the dataset holds ${total.toLocaleString('en')} features, more than a browser tab can hold (${MAX_PAGE_FEATURES.toLocaleString('en')}); open it from the server stack instead (?source=server)`;
      return onState(id, { status: 'error', error: { ...dataError('tooLarge', id, message), total, limit: MAX_PAGE_FEATURES } });
    }
    try {
      const result = await source.getCollection(id, { signal, onProgress: (progress) => onState(id, { status: 'loading', progress }) });
      onState(
        id,
        result.ok
          ? { status: 'loaded', table: result.value.table, rejected: result.value.rejected, loadedAt: Date.now(), fingerprint: result.value.fingerprint, version: result.value.version }
          : { status: 'error', error: result.error },
      );
    } catch (e) {
      // Sources return errors as values; anything thrown (a crashed worker, a bug) still ends as this layer's error.
      onState(id, { status: 'error', error: dataError('internal', id, `${id}: ${e instanceof Error ? e.message : String(e)}`) });
    }
  };
  await Promise.all(ordered.filter((id) => LOAD_ORDER.includes(id)).map(loadOne));
  await Promise.all(ordered.filter((id) => !LOAD_ORDER.includes(id)).map(loadOne));
}
