import type { AppConfig } from '../config';
import { readCollectionVersions } from '../data/collectionVersions';
import { createDataSource } from '../data/createSource';
import { loadCollections } from '../data/loadCollections';
import { loadServedCounts } from '../data/servedAssets';
import { SERVED_COLLECTIONS } from '../data/servedLayers';
import { COLLECTION_IDS, type CollectionId } from '../layers/registry';
import { useAppStore } from '../state/store';

/** The collections the page reads whole: with the server stack, all but the large layers it serves. */
const heldCollections = (config: AppConfig): readonly CollectionId[] =>
  config.source === 'server' ? COLLECTION_IDS.filter((id) => !SERVED_COLLECTIONS.includes(id)) : COLLECTION_IDS;

/** Loads collections into the store (each one's state as it changes). */
export async function loadData(config: AppConfig, ids: readonly CollectionId[], signal?: AbortSignal): Promise<unknown> {
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

interface StartedLoad {
  key: string;
  controller: AbortController;
  done: Promise<unknown>;
}

let early: StartedLoad | null = null;
/** Set once the app asked for the early load: the entry's start, if it comes later, must not load everything again. */
let handedOver = false;

/**
 * Starts loading every collection from the page's entry, while the page's own code is still being
 * fetched and run (half a second on a slow machine); useDataLoading then takes the load over.
 * Not with the mock API, which must be running before anything is asked of it.
 */
export function startLoadingEarly(config: AppConfig): void {
  // The entry imports this in parallel with the app: the app may have started its own load first.
  if (config.mockApi || early || handedOver) return;
  const controller = new AbortController();
  early = { key: JSON.stringify(config), controller, done: loadData(config, COLLECTION_IDS, controller.signal) };
}

/** The load started early for this configuration, handed over once; one for another configuration is stopped. */
export function takeEarlyLoad(config: AppConfig): StartedLoad | null {
  const started = early;
  early = null;
  handedOver = true;
  if (started && started.key === JSON.stringify(config)) return started;
  started?.controller.abort();
  return null;
}
