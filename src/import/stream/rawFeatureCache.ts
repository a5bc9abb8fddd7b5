import { encodeColumn } from '../../data/columnar/encodeTable';
import type { Column } from '../../data/columnar/featureTable';
import { valueAt } from '../../data/columnar/readTable';
import { featureRecord } from '../formats/geojson';
import { UNSAFE_KEYS } from '../limits';
import { FieldCollector, type RawRecord } from '../records';

/** A batch of parsed features kept as columns: point features as numbers, anything else as its record. */
interface CachedBatch {
  length: number;
  ids: Column;
  /** 0: no geometry member, 1: null geometry, 2: a point at (x, y), 3: see `others`. */
  geometry: Uint8Array;
  x: Float64Array;
  y: Float64Array;
  properties: [string, Column][];
  /** Features that are not plain point features (a polygon, a 3D point, not a Feature): kept as records. */
  others: Map<number, RawRecord>;
}

/** Past this share of features that are not plain points, the file is read again instead (a polygon file). */
const MOSTLY_POINTS = 0.05;
const [NO_MEMBER, NULL_GEOMETRY, POINT, OTHER] = [0, 1, 2, 3];

function pointOf(geometry: unknown): [number, number] | null {
  if (typeof geometry !== 'object' || geometry === null || Array.isArray(geometry)) return null;
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Point' || Object.keys(g).length !== 2 || !Array.isArray(g.coordinates) || g.coordinates.length !== 2) return null;
  const [x, y] = g.coordinates as unknown[];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

/**
 * The features of a GeoJSON file as its first pass parsed them, kept as columns so that the check
 * need not read and parse the file again: a million poles take about what their checked columns
 * will. Records read back equal those made from the text (featureRecord). A file that is not mostly
 * point features is not kept: its check reads the file again.
 */
export class RawFeatureCache {
  private batches: CachedBatch[] = [];
  abandoned = false;

  add(features: readonly unknown[]): void {
    if (this.abandoned) return;
    const n = features.length;
    const geometry = new Uint8Array(n);
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const others = new Map<number, RawRecord>();
    const plain: (Record<string, unknown> | null)[] = new Array<Record<string, unknown> | null>(n).fill(null);
    const keys = new Set<string>();
    for (let i = 0; i < n; i++) {
      const f = features[i] as { type?: unknown; geometry?: unknown; properties?: unknown } | null;
      const point = f?.type === 'Feature' ? pointOf(f.geometry) : null;
      const simple = f?.type === 'Feature' && (f.geometry === undefined || f.geometry === null || point !== null);
      if (!simple) {
        geometry[i] = OTHER;
        others.set(i, featureRecord(f, new FieldCollector()));
        continue;
      }
      geometry[i] = f.geometry === undefined ? NO_MEMBER : f.geometry === null ? NULL_GEOMETRY : POINT;
      if (point) [x[i], y[i]] = point;
      const p = f.properties;
      if (typeof p === 'object' && p !== null && !Array.isArray(p)) {
        plain[i] = p as Record<string, unknown>;
        for (const key of Object.keys(p)) if (!UNSAFE_KEYS.has(key)) keys.add(key);
      }
    }
    if (others.size > n * MOSTLY_POINTS) {
      this.abandoned = true;
      this.batches = [];
      return;
    }
    const own = (i: number, key: string) => {
      const p = plain[i];
      return p !== null && Object.prototype.hasOwnProperty.call(p, key) ? p[key] : undefined;
    };
    const properties: [string, Column][] = [...keys].map((key) => [key, encodeColumn(n, (i) => own(i, key))]);
    const ids = encodeColumn(n, (i) => (geometry[i] === OTHER ? undefined : (features[i] as { id?: unknown }).id));
    this.batches.push({ length: n, ids, geometry, x, y, properties, others });
  }

  /** The records again, a batch at a time, as featureRecord made them from the text. */
  *records(): Generator<RawRecord[]> {
    for (const b of this.batches) {
      const out: RawRecord[] = new Array<RawRecord>(b.length);
      for (let i = 0; i < b.length; i++) {
        const other = b.others.get(i);
        if (other) {
          out[i] = other;
          continue;
        }
        const properties = Object.create(null) as Record<string, unknown>;
        for (const [key, column] of b.properties) {
          const v = valueAt(column, i);
          if (v !== undefined) properties[key] = v;
        }
        const kind = b.geometry[i];
        const geometry = kind === NO_MEMBER ? undefined : kind === NULL_GEOMETRY ? null : { type: 'Point', coordinates: [b.x[i], b.y[i]] };
        out[i] = { geometry, id: valueAt(b.ids, i), properties };
      }
      yield out;
    }
  }
}
