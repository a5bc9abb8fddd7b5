import { COLLECTION_IDS, type CollectionId } from '../layers/registry';
import type { CollectionState } from '../state/store';
import { dataError } from './errors';
import type { DataSource } from './source';

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
  const loadOne = async (id: CollectionId) => {
    try {
      const result = await source.getCollection(id, { signal, onProgress: (progress) => onState(id, { status: 'loading', progress }) });
      onState(id, result.ok ? { status: 'loaded', features: result.value.features, rejected: result.value.rejected, loadedAt: Date.now(), fingerprint: result.value.fingerprint } : { status: 'error', error: result.error });
    } catch (e) {
      // Sources return errors as values; anything thrown (a crashed worker, a bug) still ends as this layer's error.
      onState(id, { status: 'error', error: dataError('internal', id, `${id}: ${e instanceof Error ? e.message : String(e)}`) });
    }
  };
  await Promise.all(ordered.filter((id) => LOAD_ORDER.includes(id)).map(loadOne));
  await Promise.all(ordered.filter((id) => !LOAD_ORDER.includes(id)).map(loadOne));
}
