import type { Layer } from '@deck.gl/core';
import type { DataFilterExtension, DataFilterExtensionProps } from '@deck.gl/extensions';
import { PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { FeatureTable, GeometryColumn } from '../data/columnar/featureTable';
import { trianglesOf } from '../data/columnar/polygonTriangles';
import type { LayerColumns } from './columns/layerColumns';

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
  /** The feature each ring belongs to. */
  ringOwner: Uint32Array;
}

const shapesCache = new WeakMap<GeometryColumn, PatchShapes | null>();

function buildShapes(table: FeatureTable): PatchShapes | null {
  const g = table.geometry;
  if (!g.offsets) return null;
  const { parts, rings, positions } = g.offsets;
  const vertexStarts = new Uint32Array(table.length + 1);
  for (let i = 0; i <= table.length; i++) vertexStarts[i] = positions[rings[parts[i]]];
  const ringCount = rings[parts[table.length]];
  const ringOwner = new Uint32Array(ringCount);
  for (let i = 0; i < table.length; i++) ringOwner.fill(i, rings[parts[i]], rings[parts[i + 1]]);
  const vertices = { value: g.coordinates, size: g.dimensions };
  return {
    fill: { length: table.length, startIndices: vertexStarts, attributes: { getPolygon: vertices, indices: trianglesOf(table) } },
    // Each ring a path of its own, closed as GeoJSON closes it (its last position is its first).
    outline: { length: ringCount, startIndices: positions, attributes: { getPath: vertices } },
    ringOwner,
  };
}

function shapesOf(table: FeatureTable): PatchShapes | null {
  if (!shapesCache.has(table.geometry)) shapesCache.set(table.geometry, buildShapes(table));
  return shapesCache.get(table.geometry) ?? null;
}

export interface PatchLayerProps {
  table: FeatureTable;
  columns: LayerColumns;
  visible: boolean;
  opacity: number;
  selected: number;
  highlight: RGBA;
  filter: DataFilterExtensionProps & { extensions: DataFilterExtension[] };
}

/** The patch fills (picked, highlighted) and their outlines, both filtered on the GPU like every layer. */
export function patchLayers({ table, columns, visible, opacity, selected, highlight, filter }: PatchLayerProps): Layer[] {
  const shapes = shapesOf(table);
  if (!shapes || table.length === 0) return [];
  // Each patch's colour by its status, as its decode worker coloured it (the drawn columns); its outline darker.
  const fill = columns.style.fill;
  const fillOf = (row: number) => fill.subarray(row * 4, row * 4 + 4) as unknown as RGBA;
  const lineOf = (row: number): RGBA => [fill[row * 4] * 0.6, fill[row * 4 + 1] * 0.6, fill[row * 4 + 2] * 0.6, 255];
  const channels = columns.channels;
  const categoriesOf = (row: number) => columns.categories.subarray(row * channels, (row + 1) * channels) as unknown as number[];
  // The data stays while the shapes do; the colours follow the table (its statuses: new columns over the
  // same table only renumber the towns), the filter values its columns.
  const updateTriggers = { getFillColor: table, getColor: table, getFilterCategory: columns, getFilterValue: columns };
  return [
    new SolidPolygonLayer<null, DataFilterExtensionProps<null>>({
      id: 'patches',
      data: shapes.fill as never,
      _normalize: false,
      visible,
      opacity,
      getFillColor: (_, { index }) => fillOf(index),
      pickable: true,
      autoHighlight: true,
      highlightColor: highlight,
      highlightedObjectIndex: selected,
      getFilterCategory: (_, { index }) => categoriesOf(index),
      getFilterValue: (_, { index }) => columns.minutes[index],
      ...filter,
      updateTriggers,
    }),
    new PathLayer<null, DataFilterExtensionProps<null>>({
      id: 'patches-outline',
      data: shapes.outline as never,
      _pathType: 'open',
      visible,
      opacity,
      getColor: (_, { index }) => lineOf(shapes.ringOwner[index]),
      getWidth: 1,
      widthUnits: 'pixels',
      widthMinPixels: 1,
      getFilterCategory: (_, { index }) => categoriesOf(shapes.ringOwner[index]),
      getFilterValue: (_, { index }) => columns.minutes[shapes.ringOwner[index]],
      ...filter,
      updateTriggers,
    }),
  ];
}
