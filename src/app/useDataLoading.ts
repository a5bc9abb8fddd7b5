import { useEffect } from 'react';
import type { AppConfig } from '../config';
import { COLLECTION_IDS, type CollectionId } from '../layers/registry';
import { loadData, takeEarlyLoad } from './loadData';
import { markCollectionsLoaded } from './stats/serverApi';

/** Loads every collection once, or takes over the load the entry started (live refresh, where wanted, is useLiveRefresh). */
export function useDataLoading(config: AppConfig): void {
  useEffect(() => {
    const started = takeEarlyLoad(config);
    const controller = started?.controller ?? new AbortController();
    const done = started?.done ?? loadData(config, COLLECTION_IDS, controller.signal);
    void done.then(() => {
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
  if (COLLECTION_IDS.includes(id)) void loadData(config, [id]);
}
