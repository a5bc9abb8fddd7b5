import type { Layer } from '@deck.gl/core';
import type { DataFilterExtension, DataFilterExtensionProps } from '@deck.gl/extensions';
import { PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { DrawnPolygons } from '../data/columnar/drawnPolygons';
import type { FeatureTable, GeometryColumn } from '../data/columnar/featureTable';
import { trianglesOf } from '../data/columnar/polygonTriangles';
import type { LayerColumns } from './columns/layerColumns';
import { PATCH_OUTLINE_LAYER_ID, patchDotsLayer } from './patchDots';

type RGBA = [number, number, number, number];

/**
 * The patches' shapes as deck.gl's binary layout reads them, once per geometry: the table's own
 * coordinates as vertices (each feature's positions, every part and ring), the triangles its decode
 * worker made as the fill, each ring as an outline. deck.gl then neither triangulates nor builds an
 * object per ring on the main thread, and a refresh that keeps every shape (keepDrawnGeometry)
 * hands deck.gl the same data: only the colours and filter values are written again.
 */
interface PatchShapes {
  fill: { length: number; startIndices: Uint32Array; attributes: { getPolygon: { value: Float64Array; size: number }; indices: Uint32Array } };
  outline: { length: number; startIndices: Uint32Array; attributes: { getPath: { value: Float64Array; size: number } } };
}

const shapesCache = new WeakMap<GeometryColumn, PatchShapes>();

/** The shapes of a geometry, once per geometry (the first vertex of each feature as the decode worker found it). */
function shapesOf(table: FeatureTable, polygons: DrawnPolygons): PatchShapes | null {
  const g = table.geometry;
  if (!g.offsets) return null;
  let shapes = shapesCache.get(g);
  if (shapes) return shapes;
  const { parts, rings, positions } = g.offsets;
  const vertices = { value: g.coordinates, size: g.dimensions };
  shapes = {
    fill: { length: table.length, startIndices: polygons.vertexStarts, attributes: { getPolygon: vertices, indices: trianglesOf(table) } },
    // Each ring a path of its own, closed as GeoJSON closes it (its last position is its first).
    outline: { length: rings[parts[table.length]], startIndices: positions, attributes: { getPath: vertices } },
  };
  shapesCache.set(g, shapes);
  return shapes;
}

/** The layers' data: the shapes with their paint, one object per (shapes, columns), so that an unchanged map hands deck.gl the same objects. */
interface PatchData {
  shapes: PatchShapes;
  fill: PatchShapes['fill'] & { shapes: PatchShapes };
  outline: PatchShapes['outline'] & { shapes: PatchShapes };
}

const dataCache = new WeakMap<LayerColumns, PatchData>();

/** The shapes with the paint per vertex that the decode worker copied from each patch (fills, outlines and both filters: fill and outline share the vertices, so they share the filter arrays). */
function patchData(shapes: PatchShapes, columns: LayerColumns, paint: DrawnPolygons): PatchData {
  const cached = dataCache.get(columns);
  if (cached?.shapes === shapes) return cached;
  // Under the attributes' own names, not their accessors': deck.gl then uploads the arrays as they
  // are, where under an accessor's name it would copy them through a call per vertex.
  const filters = {
    filterCategoryValues: { value: paint.categories, size: columns.channels },
    filterValues: { value: paint.minutes, size: 1 },
  };
  const data: PatchData = {
    shapes,
    fill: { ...shapes.fill, shapes, attributes: { ...shapes.fill.attributes, fillColors: { value: paint.fill, size: 4, normalized: true }, ...filters } as PatchShapes['fill']['attributes'] },
    outline: { ...shapes.outline, shapes, attributes: { ...shapes.outline.attributes, instanceColors: { value: paint.line, size: 4, normalized: true }, ...filters } as PatchShapes['outline']['attributes'] },
  };
  dataCache.set(columns, data);
  return data;
}

/**
 * New paint over the same shapes is not new data to deck.gl: it keeps the tessellation and the
 * vertex buffers, and uploads only the attributes whose arrays changed.
 */
const sameShapes = (next: unknown, previous: unknown) => (next as { shapes?: PatchShapes }).shapes === (previous as { shapes?: PatchShapes } | null)?.shapes;

export interface PatchLayerProps {
  table: FeatureTable;
  columns: LayerColumns;
  visible: boolean;
  opacity: number;
  selected: number;
  highlight: RGBA;
  filter: DataFilterExtensionProps & { extensions: DataFilterExtension[] };
  /** Whether the outlines are built (PATCH_OUTLINE_BUILD_ZOOM); the dots are, always. */
  outlines: boolean;
}

/** The patch fills (picked, highlighted), their outlines and, at small scales instead, their dots (patchDots), all filtered on the GPU like every layer. */
export function patchLayers({ table, columns, visible, opacity, selected, highlight, filter, outlines }: PatchLayerProps): Layer[] {
  const { polygons } = columns;
  const shapes = polygons && shapesOf(table, polygons);
  if (!polygons || !shapes || table.length === 0) return [];
  const data = patchData(shapes, columns, polygons);
  return [
    new SolidPolygonLayer<null, DataFilterExtensionProps<null>>({
      id: 'patches',
      data: data.fill as never,
      dataComparator: sameShapes,
      _normalize: false,
      visible,
      opacity,
      pickable: true,
      autoHighlight: true,
      highlightColor: highlight,
      highlightedObjectIndex: selected,
      ...filter,
    }),
    ...(outlines
      ? [
          new PathLayer<null, DataFilterExtensionProps<null>>({
            id: PATCH_OUTLINE_LAYER_ID,
            data: data.outline as never,
            dataComparator: sameShapes,
            _pathType: 'open',
            visible,
            opacity,
            getWidth: 1,
            widthUnits: 'pixels',
            widthMinPixels: 1,
            ...filter,
          }),
        ]
      : []),
    patchDotsLayer({ columns, polygons, visible, opacity, selected, highlight, filter }),
  ];
}
