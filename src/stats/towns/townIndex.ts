import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { INSIDE, ON_BOUNDARY, placePoint } from './pointInTown';

/** The town index of a point outside every town ("outside the district"); it is counted, never dropped. */
export const OUTSIDE = -1;
const EDGE_CELL = -2;

export interface Region {
  code: string;
  geometry: Polygon | MultiPolygon;
}

export interface TownIndex {
  /** Region codes in ascending order; a point's town is an index into this list, or OUTSIDE. */
  readonly codes: readonly string[];
  locate(x: number, y: number): number;
  /** Assigns every point once, e.g. when a layer loads. */
  assign(xs: ArrayLike<number>, ys: ArrayLike<number>): Int16Array;
  /**
   * The town that holds the whole box (or OUTSIDE when no town touches it), read from the grid's
   * cells that lie wholly inside one town or outside all; null when the box meets a boundary cell
   * or leaves the grid, and only an exact test can tell.
   */
  townOfBox(w: number, s: number, e: number, n: number): number | null;
}

function ringsOf(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/** Sorts a[from, to) in place: a row's crossings are few, and a subarray per row would be garbage for the collector. */
function sortRange(a: Float64Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = a[i];
    let k = i - 1;
    for (; k >= from && a[k] > v; k--) a[k + 1] = a[k];
    a[k + 1] = v;
  }
}

/**
 * Exact point-to-town assignment, fast enough for millions of points.
 *
 * The rule: a point belongs to the town whose interior contains it; a point exactly on a boundary
 * (edge or vertex) belongs to the town with the lowest code among those it touches; a point in
 * no town is OUTSIDE. Towns are sorted by code, so "lowest code" is "lowest index".
 *
 * A grid covers the regions. Cells crossed (or nearly crossed) by any edge are marked; every other
 * cell lies wholly inside one town or outside all, which a scanline through its centre decides once.
 * Only points in marked cells need an exact test, against the towns whose boxes contain them.
 */
export function buildTownIndex(regions: readonly Region[], gridSize = 1024): TownIndex {
  const towns = [...regions].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const codes = towns.map((t) => t.code);
  const boxes = new Flatbush(Math.max(1, towns.length));
  const townBoxes = new Float64Array(4 * towns.length);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [index, t] of towns.entries()) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const ring of ringsOf(t.geometry)) {
      for (const [x, y] of ring) {
        w = Math.min(w, x);
        s = Math.min(s, y);
        e = Math.max(e, x);
        n = Math.max(n, y);
      }
    }
    boxes.add(w, s, e, n);
    townBoxes.set([w, s, e, n], 4 * index);
    [minX, minY, maxX, maxY] = [Math.min(minX, w), Math.min(minY, s), Math.max(maxX, e), Math.max(maxY, n)];
  }
  if (towns.length === 0) boxes.add(0, 0, 0, 0);
  boxes.finish();

  const cw = (maxX - minX) / gridSize || 1;
  const ch = (maxY - minY) / gridSize || 1;
  const cells = new Int16Array(gridSize * gridSize).fill(OUTSIDE);
  const col = (x: number) => Math.floor((x - minX) / cw);
  const row = (y: number) => Math.floor((y - minY) / ch);

  // Each town's edges as flat [ax, ay, bx, by] runs, with its vertical extent to skip rows it misses.
  const edges = towns.map((t) => {
    const flat: number[] = [];
    for (const ring of ringsOf(t.geometry)) for (let k = 0; k < ring.length - 1; k++) flat.push(ring[k][0], ring[k][1], ring[k + 1][0], ring[k + 1][1]);
    return Float64Array.from(flat);
  });

  // Scanline through each row's centre: even-odd crossings give each town's inside intervals.
  // Each edge lists its crossing x in the rows it spans (a row-major table per town), so the cost
  // follows the edges and crossings, not rows × edges. Towns are filled from the highest index
  // down, so where (invalid) towns overlap the lowest code wins.
  const rowCentre = (j: number) => minY + (j + 0.5) * ch;
  for (let t = towns.length - 1; t >= 0; t--) {
    const e = edges[t];
    // The rows an edge may cross, one row of margin either way (the exact crossing test decides).
    const firstRow = (k: number) => Math.max(0, Math.ceil((Math.min(e[k + 1], e[k + 3]) - minY) / ch - 0.5) - 1);
    const lastRow = (k: number) => Math.min(gridSize - 1, Math.ceil((Math.max(e[k + 1], e[k + 3]) - minY) / ch - 0.5));
    const crosses = (k: number, yc: number) => e[k + 1] > yc !== e[k + 3] > yc;
    const start = new Uint32Array(gridSize + 1);
    for (let k = 0; k < e.length; k += 4) {
      for (let j = firstRow(k), j1 = lastRow(k); j <= j1; j++) if (crosses(k, rowCentre(j))) start[j + 1]++;
    }
    for (let j = 0; j < gridSize; j++) start[j + 1] += start[j];
    const xs = new Float64Array(start[gridSize]);
    const fill = start.slice(0, gridSize);
    for (let k = 0; k < e.length; k += 4) {
      for (let j = firstRow(k), j1 = lastRow(k); j <= j1; j++) {
        const yc = rowCentre(j);
        if (crosses(k, yc)) xs[fill[j]++] = e[k] + ((yc - e[k + 1]) / (e[k + 3] - e[k + 1])) * (e[k + 2] - e[k]);
      }
    }
    for (let j = 0; j < gridSize; j++) {
      const a = start[j];
      const b = start[j + 1];
      sortRange(xs, a, b);
      for (let k = a; k + 1 < b; k += 2) {
        const from = Math.max(0, Math.ceil((xs[k] - minX) / cw - 0.5));
        const to = Math.min(gridSize - 1, Math.floor((xs[k + 1] - minX) / cw - 0.5));
        if (to >= from) cells.fill(t, j * gridSize + from, j * gridSize + to + 1);
      }
    }
  }

  // Mark every cell an edge passes through, with a one-cell margin against rounding.
  const step = Math.min(cw, ch) / 2;
  for (const e of edges) {
    for (let k = 0; k < e.length; k += 4) {
      const ax = e[k];
      const ay = e[k + 1];
      const bx = e[k + 2];
      const by = e[k + 3];
      const samples = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
      for (let s = 0; s <= samples; s++) {
        const ci = col(ax + ((bx - ax) * s) / samples);
        const cj = row(ay + ((by - ay) * s) / samples);
        for (let jj = Math.max(0, cj - 1); jj <= Math.min(gridSize - 1, cj + 1); jj++) {
          for (let i = Math.max(0, ci - 1); i <= Math.min(gridSize - 1, ci + 1); i++) cells[jj * gridSize + i] = EDGE_CELL;
        }
      }
    }
  }

  // Few regions (towns): their boxes are scanned in code order, with nothing allocated per point;
  // many (a bureau's own grid): the R-tree finds the few whose boxes hold the point.
  const LINEAR_SCAN_MAX = 64;
  const candidatesOf = (x: number, y: number): ArrayLike<number> => {
    if (towns.length > LINEAR_SCAN_MAX) return boxes.search(x, y, x, y).sort((a, b) => a - b);
    return allTowns;
  };
  const allTowns = Array.from(towns.keys());
  const exact = (x: number, y: number): number => {
    const candidates = candidatesOf(x, y);
    let onEdgeOf = OUTSIDE;
    for (let c = 0; c < candidates.length; c++) {
      const t = candidates[c];
      const b = 4 * t;
      if (x < townBoxes[b] || y < townBoxes[b + 1] || x > townBoxes[b + 2] || y > townBoxes[b + 3]) continue;
      const placement = placePoint(x, y, towns[t].geometry);
      if (placement === INSIDE) return t;
      if (placement === ON_BOUNDARY && onEdgeOf === OUTSIDE) onEdgeOf = t;
    }
    return onEdgeOf;
  };

  const last = gridSize - 1;
  const toCol = 1 / cw;
  const toRow = 1 / ch;
  const locate = (x: number, y: number): number => {
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) return OUTSIDE;
    // Truncation is floor here (both offsets are ≥ 0); the far edge clamps into the last cell.
    let i = ((x - minX) * toCol) | 0;
    let j = ((y - minY) * toRow) | 0;
    if (i > last) i = last;
    if (j > last) j = last;
    const cell = cells[j * gridSize + i];
    return cell === EDGE_CELL ? exact(x, y) : cell;
  };

  const townOfBox = (w: number, s: number, e: number, n: number): number | null => {
    if (!(w >= minX && e <= maxX && s >= minY && n <= maxY)) return null;
    const i0 = Math.min(last, ((w - minX) * toCol) | 0);
    const i1 = Math.min(last, ((e - minX) * toCol) | 0);
    const j0 = Math.min(last, ((s - minY) * toRow) | 0);
    const j1 = Math.min(last, ((n - minY) * toRow) | 0);
    const first = cells[j0 * gridSize + i0];
    if (first === EDGE_CELL) return null;
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) if (cells[j * gridSize + i] !== first) return null;
    return first;
  };

  return {
    codes,
    locate,
    townOfBox,
    assign(xs, ys) {
      const out = new Int16Array(xs.length);
      for (let i = 0; i < xs.length; i++) out[i] = locate(xs[i], ys[i]);
      return out;
    },
  };
}
