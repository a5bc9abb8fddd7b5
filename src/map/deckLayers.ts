import { COORDINATE_SYSTEM, type Layer } from '@deck.gl/core';
import type { DataFilterExtensionProps } from '@deck.gl/extensions';
import { PolygonLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { PointSpriteLayer } from './pointSpriteLayer';
import type { TypedFeature } from '../data/validate';
import type { FeatureTable } from '../data/columnar/featureTable';
import type { Lang } from '../i18n';
import { DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';
import type { LayerDisplay, MapHotCell, Theme, WarningMarks } from '../state/store';
import type { LayerColumns } from './columns/layerColumns';
import type { LayerFilterMasks } from './columns/filterMasks';
import { filterProps, KEEP_ALL, KEEP_CATEGORY } from './gpuFilter';
import { subsetColumns, type ColumnSubset } from './columns/subsetColumns';
import { PALETTES } from './theme';
import { patchLayers } from './patchLayers';
import { TOWN_LABEL_TEXT_PROPS } from './townLabels/labelFont';
import { townLabelRenderer } from './townLabels/glyphStore';

const HIGHLIGHT: [number, number, number, number] = [0, 229, 255, 255];

/** The town names, drawn by deck.gl over the basemap. */
export const TOWN_LABELS_LAYER_ID = 'town-labels';

/** A town's label in the page's language. */
export const townLabelOf = (town: TypedFeature<'towns'>, lang: Lang) => (lang === 'zh' ? town.properties.name : town.properties.nameEn);

export interface MapLayerInput {
  towns: TypedFeature<'towns'>[];
  patches: FeatureTable;
  columns: Record<DomainLayerId, LayerColumns | null>;
  masks: Record<DomainLayerId, LayerFilterMasks>;
  display: Record<DomainLayerId, LayerDisplay>;
  /** Index of the selected feature per layer (-1 for none). */
  selected: Record<DomainLayerId, number>;
  theme: Theme;
  lang: Lang;
  hotCells: MapHotCell[] | null;
  warningMarks: WarningMarks | null;
  /** Town label size in CSS pixels (larger on the wall). */
  labelSize: number;
  /** Whether the patches' outlines are built: once a view has come near their zoom (PATCH_OUTLINE_BUILD_ZOOM). */
  patchOutlines: boolean;
}

const pointDataCache = new WeakMap<LayerColumns, ReturnType<typeof buildPointData>>();
/**
 * The binary attributes deck.gl reads for a point layer: no accessor runs per feature. The same
 * object is handed over on every render, so deck.gl sees unchanged data and uploads nothing.
 */
function pointData(columns: LayerColumns) {
  let data = pointDataCache.get(columns);
  if (!data) pointDataCache.set(columns, (data = buildPointData(columns)));
  return data;
}

/** Every array as its decode worker built it: float32 offsets from an origin (LNGLAT_OFFSETS), colours, radii, filter codes. */
function buildPointData(columns: LayerColumns) {
  return {
    length: columns.length,
    origin: columns.origin,
    attributes: {
      getPosition: { value: columns.offsets, size: 3 },
      getFillColor: { value: columns.style.fill, size: 4, normalized: true },
      getLineColor: { value: columns.style.line, size: 4, normalized: true },
      getRadius: { value: columns.style.radius, size: 1 },
      filterCategoryValues: { value: columns.categories, size: columns.channels },
      getFilterValue: { value: columns.minutes, size: 1 },
    },
  };
}

function pointLayer(id: string, layer: DomainLayerId, columns: LayerColumns | null, input: MapLayerInput, extra: Record<string, unknown>) {
  if (!columns) return null;
  const data = pointData(columns);
  return new PointSpriteLayer({
    id,
    data,
    coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
    coordinateOrigin: data.origin,
    visible: input.display[layer].visible,
    opacity: input.display[layer].opacity,
    pickable: true,
    autoHighlight: true,
    highlightColor: HIGHLIGHT,
    highlightedObjectIndex: input.selected[layer],
    ...filterProps(input.masks[layer]),
    ...extra,
  });
}

const NORMAL_POLE = DOMAIN_LAYERS.streetLamps.filters[0].classes.values.indexOf('normal');
const alertCache = new WeakMap<LayerColumns, ColumnSubset>();
/** The poles not in order (faulty, repairing): a few percent of them, drawn again on top. */
function alertPoles(lampColumns: LayerColumns): ColumnSubset {
  let subset = alertCache.get(lampColumns);
  if (!subset) alertCache.set(lampColumns, (subset = subsetColumns(lampColumns, (i) => lampColumns.categories[i * lampColumns.channels] !== NORMAL_POLE)));
  return subset;
}

/** The row in its domain layer's columns of a feature picked in a deck.gl layer. */
export function sourceRowOf(deckLayerId: string, index: number, columns: LayerColumns): number {
  return deckLayerId === 'lamps-alert' ? alertPoles(columns).sourceRow[index] : index;
}

export function buildDeckLayers(input: MapLayerInput): Layer[] {
  const palette = PALETTES[input.theme];
  const patches = input.patches;
  const alerts = input.columns.streetLamps && alertPoles(input.columns.streetLamps);
  const patchColumns = input.columns.patches;
  const layers: (Layer | null)[] = [
    ...(patchColumns
      ? patchLayers({
          table: patches,
          columns: patchColumns,
          visible: input.display.patches.visible,
          opacity: input.display.patches.opacity,
          selected: input.selected.patches,
          highlight: HIGHLIGHT,
          filter: filterProps(input.masks.patches),
          outlines: input.patchOutlines,
        })
      : []),
    pointLayer('manholes', 'manholes', input.columns.manholes, input, {
      stroked: true,
      lineWidthMinPixels: 1.5,
      radiusMinPixels: 1,
      radiusMaxPixels: 8,
    }),
    pointLayer('lamps', 'streetLamps', input.columns.streetLamps, input, {
      stroked: false,
      radiusMinPixels: 1.2,
      radiusMaxPixels: 10,
    }),
    // Faulty and repairing poles drawn again on top, larger and ringed, so they stand out of dense streets.
    alerts &&
      pointLayer('lamps-alert', 'streetLamps', alerts, input, {
        stroked: true,
        getLineColor: palette.labelHalo,
        lineWidthMinPixels: 1,
        radiusScale: 1.8,
        radiusMinPixels: 3,
        radiusMaxPixels: 14,
        highlightedObjectIndex: input.selected.streetLamps >= 0 ? alerts.rowOfSource(input.selected.streetLamps) : -1,
      }),
    pointLayer('railway-issues', 'railway', input.columns.railway, input, {
      stroked: true,
      lineWidthMinPixels: 1,
      radiusMinPixels: 3,
      radiusMaxPixels: 12,
    }),
    input.hotCells &&
      new PolygonLayer<MapHotCell, DataFilterExtensionProps<MapHotCell>>({
        id: 'hot-cells',
        data: input.hotCells,
        getPolygon: (c) => c.boundary,
        // Above the assets (it is an analysis view), yellow to deep red with the cell's share of the busiest cell, translucent.
        getFillColor: (c) => [255, Math.round(220 * (1 - c.share)), 40, Math.round(60 + 150 * c.share)],
        getLineColor: [120, 20, 20, 160],
        lineWidthMinPixels: 0.5,
        pickable: false,
        // The patch layer's filter, passing every cell: the same shaders as the patches, compiled when
        // they first drew, instead of a second program compiled when the hot cells first show (1.2 s on llvmpipe).
        getFilterCategory: () => KEEP_CATEGORY,
        getFilterValue: () => 0,
        ...filterProps(KEEP_ALL),
        updateTriggers: { getFillColor: input.hotCells },
      }),
    ...warningLayers(input.warningMarks),
    // None before the towns arrive: a label layer first drawn empty would skip the wait for the names' glyphs (mapSync).
    input.towns.length === 0
      ? null
      : new TextLayer<TypedFeature<'towns'>>({
          id: TOWN_LABELS_LAYER_ID,
          data: input.towns,
          getPosition: (f) => f.properties.seat,
          getText: (f) => townLabelOf(f, input.lang),
          ...TOWN_LABEL_TEXT_PROPS,
          characterSet: 'auto',
          getSize: input.labelSize,
          getColor: palette.label,
          outlineWidth: 3,
          outlineColor: palette.labelHalo,
          // The glyphs' distance fields come drawn from a worker (mapSync holds the labels until they have).
          _getFontRenderer: townLabelRenderer,
          updateTriggers: { getText: input.lang, getColor: input.theme, getSize: input.labelSize },
        }),
  ];
  return layers.filter((l): l is Layer => l !== null);
}


const WARNING_COLORS: Record<WarningMarks['points'][number]['kind'], [number, number, number, number]> = {
  critical: [215, 48, 31, 255],
  high: [252, 141, 89, 255],
  watch: [253, 204, 138, 255],
  repeat: [128, 0, 128, 255],
};

export const WARNING_LAYER_IDS: readonly string[] = ['warning-cells', 'warning-points'];

/**
 * The early warnings on the map: the cells standing out outlined in red, the cases due soon ringed
 * by level and the assets failing again in purple; each shows its explanation on hover and opens
 * its cases on a click. With the filter extension, passing everything,
 * so they reuse the programs the patches and points compiled (no shader compile when shown).
 */
function warningLayers(marks: WarningMarks | null): Layer[] {
  if (!marks) return [];
  const passAll = { getFilterCategory: () => KEEP_CATEGORY, getFilterValue: () => 0, ...filterProps(KEEP_ALL) };
  return [
    new PolygonLayer<WarningMarks['cells'][number], DataFilterExtensionProps<WarningMarks['cells'][number]>>({
      id: 'warning-cells',
      data: marks.cells,
      getPolygon: (c) => c.boundary,
      getFillColor: [215, 48, 31, 70],
      getLineColor: [215, 48, 31, 255],
      lineWidthMinPixels: 2,
      pickable: true,
      ...passAll,
    }),
    new ScatterplotLayer<WarningMarks['points'][number], DataFilterExtensionProps<WarningMarks['points'][number]>>({
      id: 'warning-points',
      data: marks.points,
      getPosition: (p) => p.position,
      getRadius: 30,
      radiusMinPixels: 7,
      radiusMaxPixels: 16,
      stroked: true,
      // All but transparent: the whole disc picks, not only its ring.
      filled: true,
      getFillColor: [255, 255, 255, 1],
      getLineColor: (p) => WARNING_COLORS[p.kind],
      lineWidthMinPixels: 3,
      pickable: true,
      ...passAll,
    }),
  ];
}
