import type { Layer } from '@deck.gl/core';
import type { DataFilterExtension, DataFilterExtensionProps } from '@deck.gl/extensions';
import { PathLayer, SolidPolygonLayer } from '@deck.gl/layers';
import type { FeatureTable, GeometryColumn } from '../data/columnar/featureTable';
import { trianglesOf } from '../data/columnar/polygonTriangles';
import type { LayerColumns } from './columns/layerColumns';
import { outlineColoursOf, PATCH_OUTLINE_LAYER_ID, patchDotsLayer } from './patchDots';

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

/**
 * Per vertex, what deck.gl would otherwise fill in through an accessor call per vertex (fills,
 * outlines and both filters: 119,000 vertices at 10×, about 300 ms on the main thread at each new
 * table): each feature's colour and filter values copied over its vertices. Fill and outline share
 * the vertices, so they share the filter arrays.
 */
interface PatchPaint {
  fill: Uint8Array;
  line: Uint8Array;
  categories: Uint8Array;
  minutes: Float32Array;
}

function paintVertices(vertexStarts: Uint32Array, columns: LayerColumns): PatchPaint {
  const features = vertexStarts.length - 1;
  const vertices = vertexStarts[features];
  const channels = columns.channels;
  const paint = { fill: new Uint8Array(vertices * 4), line: new Uint8Array(vertices * 4), categories: new Uint8Array(vertices * channels), minutes: new Float32Array(vertices) };
  // A colour's four bytes as one number, so that a feature's vertices take it in one fill.
  const rgba = new Uint8Array(4);
  const asNumber = new Uint32Array(rgba.buffer);
  const fills = new Uint32Array(paint.fill.buffer);
  const lines = new Uint32Array(paint.line.buffer);
  const outlines = new Uint32Array(outlineColoursOf(columns).buffer);
  // Four filter channels (FILTER_CHANNELS) fill the same way.
  const codes = channels === 4 ? new Uint32Array(paint.categories.buffer) : null;
  const { fill } = columns.style;
  const { categories, minutes } = columns;
  for (let i = 0; i < features; i++) {
    const from = vertexStarts[i];
    const to = vertexStarts[i + 1];
    if (from === to) continue;
    rgba.set(fill.subarray(i * 4, i * 4 + 4));
    fills.fill(asNumber[0], from, to);
    lines.fill(outlines[i], from, to);
    paint.minutes.fill(minutes[i], from, to);
    if (codes) {
      rgba.set(categories.subarray(i * 4, i * 4 + 4));
      codes.fill(asNumber[0], from, to);
    } else {
      for (let v = from; v < to; v++) paint.categories.set(categories.subarray(i * channels, (i + 1) * channels), v * channels);
    }
  }
  return paint;
}

const shapesCache = new WeakMap<GeometryColumn, PatchShapes | null>();

function buildShapes(table: FeatureTable): PatchShapes | null {
  const g = table.geometry;
  if (!g.offsets) return null;
  const { parts, rings, positions } = g.offsets;
  const vertexStarts = new Uint32Array(table.length + 1);
  for (let i = 0; i <= table.length; i++) vertexStarts[i] = positions[rings[parts[i]]];
  const ringCount = rings[parts[table.length]];
  const vertices = { value: g.coordinates, size: g.dimensions };
  return {
    fill: { length: table.length, startIndices: vertexStarts, attributes: { getPolygon: vertices, indices: trianglesOf(table) } },
    // Each ring a path of its own, closed as GeoJSON closes it (its last position is its first).
    outline: { length: ringCount, startIndices: positions, attributes: { getPath: vertices } },
  };
}

function shapesOf(table: FeatureTable): PatchShapes | null {
  if (!shapesCache.has(table.geometry)) shapesCache.set(table.geometry, buildShapes(table));
  return shapesCache.get(table.geometry) ?? null;
}

/** The layers' data: the shapes with their paint, one object per (shapes, columns), so that an unchanged map hands deck.gl the same objects. */
interface PatchData {
  shapes: PatchShapes;
  fill: PatchShapes['fill'] & { shapes: PatchShapes };
  outline: PatchShapes['outline'] & { shapes: PatchShapes };
}

const dataCache = new WeakMap<LayerColumns, PatchData>();

function patchData(shapes: PatchShapes, columns: LayerColumns): PatchData {
  const cached = dataCache.get(columns);
  if (cached?.shapes === shapes) return cached;
  const paint = paintVertices(shapes.fill.startIndices, columns);
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
  const shapes = shapesOf(table);
  if (!shapes || table.length === 0) return [];
  // Colours by status, as the decode worker coloured each patch (the drawn columns), and the filter values, per vertex.
  const data = patchData(shapes, columns);
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
    patchDotsLayer({ geometry: table.geometry, columns, visible, opacity, selected, highlight, filter }),
  ];
}
