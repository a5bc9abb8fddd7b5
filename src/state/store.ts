import { create } from 'zustand';
import type { DataError, FeatureIssue } from '../data/errors';
import type { LoadProgress } from '../data/source';
import type { TypedFeature } from '../data/validate';
import type { Lang } from '../i18n';
import { DOMAIN_LAYER_IDS, type CollectionId, type DomainLayerId } from '../layers/registry';
import { noFilters, toggleClass, type ClassFilter, type Filters, type TimeRange } from './filters';

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
  filters: Filters;
  /** The feature open in the details panel (an index into its layer's feature collection). */
  selected: FeatureRef | null;
  /** A request for the map to frame an extent; `seq` makes a repeated request for the same extent distinct. */
  /** A road found by search, outlined on the map. */
  highlightedRoad: string | null;
  viewRequest: { bbox: [number, number, number, number]; seq: number } | null;
  setLang(lang: Lang): void;
  setTheme(theme: Theme): void;
  setCollection(id: CollectionId, state: CollectionState): void;
  setLayerDisplay(id: DomainLayerId, display: Partial<LayerDisplay>): void;
  toggleClass(id: DomainLayerId, field: string, value: string): void;
  setClassFilter(id: DomainLayerId, filter: ClassFilter): void;
  selectTown(code: string | null): void;
  setTimeRange(range: TimeRange): void;
  clearFilters(): void;
  select(ref: FeatureRef | null): void;
  requestView(bbox: [number, number, number, number]): void;
  highlightRoad(name: string | null): void;
}

export interface FeatureRef {
  layer: DomainLayerId;
  id: string;
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
  filters: noFilters(),
  selected: null,
  toggleClass: (id, field, value) =>
    set((s) => ({ filters: { ...s.filters, classes: { ...s.filters.classes, [id]: toggleClass(id, s.filters.classes[id], field, value) } } })),
  setClassFilter: (id, filter) => set((s) => ({ filters: { ...s.filters, classes: { ...s.filters.classes, [id]: filter } } })),
  selectTown: (town) => set((s) => ({ filters: { ...s.filters, town } })),
  setTimeRange: (time) => set((s) => ({ filters: { ...s.filters, time } })),
  clearFilters: () => set({ filters: noFilters() }),
  select: (selected) => set({ selected }),
  viewRequest: null,
  highlightedRoad: null,
  highlightRoad: (highlightedRoad) => set({ highlightedRoad }),
  requestView: (bbox) => set((s) => ({ viewRequest: { bbox, seq: (s.viewRequest?.seq ?? 0) + 1 } })),
}));

const NO_FEATURES: never[] = [];

/** The loaded features of a collection, or one shared empty list (stable for selectors) while it loads or after it failed. */
export function selectFeatures<C extends CollectionId>(s: AppState, id: C): TypedFeature<C>[] {
  const c = s.collections[id];
  return c?.status === 'loaded' ? (c.features as TypedFeature<C>[]) : NO_FEATURES;
}
