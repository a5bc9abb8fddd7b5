import * as turf from '@turf/turf';
import type { BBox, Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { OUTSIDE, type Region, type TownIndex } from '../../stats/towns/townIndex';
import { patchStatus, type PatchProperties, type PatchStatus } from './schema';

/** A town cut to a box, as a valid multipolygon (clipping leaves rings too short to be one dropped); null if nothing is left. */
function townNear(town: Polygon | MultiPolygon, box: BBox): Feature<MultiPolygon> | null {
  const clipped = turf.bboxClip(town, box).geometry as Polygon | MultiPolygon;
  const polygons: Position[][][] = (clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates)
    .filter((rings) => rings.length > 0 && rings[0].length >= 4)
    .map((rings) => rings.filter((ring) => ring.length >= 4));
  return polygons.length > 0 ? turf.multiPolygon(polygons) : null;
}

/** Whether a box-clipped shape is the whole box: one ring without holes whose planar area is the box's. */
function coversBox(shape: Feature<MultiPolygon>, [w, s, e, n]: BBox): boolean {
  const polygons = shape.geometry.coordinates;
  if (polygons.length !== 1 || polygons[0].length !== 1) return false;
  const ring = polygons[0][0];
  let twice = 0;
  for (let i = 1; i < ring.length; i++) twice += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  const box = (e - w) * (n - s);
  return Math.abs(Math.abs(twice) / 2 - box) <= box * 1e-9;
}

/**
 * Patches with their area split between the towns they cross, computed once at load: each patch
 * is intersected with every town whose box it touches (Turf), and whatever lies outside all
 * towns goes to slot 0, "outside the district". Slots are town index + 1, towns sorted by code.
 */
export interface PatchTable {
  size: number;
  codes: string[];
  areaM2: Float64Array;
  detected: Float64Array;
  verified: Float64Array;
  rectifying: Float64Array;
  disposed: Float64Array;
  /** The patch's last status in the data; earlier statuses are derived from the dates. */
  finalStatus: PatchStatus[];
  /** Parts in CSR form: the parts of patch i are partStart[i] … partStart[i + 1] - 1. */
  partStart: Int32Array;
  partSlot: Int16Array;
  partArea: Float64Array;
}

export interface PatchStats {
  detected: number;
  detectedAreaM2: number;
  /** Patches detected before the end of the range, by their status at its end, with their area here. */
  countByStatus: Record<PatchStatus, number>;
  areaByStatus: Record<PatchStatus, number>;
  /** Verified by the end of the range / detected in it; null when none were detected. */
  verificationRate: number | null;
  /** Disposed of by the end of the range / found illegal by then, of those detected in it. */
  disposalRate: number | null;
  demolishedInRange: number;
  demolishedAreaM2: number;
}

/** A stage time: ISO text, or epoch milliseconds where the features were rebuilt from columns for the engine. */
const time = (v: string | number | null) => (typeof v === 'number' ? v : v === null ? NaN : Date.parse(v));
const bboxOverlap = (a: number[], b: number[]) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/**
 * `index` (the towns' grid index), when given, settles the patches that lie wholly inside one town
 * or outside all from its grid cells, without clipping: most of them, and the same parts.
 */
export function buildPatchTable(patches: readonly Feature<Polygon | MultiPolygon, PatchProperties>[], regions: readonly Region[], index?: TownIndex): PatchTable {
  const towns = [...regions].sort((a, b) => (a.code < b.code ? -1 : 1)).map((r) => ({ ...r, bbox: turf.bbox(r.geometry) }));
  const slotOfIndexTown = index?.codes.map((code) => towns.findIndex((t) => t.code === code) + 1);
  const n = patches.length;
  const parts: { slot: number; area: number }[][] = [];
  const table: PatchTable = {
    size: n,
    codes: towns.map((t) => t.code),
    areaM2: new Float64Array(n),
    detected: new Float64Array(n),
    verified: new Float64Array(n),
    rectifying: new Float64Array(n),
    disposed: new Float64Array(n),
    finalStatus: [],
    partStart: new Int32Array(n + 1),
    partSlot: new Int16Array(0),
    partArea: new Float64Array(0),
  };
  patches.forEach((patch, i) => {
    const p = patch.properties;
    const area = turf.area(patch);
    const bbox = turf.bbox(patch);
    const mine: { slot: number; area: number }[] = [];
    const whole = index ? index.townOfBox(bbox[0], bbox[1], bbox[2], bbox[3]) : null;
    if (whole !== null && whole !== OUTSIDE) mine.push({ slot: slotOfIndexTown![whole], area });
    else if (whole === null) towns.forEach((town, t) => {
      if (!bboxOverlap(bbox, town.bbox)) return;
      // The town cut to the patch's box first: the same intersection, without running the
      // polygon clipper over the town's thousands of vertices for every patch.
      const near = townNear(town.geometry, bbox);
      if (!near) return;
      // Most patches lie well inside one town: its box is covered whole, so the part is the patch.
      if (coversBox(near, bbox)) return void mine.push({ slot: t + 1, area });
      const inter = turf.intersect(turf.featureCollection([patch, near]));
      if (inter) mine.push({ slot: t + 1, area: turf.area(inter) });
    });
    const inside = mine.reduce((a, m) => a + m.area, 0);
    if (area - inside > area * 1e-6) mine.push({ slot: 0, area: area - inside });
    parts.push(mine);
    table.areaM2[i] = area;
    table.detected[i] = time(p.detectedAt);
    table.verified[i] = time(p.verifiedAt);
    table.rectifying[i] = time(p.rectifyStartedAt);
    table.disposed[i] = time(p.disposedAt);
    table.finalStatus.push(p.status);
  });
  let k = 0;
  table.partSlot = new Int16Array(parts.reduce((a, m) => a + m.length, 0));
  table.partArea = new Float64Array(table.partSlot.length);
  parts.forEach((mine, i) => {
    table.partStart[i] = k;
    for (const m of mine) {
      table.partSlot[k] = m.slot;
      table.partArea[k++] = m.area;
    }
  });
  table.partStart[n] = k;
  return table;
}

/** A patch's status at time t, from its dates and its last known status. */
export function statusAt(table: PatchTable, i: number, t: number): PatchStatus | null {
  if (!(table.detected[i] < t)) return null;
  const final = table.finalStatus[i];
  if (!(table.verified[i] < t)) return 'pending';
  if (final === 'legal' || final === 'falsePositive') return final;
  if (!(table.rectifying[i] < t)) return 'illegal';
  if (!(table.disposed[i] < t)) return 'rectifying';
  return final;
}

const STATUS_CODE = new Map<PatchStatus, number>(patchStatus.values.map((s, i) => [s, i]));
const S = patchStatus.values.length;
const code = (s: PatchStatus) => STATUS_CODE.get(s)!;
const [PENDING, ILLEGAL, LEGAL, FALSE_POSITIVE, RECTIFYING, DEMOLISHED, CONFISCATED, LEGALISED] = (
  ['pending', 'illegal', 'legal', 'falsePositive', 'rectifying', 'demolished', 'confiscated', 'legalised'] as const
).map(code);
/** Status codes that count as found illegal, and as disposed of. */
const ILLEGAL_CODES = new Uint8Array(S);
const DISPOSED_CODES = new Uint8Array(S);
for (const c of [ILLEGAL, RECTIFYING, DEMOLISHED, CONFISCATED, LEGALISED]) ILLEGAL_CODES[c] = 1;
for (const c of [DEMOLISHED, CONFISCATED, LEGALISED]) DISPOSED_CODES[c] = 1;

/** statusAt as a code (-1 before detection), without building strings in the hot loop. */
function statusCodeAt(table: PatchTable, finalCode: number, i: number, t: number): number {
  if (!(table.detected[i] < t)) return -1;
  if (!(table.verified[i] < t)) return PENDING;
  if (finalCode === LEGAL || finalCode === FALSE_POSITIVE) return finalCode;
  if (!(table.rectifying[i] < t)) return ILLEGAL;
  if (!(table.disposed[i] < t)) return RECTIFYING;
  return finalCode;
}

/**
 * Patch figures per slot and for the district over [from, to). A patch counts in every town it
 * crosses, with the area it has there; the district counts it once, with its whole area — or,
 * when only some towns are kept (town indexes), with the area of its parts in them. Tallies go
 * into typed arrays (row = slot, the district last) and become records only at the end.
 */
export function patchStats(
  table: PatchTable,
  from: number,
  to: number,
  towns: ReadonlySet<number> | null = null,
  /** Per-patch mask from the class filters; null keeps all. */
  keep: Uint8Array | null = null,
): { bySlot: PatchStats[]; district: PatchStats } {
  const slots = table.codes.length + 1;
  const rows = slots + 1;
  const district = slots;
  const keepSlot = new Uint8Array(slots).fill(towns === null ? 1 : 0);
  if (towns !== null) for (const t of towns) if (t + 1 >= 0 && t + 1 < slots) keepSlot[t + 1] = 1;
  const count = new Float64Array(rows * S);
  const area = new Float64Array(rows * S);
  const detected = new Float64Array(rows);
  const detectedArea = new Float64Array(rows);
  const verified = new Float64Array(rows);
  const illegal = new Float64Array(rows);
  const disposed = new Float64Array(rows);
  const demolished = new Float64Array(rows);
  const demolishedArea = new Float64Array(rows);
  const finalCodes = finalCodesOf(table);
  const tally = (row: number, status: number, a: number, inRange: boolean, isDemolished: boolean) => {
    count[row * S + status]++;
    area[row * S + status] += a;
    if (inRange) {
      detected[row]++;
      detectedArea[row] += a;
      if (status !== PENDING) verified[row]++;
      if (ILLEGAL_CODES[status]) {
        illegal[row]++;
        if (DISPOSED_CODES[status]) disposed[row]++;
      }
    }
    if (isDemolished) {
      demolished[row]++;
      demolishedArea[row] += a;
    }
  };
  for (let i = 0; i < table.size; i++) {
    if (keep && keep[i] === 0) continue;
    const finalCode = finalCodes[i];
    const status = statusCodeAt(table, finalCode, i, to);
    if (status < 0) continue;
    const inRange = table.detected[i] >= from;
    const isDemolished = finalCode === DEMOLISHED && table.disposed[i] >= from && table.disposed[i] < to;
    let keptArea = 0;
    for (let k = table.partStart[i]; k < table.partStart[i + 1]; k++) {
      const slot = table.partSlot[k];
      if (keepSlot[slot] === 0) continue;
      tally(slot, status, table.partArea[k], inRange, isDemolished);
      keptArea += table.partArea[k];
    }
    if (towns === null) tally(district, status, table.areaM2[i], inRange, isDemolished);
    else if (keptArea > 0) tally(district, status, keptArea, inRange, isDemolished);
  }
  const stats = (row: number): PatchStats => ({
    detected: detected[row],
    detectedAreaM2: detectedArea[row],
    countByStatus: Object.fromEntries(patchStatus.values.map((s, c) => [s, count[row * S + c]])) as Record<PatchStatus, number>,
    areaByStatus: Object.fromEntries(patchStatus.values.map((s, c) => [s, area[row * S + c]])) as Record<PatchStatus, number>,
    verificationRate: detected[row] ? verified[row] / detected[row] : null,
    disposalRate: illegal[row] ? disposed[row] / illegal[row] : null,
    demolishedInRange: demolished[row],
    demolishedAreaM2: demolishedArea[row],
  });
  return { bySlot: Array.from({ length: slots }, (_, slot) => stats(slot)), district: stats(district) };
}

const finalCodesCache = new WeakMap<PatchTable, Uint8Array>();
function finalCodesOf(table: PatchTable): Uint8Array {
  let codes = finalCodesCache.get(table);
  if (!codes) finalCodesCache.set(table, (codes = Uint8Array.from(table.finalStatus, code)));
  return codes;
}
