import { create } from 'zustand';
import type { DataError, FeatureIssue } from '../data/errors';
import type { ClassCount } from '../map/columns/countTable';
import type { LoadProgress } from '../data/source';
import type { TypedFeature } from '../data/validate';
import { emptyTable, type FeatureTable } from '../data/columnar/featureTable';
import { featuresOf } from '../data/columnar/readTable';
import type { TownIndex } from '../stats/towns/townIndex';
import type { Lang } from '../i18n';
import { DATA_END_MS } from '../layers/common/time';
import { DOMAIN_LAYER_IDS, type CollectionId, type DomainLayerId } from '../layers/registry';
import { noFilters, toggleClass, type ClassFilter, type Filters, type TimeRange } from './filters';
import { DEFAULT_PANELS, type MapViewState, type PanelState } from './panels';
import type { WarningTarget } from './warningTarget';

export type Theme = 'light' | 'dark';

export type CollectionState =
  | { status: 'idle' }
  | { status: 'loading'; progress: LoadProgress | null }
  | {
      status: 'loaded';
      /** The features as columns (see FeatureTable); objects are rebuilt only for the few a user looks at. */
      table: FeatureTable;
      rejected: FeatureIssue[];
      loadedAt: number;
      fingerprint?: string;
      importedFrom?: string;
      /** The server's change marker when it was read (source=server: collection-versions). */
      version?: string;
    }
  | { status: 'error'; error: DataError }
  /**
   * Kept on the server (source=server): its assets drawn from the server's tiles, its figures from
   * the server's statistics. The page holds how many there are, and for assets how many per town and class.
   */
  | {
      status: 'served';
      count: number;
      /** Per town and class: assets, or a case layer's cases of all time. */
      counts?: readonly ClassCount[];
      /** A case layer's cases per town and class in one time range (the legends' "shown"), as loaded at `loadedAt`. */
      rangeCounts?: { range: TimeRange; rows: readonly ClassCount[] };
      /** Why the counts of this range could not be read (they are asked again). */
      rangeCountsFailed?: { range: TimeRange; message: string };
      loadedAt: number;
      version?: string;
    };

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
  /** The moment the data is read as of: the end of the bundled data, or now for a live API. */
  asOf: number;
  viewRequest: { bbox: [number, number, number, number]; seq: number } | null;
  /** Where the map is looking, as last reported by the map (null until it has moved or been told). */
  mapView: MapViewState | null;
  /** A request for the map to jump to a view (a link or history step being restored). */
  viewJump: { view: MapViewState; seq: number } | null;
  panels: PanelState;
  /** Hot-spot cells to draw on the map (derived from the engine; null when the layer is off). */
  hotCells: MapHotCell[] | null;
  /** The early warnings drawn on the map (the panel's switch), or null. */
  warningMarks: WarningMarks | null;
  /** Set once the user imported their own region boundaries: places every feature loaded later. */
  importedRegions: TownIndex | null;
  /** Town label size on the map, in CSS pixels. */
  labelSize: number;
  setLabelSize(size: number): void;
  setHotCells(cells: MapHotCell[] | null): void;
  setWarningMarks(marks: WarningMarks | null): void;
  setMapView(view: MapViewState): void;
  setPanel<K extends keyof PanelState>(key: K, value: PanelState[K]): void;
  /** Restores a saved view (from the address): every part given replaces the current one at once. */
  restoreView(view: RestorableView): void;
  setLang(lang: Lang): void;
  setAsOf(asOf: number): void;
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

/** The early warnings as the map draws them: cells standing out, and cases due soon and assets failing again as points. */
/** A warning drawn on the map: what its tooltip says (lines in the user's language) and what a click opens. */
export interface WarningMark {
  note: string[];
  target: WarningTarget;
}

export interface WarningMarks {
  cells: (WarningMark & { boundary: [number, number][] })[];
  points: (WarningMark & { position: [number, number]; kind: 'critical' | 'high' | 'watch' | 'repeat' })[];
}

export interface MapHotCell {
  boundary: [number, number][];
  count: number;
  /** count / the busiest cell's count, for the colour ramp. */
  share: number;
}

export interface RestorableView {
  lang?: Lang;
  theme?: Theme;
  filters?: Filters;
  layers?: Record<DomainLayerId, LayerDisplay>;
  panels?: PanelState;
  mapView?: MapViewState | null;
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
  asOf: DATA_END_MS,
  setAsOf: (asOf) => set({ asOf }),
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
  mapView: null,
  viewJump: null,
  panels: DEFAULT_PANELS,
  hotCells: null,
  warningMarks: null,
  labelSize: 15,
  importedRegions: null,
  setLabelSize: (labelSize) => set({ labelSize }),
  setHotCells: (hotCells) => set({ hotCells }),
  setWarningMarks: (warningMarks) => set({ warningMarks }),
  setMapView: (mapView) => set({ mapView }),
  setPanel: (key, value) => set((s) => ({ panels: { ...s.panels, [key]: value } })),
  restoreView: (view) =>
    set((s) => ({
      ...(view.lang && { lang: view.lang }),
      ...(view.theme && { theme: view.theme }),
      ...(view.filters && { filters: view.filters }),
      ...(view.layers && { layers: view.layers }),
      ...(view.panels && { panels: view.panels }),
      ...(view.mapView && { mapView: view.mapView, viewJump: { view: view.mapView, seq: (s.viewJump?.seq ?? 0) + 1 } }),
    })),
  requestView: (bbox) => set((s) => ({ viewRequest: { bbox, seq: (s.viewRequest?.seq ?? 0) + 1 } })),
}));

const NO_FEATURES: never[] = [];

/** How many features a collection has: those loaded, or as the server counts those it keeps; null until known. */
export function collectionSize(c: CollectionState | undefined): number | null {
  return c?.status === 'loaded' ? c.table.length : c?.status === 'served' ? c.count : null;
}

/** A collection's columns, or its empty table (stable for selectors) while it loads or after it failed. */
export function selectTable(s: AppState, id: CollectionId): FeatureTable {
  const c = s.collections[id];
  return c?.status === 'loaded' ? c.table : emptyTable(id);
}

/**
 * The small collections the map draws as context (a few thousand features at most): these are
 * held as objects too, for MapLibre's sources, labels and town lookups. The large ones are read
 * from their columns only; the compiler keeps them out of selectFeatures.
 */
export type ContextCollectionId = 'district' | 'towns' | 'roads' | 'railways' | 'railway-corridor';

const featureObjects = new WeakMap<FeatureTable, unknown[]>();

/** A context collection's features as objects (rebuilt once per loaded table), or one shared empty list. */
export function selectFeatures<C extends ContextCollectionId>(s: AppState, id: C): TypedFeature<C>[] {
  const c = s.collections[id];
  if (c?.status !== 'loaded') return NO_FEATURES;
  let features = featureObjects.get(c.table);
  if (!features) featureObjects.set(c.table, (features = featuresOf(c.table)));
  return features as TypedFeature<C>[];
}
