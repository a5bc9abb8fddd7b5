import { create } from 'zustand';
import type { DataError, FeatureIssue } from '../data/errors';
import type { LoadProgress } from '../data/source';
import type { TypedFeature } from '../data/validate';
import type { Lang } from '../i18n';
import { DOMAIN_LAYER_IDS, type CollectionId, type DomainLayerId } from '../layers/registry';

export type Theme = 'light' | 'dark';

export type CollectionState =
  | { status: 'idle' }
  | { status: 'loading'; progress: LoadProgress | null }
  | { status: 'loaded'; features: TypedFeature<CollectionId>[]; rejected: FeatureIssue[]; loadedAt: number }
  | { status: 'error'; error: DataError };

export interface LayerDisplay {
  visible: boolean;
  /** 0 (transparent) to 1 (opaque). */
  opacity: number;
}

export interface AppState {
  lang: Lang;
  theme: Theme;
  collections: Partial<Record<CollectionId, CollectionState>>;
  layers: Record<DomainLayerId, LayerDisplay>;
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  setCollection(id: CollectionId, state: CollectionState): void;
  setLayerDisplay(id: DomainLayerId, display: Partial<LayerDisplay>): void;
}

export const useAppStore = create<AppState>((set) => ({
  lang: 'zh',
  theme: 'light',
  collections: {},
  layers: Object.fromEntries(DOMAIN_LAYER_IDS.map((id) => [id, { visible: true, opacity: 1 }])) as Record<DomainLayerId, LayerDisplay>,
  setLang: (lang) => set({ lang }),
  setTheme: (theme) => set({ theme }),
  setCollection: (id, state) => set((s) => ({ collections: { ...s.collections, [id]: state } })),
  setLayerDisplay: (id, display) => set((s) => ({ layers: { ...s.layers, [id]: { ...s.layers[id], ...display } } })),
}));

const NO_FEATURES: never[] = [];

/** The loaded features of a collection, or one shared empty list (stable for selectors) while it loads or after it failed. */
export function selectFeatures<C extends CollectionId>(s: AppState, id: C): TypedFeature<C>[] {
  const c = s.collections[id];
  return c?.status === 'loaded' ? (c.features as TypedFeature<C>[]) : NO_FEATURES;
}
