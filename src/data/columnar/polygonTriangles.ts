import earcut from 'earcut';
import { DOMAIN_LAYERS, type CollectionId } from '../../layers/registry';
import { GEOMETRY_TYPES, type FeatureTable, type GeometryColumn } from './featureTable';

const POLYGON = GEOMETRY_TYPES.indexOf('Polygon');
const MULTI_POLYGON = GEOMETRY_TYPES.indexOf('MultiPolygon');

/** Web Mercator y of a latitude (radians out): what the map draws straight lines in. */
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));

/** Whether any feature is a polygon: only then is there anything to triangulate. */
export function hasPolygons(g: GeometryColumn): boolean {
  if (!g.offsets) return false;
  for (let i = 0; i < g.types.length; i++) if (g.types[i] === POLYGON || g.types[i] === MULTI_POLYGON) return true;
  return false;
}

/**
 * The fill of every polygon of every feature (each part, its holes cut out) as triangles: three
 * indices per triangle into the geometry's positions, so that the GPU draws them from the
 * coordinates the table already holds. Rings are triangulated as the map projects them (Web
 * Mercator), as deck.gl would, but once, in the worker that decoded the table: deck.gl did it on
 * the main thread each time the layer's data changed (hundreds of milliseconds at city scale).
 * Features that are not polygons get no triangles.
 */
export function triangulatePolygons(g: GeometryColumn): Uint32Array {
  if (!g.offsets) return new Uint32Array(0);
  const { parts, rings, positions } = g.offsets;
  const dim = g.dimensions;
  const out: number[] = [];
  for (let i = 0; i < g.types.length; i++) {
    if (g.types[i] !== POLYGON && g.types[i] !== MULTI_POLYGON) continue;
    for (let p = parts[i]; p < parts[i + 1]; p++) {
      const first = positions[rings[p]];
      const count = positions[rings[p + 1]] - first;
      if (count < 3) continue;
      const flat = new Float64Array(count * 2);
      for (let v = 0; v < count; v++) {
        flat[v * 2] = g.coordinates[(first + v) * dim];
        flat[v * 2 + 1] = mercatorY(g.coordinates[(first + v) * dim + 1]);
      }
      const holes: number[] = [];
      for (let r = rings[p] + 1; r < rings[p + 1]; r++) holes.push(positions[r] - first);
      for (const v of earcut(flat, holes, 2)) out.push(first + v);
    }
  }
  return Uint32Array.from(out);
}

/** The collections deck.gl fills on the map (the basemap's polygons are MapLibre's, given as GeoJSON). */
const FILLED_ON_THE_MAP: ReadonlySet<CollectionId> = new Set([DOMAIN_LAYERS.patches.features]);

/** The table with its polygons' triangles, where the map fills them: for the worker that built it. */
export function withTriangles(table: FeatureTable): FeatureTable {
  if (table.triangles || !FILLED_ON_THE_MAP.has(table.collection) || !hasPolygons(table.geometry)) return table;
  return { ...table, triangles: triangulatePolygons(table.geometry) };
}

const computed = new WeakMap<GeometryColumn, Uint32Array>();
/** A table's triangles: the worker's, or (a table put together on the page, e.g. by an append) computed here once per geometry. */
export function trianglesOf(table: FeatureTable): Uint32Array {
  if (table.triangles) return table.triangles;
  let triangles = computed.get(table.geometry);
  if (!triangles) computed.set(table.geometry, (triangles = triangulatePolygons(table.geometry)));
  return triangles;
}
