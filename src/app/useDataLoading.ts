import { useEffect } from 'react';
import type { AppConfig } from '../config';
import { createDataSource } from '../data/createSource';
import { loadCollections } from '../data/loadCollections';
import { COLLECTION_IDS, type CollectionId } from '../layers/registry';
import { useAppStore } from '../state/store';

/** Loads every collection once (live refresh, where wanted, is useLiveRefresh). */
export function useDataLoading(config: AppConfig): void {
  useEffect(() => {
    const source = createDataSource(config);
    const controller = new AbortController();
    const setCollection = useAppStore.getState().setCollection;
    void loadCollections(source, setCollection, controller.signal).then(() => {
      if (!controller.signal.aborted) document.documentElement.dataset.dataReady = 'true';
    });
    return () => {
      controller.abort();
      delete document.documentElement.dataset.dataReady;
    };
  }, [config]);
}

export function retryCollection(config: AppConfig, id: CollectionId): void {
  if (!COLLECTION_IDS.includes(id)) return;
  void loadCollections(createDataSource(config), useAppStore.getState().setCollection, undefined, [id]);
}
