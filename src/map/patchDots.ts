import { COORDINATE_SYSTEM, type Layer } from '@deck.gl/core';
import type { DataFilterExtension, DataFilterExtensionProps } from '@deck.gl/extensions';
import type { DrawnPolygons } from '../data/columnar/drawnPolygons';
import type { LayerColumns } from './columns/layerColumns';
import { PointSpriteLayer } from './pointSpriteLayer';

/**
 * From this zoom the patches are drawn with their outlines; below it each is a dot. At the whole
 * district (zoom 9, about 250 m a pixel) a patch of 30 m is a tenth of a pixel, but its outline,
 * a line of six to ten segments of a pixel's width, cost llvmpipe 0.8 s a frame for 26,000
 * patches at 10×; one point each draws the same picture in a tenth of that. At zoom 12 (30 m a
 * pixel) a patch is a pixel or two across, and a view holds a sixteenth of the district.
 */
export const PATCH_OUTLINE_MIN_ZOOM = 12;
/**
 * The outlines are built once a view comes this near (a zoom level early, so that they are drawn
 * when the view gets there): a 10× load without them skips a 0.4 s task building their paths, and a
 * wall on the whole district never builds them.
 */
export const PATCH_OUTLINE_BUILD_ZOOM = PATCH_OUTLINE_MIN_ZOOM - 1;
export const PATCH_DOTS_LAYER_ID = 'patches-dots';
export const PATCH_OUTLINE_LAYER_ID = 'patches-outline';

/** deck.gl's layerFilter: which of the patches' two small-scale forms a view of this zoom draws. */
export function drawnAtZoom(layerId: string, zoom: number): boolean {
  if (layerId === PATCH_DOTS_LAYER_ID) return zoom < PATCH_OUTLINE_MIN_ZOOM;
  if (layerId === PATCH_OUTLINE_LAYER_ID) return zoom >= PATCH_OUTLINE_MIN_ZOOM;
  return true;
}

type DotData = ReturnType<typeof buildDotData>;
const dataCache = new WeakMap<LayerColumns, DotData>();

function buildDotData(columns: LayerColumns, polygons: DrawnPolygons) {
  return {
    length: columns.length,
    attributes: {
      getPosition: { value: polygons.dotOffsets, size: 3 },
      getRadius: { value: polygons.dotRadius, size: 1 },
      // A dot is drawn in its patch's outline colour.
      getFillColor: { value: columns.style.line, size: 4, normalized: true },
      filterCategoryValues: { value: columns.categories, size: columns.channels },
      getFilterValue: { value: columns.minutes, size: 1 },
    },
  };
}

/** One object per columns: an unchanged map hands deck.gl the same data. */
function dotData(columns: LayerColumns, polygons: DrawnPolygons): DotData {
  let data = dataCache.get(columns);
  if (!data) dataCache.set(columns, (data = buildDotData(columns, polygons)));
  return data;
}

export interface PatchDotsProps {
  columns: LayerColumns;
  /** The columns' polygons (the dots' positions and sizes, from the decode worker). */
  polygons: DrawnPolygons;
  visible: boolean;
  opacity: number;
  selected: number;
  highlight: [number, number, number, number];
  filter: DataFilterExtensionProps & { extensions: DataFilterExtension[] };
}

/** The patches at small scales: one dot per patch, its row the patch's, picked, highlighted and filtered as the fills are. */
export function patchDotsLayer({ columns, polygons, visible, opacity, selected, highlight, filter }: PatchDotsProps): Layer {
  return new PointSpriteLayer({
    id: PATCH_DOTS_LAYER_ID,
    data: dotData(columns, polygons),
    coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
    coordinateOrigin: columns.origin,
    visible,
    opacity,
    stroked: false,
    radiusMinPixels: 1,
    radiusMaxPixels: 4,
    pickable: true,
    autoHighlight: true,
    highlightColor: highlight,
    highlightedObjectIndex: selected,
    ...filter,
  }) as Layer;
}
