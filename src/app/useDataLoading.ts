import { useEffect } from 'react';
import type { AppConfig } from '../config';
import { readCollectionVersions } from '../data/collectionVersions';
import { createDataSource } from '../data/createSource';
import { loadCollections } from '../data/loadCollections';
import { loadServedCounts, SERVED_COLLECTIONS } from '../data/servedAssets';
import { COLLECTION_IDS, type CollectionId } from '../layers/registry';
import { useAppStore } from '../state/store';
import { markCollectionsLoaded } from './stats/serverApi';

/** The collections the page reads whole: with the server stack, all but the large layers it serves. */
const heldCollections = (config: AppConfig): readonly CollectionId[] =>
  config.source === 'server' ? COLLECTION_IDS.filter((id) => !SERVED_COLLECTIONS.includes(id)) : COLLECTION_IDS;

async function load(config: AppConfig, ids: readonly CollectionId[], signal?: AbortSignal): Promise<unknown> {
  const held = heldCollections(config).filter((id) => ids.includes(id));
  const served = config.source === 'server' ? SERVED_COLLECTIONS.filter((id) => ids.includes(id)) : [];
  // From the server stack, the change markers are read once, before anything they mark: a change
  // during the reads shows at the next refresh, which reads again only what moved (useLiveRefresh).
  const marks = config.source === 'server' ? await readCollectionVersions(`${config.serverUrl}/ogcapi`, signal) : null;
  const versions = marks?.ok ? marks.value : undefined;
  return Promise.all([
    held.length > 0 && loadHeld(config, held, versions, signal),
    served.length > 0 && loadServedCounts(`${config.serverUrl}/ogcapi`, useAppStore.getState().setCollection, signal, served, versions),
  ]);
}

/** The collections the page holds, each with its change marker when the server gave one. */
async function loadHeld(config: AppConfig, held: readonly CollectionId[], versions: ReadonlyMap<string, string> | undefined, signal?: AbortSignal): Promise<void> {
  const { setCollection } = useAppStore.getState();
  const marked: typeof setCollection = (id, state) => {
    const version = versions?.get(id);
    setCollection(id, state.status === 'loaded' && version !== undefined ? { ...state, version } : state);
  };
  await loadCollections(createDataSource(config), marked, signal, held);
}

/** Loads every collection once (live refresh, where wanted, is useLiveRefresh). */
export function useDataLoading(config: AppConfig): void {
  useEffect(() => {
    const controller = new AbortController();
    void load(config, COLLECTION_IDS, controller.signal).then(() => {
      if (controller.signal.aborted) return;
      document.documentElement.dataset.dataReady = 'true';
      markCollectionsLoaded();
    });
    return () => {
      controller.abort();
      delete document.documentElement.dataset.dataReady;
    };
  }, [config]);
}

export function retryCollection(config: AppConfig, id: CollectionId): void {
  if (COLLECTION_IDS.includes(id)) void load(config, [id]);
}
