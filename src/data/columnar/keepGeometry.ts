import type { FeatureTable, GeometryColumn } from './featureTable';

/** Whether two typed arrays hold the same bytes. */
function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  if (a.byteLength !== b.byteLength) return false;
  const words = a.byteLength % 4 === 0 && a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0;
  const x = words ? new Int32Array(a.buffer, a.byteOffset, a.byteLength / 4) : new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = words ? new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

export function sameGeometry(a: GeometryColumn, b: GeometryColumn): boolean {
  if (a === b) return true;
  if (a.dimensions !== b.dimensions || (a.offsets === null) !== (b.offsets === null)) return false;
  if (!sameBytes(a.types, b.types) || !sameBytes(a.coordinates, b.coordinates)) return false;
  return !a.offsets || !b.offsets || (sameBytes(a.offsets.parts, b.offsets.parts) && sameBytes(a.offsets.rings, b.offsets.rings) && sameBytes(a.offsets.positions, b.offsets.positions));
}

/**
 * The fresh read of a collection, holding the geometry (its triangles, its drawn offsets) of the table drawn
 * before it where every feature's geometry is unchanged, as a live refresh mostly finds (cases move
 * on a stage in place): the map then keeps what it uploaded of the shapes and only recolours them.
 */
export function keepDrawnGeometry(drawn: FeatureTable | null, fresh: FeatureTable): FeatureTable {
  if (!drawn || drawn.geometry === fresh.geometry || !sameGeometry(drawn.geometry, fresh.geometry)) return fresh;
  // The same positions: either table's triangles fit the kept geometry, and the drawn offsets are the same
  // numbers, kept as the same array so that deck.gl does not upload them again.
  const kept: FeatureTable = { ...fresh, geometry: drawn.geometry, triangles: drawn.triangles ?? fresh.triangles };
  if (fresh.drawn && drawn.drawn) {
    const [was, is] = [drawn.drawn.polygons, fresh.drawn.polygons];
    // A polygon's vertices and dot are where they were too; only its paint is new.
    const polygons = was && is ? { ...is, vertexStarts: was.vertexStarts, dotOffsets: was.dotOffsets, dotRadius: was.dotRadius } : is;
    kept.drawn = { ...fresh.drawn, offsets: drawn.drawn.offsets, origin: drawn.drawn.origin, ...(polygons && { polygons }) };
  }
  return kept;
}
