import { COORDINATE_SYSTEM, type Layer } from '@deck.gl/core';
import type { DataFilterExtension, DataFilterExtensionProps } from '@deck.gl/extensions';
import type { GeometryColumn } from '../data/columnar/featureTable';
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

const METRES_PER_DEGREE = 111_320;

/** Per patch, the centre of its outer ring's bounding box (float32 from the columns' origin) and half its mean extent in metres. */
export function patchCentres(geometry: GeometryColumn, length: number, origin: readonly number[]): { offsets: Float32Array; radius: Float32Array } {
  const offsets = new Float32Array(length * 3);
  const radius = new Float32Array(length);
  const { coordinates, dimensions: d, offsets: o } = geometry;
  if (!o) return { offsets, radius };
  for (let i = 0; i < length; i++) {
    if (o.parts[i] === o.parts[i + 1]) continue;
    const ring = o.rings[o.parts[i]];
    const [from, to] = [o.positions[ring], o.positions[ring + 1]];
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let v = from; v < to; v++) {
      const [x, y] = [coordinates[v * d], coordinates[v * d + 1]];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const [cx, cy] = [(minX + maxX) / 2, (minY + maxY) / 2];
    offsets[i * 3] = cx - origin[0];
    offsets[i * 3 + 1] = cy - origin[1];
    const width = (maxX - minX) * Math.cos((cy * Math.PI) / 180) * METRES_PER_DEGREE;
    radius[i] = ((maxY - minY) * METRES_PER_DEGREE + width) / 4;
  }
  return { offsets, radius };
}

const outlineCache = new WeakMap<LayerColumns, Uint8Array>();

/** Each patch's outline colour (its fill darkened, opaque): its outline's above zoom 12, its dot's below. */
export function outlineColoursOf(columns: LayerColumns): Uint8Array {
  let line = outlineCache.get(columns);
  if (line) return line;
  const { fill } = columns.style;
  line = new Uint8Array(fill.length);
  for (let i = 0; i < fill.length; i += 4) {
    for (let c = 0; c < 3; c++) line[i + c] = Math.round(fill[i + c] * 0.6);
    line[i + 3] = 255;
  }
  outlineCache.set(columns, line);
  return line;
}

const centresCache = new WeakMap<GeometryColumn, ReturnType<typeof patchCentres>>();
type DotData = ReturnType<typeof buildDotData>;
const dataCache = new WeakMap<LayerColumns, { geometry: GeometryColumn; data: DotData }>();

function buildDotData(centres: ReturnType<typeof patchCentres>, columns: LayerColumns) {
  return {
    length: columns.length,
    attributes: {
      getPosition: { value: centres.offsets, size: 3 },
      getRadius: { value: centres.radius, size: 1 },
      getFillColor: { value: outlineColoursOf(columns), size: 4, normalized: true },
      filterCategoryValues: { value: columns.categories, size: columns.channels },
      getFilterValue: { value: columns.minutes, size: 1 },
    },
  };
}

/** One object per (geometry, columns): an unchanged map hands deck.gl the same data. */
function dotData(geometry: GeometryColumn, columns: LayerColumns): DotData {
  const cached = dataCache.get(columns);
  if (cached?.geometry === geometry) return cached.data;
  let centres = centresCache.get(geometry);
  if (!centres) centresCache.set(geometry, (centres = patchCentres(geometry, columns.length, columns.origin)));
  const data = buildDotData(centres, columns);
  dataCache.set(columns, { geometry, data });
  return data;
}

export interface PatchDotsProps {
  geometry: GeometryColumn;
  columns: LayerColumns;
  visible: boolean;
  opacity: number;
  selected: number;
  highlight: [number, number, number, number];
  filter: DataFilterExtensionProps & { extensions: DataFilterExtension[] };
}

/** The patches at small scales: one dot per patch, its row the patch's, picked, highlighted and filtered as the fills are. */
export function patchDotsLayer({ geometry, columns, visible, opacity, selected, highlight, filter }: PatchDotsProps): Layer {
  return new PointSpriteLayer({
    id: PATCH_DOTS_LAYER_ID,
    data: dotData(geometry, columns),
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
