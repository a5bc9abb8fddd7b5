import type { GeometryColumn } from './featureTable';

/**
 * What the map draws a layer of polygons from, beyond its per-feature columns: each feature's
 * colours, filter values and time copied over its vertices, and a dot per feature for small
 * scales. Built by the worker that decoded the table: on the main thread these passes took
 * 250–300 ms in the task that handed 26,000 patches (10×) to the map.
 */
export interface DrawnPolygons {
  /** Per feature the index of its first position in the geometry, and the number of positions at the end. */
  vertexStarts: Uint32Array;
  /** Per vertex, its feature's fill and outline colours (RGBA), filter categories and minutes. */
  fill: Uint8Array;
  line: Uint8Array;
  categories: Uint8Array;
  minutes: Float32Array;
  /** Per feature, the centre of its outer ring's bounding box as a float32 offset (lng, lat, 0) from the drawn origin. */
  dotOffsets: Float32Array;
  /** Per feature, half the mean extent of its outer ring in metres: about the radius of a disc of its size. */
  dotRadius: Float32Array;
}

/** The per-feature columns a feature's vertices take their paint from. */
export interface FeaturePaint {
  fill: Uint8Array;
  line: Uint8Array;
  categories: Uint8Array;
  minutes: Float32Array;
  channels: number;
}

const METRES_PER_DEGREE = 111_320;

/** Each feature's dot: the centre of its outer ring's bounding box (float32 from `origin`) and half its mean extent in metres. */
export function polygonDots(geometry: GeometryColumn, length: number, origin: readonly number[]): { offsets: Float32Array; radius: Float32Array } {
  const offsets = new Float32Array(length * 3);
  const radius = new Float32Array(length);
  const { coordinates, dimensions: d, offsets: o } = geometry;
  if (!o) return { offsets, radius };
  for (let i = 0; i < length; i++) {
    if (o.parts[i] === o.parts[i + 1]) continue;
    const ring = o.rings[o.parts[i]];
    const from = o.positions[ring];
    const to = o.positions[ring + 1];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let v = from; v < to; v++) {
      const x = coordinates[v * d];
      const y = coordinates[v * d + 1];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const cx = (minX + maxX) / 2;
    const cy = (minY + maxY) / 2;
    offsets[i * 3] = cx - origin[0];
    offsets[i * 3 + 1] = cy - origin[1];
    const width = (maxX - minX) * Math.cos((cy * Math.PI) / 180) * METRES_PER_DEGREE;
    radius[i] = ((maxY - minY) * METRES_PER_DEGREE + width) / 4;
  }
  return { offsets, radius };
}

/** An outline's colour from its fill: the fill at 60 %, opaque, so that a patch reads at its edge and as a dot. */
export function outlineColours(fill: Uint8Array): Uint8Array {
  const line = new Uint8Array(fill.length);
  for (let i = 0; i < fill.length; i += 4) {
    for (let c = 0; c < 3; c++) line[i + c] = Math.round(fill[i + c] * 0.6);
    line[i + 3] = 255;
  }
  return line;
}

/** Per feature its first vertex (the first position of its first ring), and the total at the end. */
export function vertexStartsOf(geometry: GeometryColumn, length: number): Uint32Array {
  const starts = new Uint32Array(length + 1);
  const o = geometry.offsets;
  if (!o) return starts;
  for (let i = 0; i <= length; i++) starts[i] = o.positions[o.rings[o.parts[i]]];
  return starts;
}

/** Each feature's paint copied over its vertices: a fill per feature and channel, not a call per vertex. */
export function paintVertices(vertexStarts: Uint32Array, paint: FeaturePaint): Pick<DrawnPolygons, 'fill' | 'line' | 'categories' | 'minutes'> {
  const features = vertexStarts.length - 1;
  const vertices = vertexStarts[features];
  const { channels } = paint;
  const out = { fill: new Uint8Array(vertices * 4), line: new Uint8Array(vertices * 4), categories: new Uint8Array(vertices * channels), minutes: new Float32Array(vertices) };
  // Four bytes read as one number, so that a feature's vertices take them in one fill.
  const [fillIn, lineIn, fillOut, lineOut] = [paint.fill, paint.line, out.fill, out.line].map((a) => new Uint32Array(a.buffer, a.byteOffset, a.byteLength / 4));
  const codesIn = channels === 4 ? new Uint32Array(paint.categories.buffer, paint.categories.byteOffset, paint.categories.byteLength / 4) : null;
  const codesOut = channels === 4 ? new Uint32Array(out.categories.buffer) : null;
  for (let i = 0; i < features; i++) {
    const from = vertexStarts[i];
    const to = vertexStarts[i + 1];
    if (from === to) continue;
    fillOut.fill(fillIn[i], from, to);
    lineOut.fill(lineIn[i], from, to);
    out.minutes.fill(paint.minutes[i], from, to);
    if (codesIn && codesOut) codesOut.fill(codesIn[i], from, to);
    else for (let v = from; v < to; v++) out.categories.set(paint.categories.subarray(i * channels, (i + 1) * channels), v * channels);
  }
  return out;
}

/** A polygon layer's drawn vertices and dots (see DrawnPolygons). */
export function buildDrawnPolygons(geometry: GeometryColumn, length: number, origin: readonly number[], paint: FeaturePaint): DrawnPolygons {
  const vertexStarts = vertexStartsOf(geometry, length);
  const dots = polygonDots(geometry, length, origin);
  return { vertexStarts, ...paintVertices(vertexStarts, paint), dotOffsets: dots.offsets, dotRadius: dots.radius };
}
