import { patchStatus, type PatchStatus } from '../../src/layers/patches/schema';
import { statusAt, type PatchStats, type PatchTable } from '../../src/layers/patches/stats';

/**
 * The first, straightforward patchStats (a closure and keyed records per patch), kept as the
 * reference the faster one is cross-checked against.
 */
function emptyStats(): PatchStats {
  const zero = () => Object.fromEntries(patchStatus.values.map((s) => [s, 0])) as Record<PatchStatus, number>;
  return { detected: 0, detectedAreaM2: 0, countByStatus: zero(), areaByStatus: zero(), verificationRate: null, disposalRate: null, demolishedInRange: 0, demolishedAreaM2: 0 };
}

/**
 * Patch figures per slot and for the district over [from, to). A patch counts in every town it
 * crosses, with the area it has there; the district counts it once, with its whole area — or,
 * when only some towns are kept (town indexes), with the area of its parts in them.
 */
export function patchStatsReference(
  table: PatchTable,
  from: number,
  to: number,
  towns: ReadonlySet<number> | null = null,
  /** Per-patch mask from the class filters; null keeps all. */
  keep: Uint8Array | null = null,
): { bySlot: PatchStats[]; district: PatchStats } {
  const slots = table.codes.length + 1;
  const bySlot = Array.from({ length: slots }, emptyStats);
  const district = emptyStats();
  const verified = new Float64Array(slots + 1);
  const illegal = new Float64Array(slots + 1);
  const disposed = new Float64Array(slots + 1);
  for (let i = 0; i < table.size; i++) {
    if (keep && keep[i] === 0) continue;
    const status = statusAt(table, i, to);
    if (status === null) continue;
    const inRange = table.detected[i] >= from;
    const demolished = table.finalStatus[i] === 'demolished' && table.disposed[i] >= from && table.disposed[i] < to;
    const tally = (s: PatchStats, row: number, area: number) => {
      s.countByStatus[status]++;
      s.areaByStatus[status] += area;
      if (inRange) {
        s.detected++;
        s.detectedAreaM2 += area;
        if (status !== 'pending') verified[row]++;
        if (status === 'illegal' || status === 'rectifying' || status === 'demolished' || status === 'confiscated' || status === 'legalised') {
          illegal[row]++;
          if (status === 'demolished' || status === 'confiscated' || status === 'legalised') disposed[row]++;
        }
      }
      if (demolished) {
        s.demolishedInRange++;
        s.demolishedAreaM2 += area;
      }
    };
    let keptArea = 0;
    for (let k = table.partStart[i]; k < table.partStart[i + 1]; k++) {
      const slot = table.partSlot[k];
      if (towns !== null && !towns.has(slot - 1)) continue;
      tally(bySlot[slot], slot, table.partArea[k]);
      keptArea += table.partArea[k];
    }
    if (towns === null) tally(district, slots, table.areaM2[i]);
    else if (keptArea > 0) tally(district, slots, keptArea);
  }
  const rates = (s: PatchStats, row: number) => {
    s.verificationRate = s.detected ? verified[row] / s.detected : null;
    s.disposalRate = illegal[row] ? disposed[row] / illegal[row] : null;
  };
  bySlot.forEach(rates);
  rates(district, slots);
  return { bySlot, district };
}
