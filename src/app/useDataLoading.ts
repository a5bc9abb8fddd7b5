import { useEffect } from 'react';
import type { AppConfig } from '../config';
import { createDataSource } from '../data/createSource';
import { loadCollections } from '../data/loadCollections';
import { COLLECTION_IDS, type CollectionId } from '../layers/registry';
import { useAppStore } from '../state/store';

/** Case collections re-read on an interval when the source is a live API. */
const LIVE_COLLECTIONS: readonly CollectionId[] = ['lamp-faults', 'manhole-defects'];

export function useDataLoading(config: AppConfig): void {
  useEffect(() => {
    const source = createDataSource(config);
    const controller = new AbortController();
    const setCollection = useAppStore.getState().setCollection;
    void loadCollections(source, setCollection, controller.signal).then(() => {
      if (!controller.signal.aborted) document.documentElement.dataset.dataReady = 'true';
    });
    let timer: ReturnType<typeof setInterval> | undefined;
    if (config.source === 'api') {
      // Keep the last good data on screen while a refresh is in flight or fails.
      timer = setInterval(() => {
        void loadCollections(
          source,
          (id, state) => {
            if (state.status === 'loaded') setCollection(id, state);
          },
          controller.signal,
          LIVE_COLLECTIONS,
        );
      }, config.liveRefreshMs);
    }
    return () => {
      controller.abort();
      clearInterval(timer);
      delete document.documentElement.dataset.dataReady;
    };
  }, [config]);
}

export function retryCollection(config: AppConfig, id: CollectionId): void {
  if (!COLLECTION_IDS.includes(id)) return;
  void loadCollections(createDataSource(config), useAppStore.getState().setCollection, undefined, [id]);
}
