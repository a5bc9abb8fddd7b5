import type { Feature, Point } from 'geojson';
import { caseFlow, type CaseQuery } from '../../stats/cases/caseFlow';
import { buildCaseTable, LIFECYCLE_FIELDS, type CaseTable } from '../../stats/cases/caseTable';
import type { TownIndex } from '../../stats/towns/townIndex';
import { defectType, manholeKind } from './schema';

type Kind = (typeof manholeKind.values)[number];

/** Covers per slot (slot 0 = outside the district) and kind, counted once at load. */
export interface CoverInventory {
  /** covers[slot * kinds + kind] */
  covers: Float64Array;
}

export interface ManholeStats {
  covers: number;
  coversByKind: Record<Kind, number>;
  /** Defects reported and not yet fixed (handled) at the end of the range. */
  openDefects: number;
  openDefectsPer1000Covers: number | null;
  reported: number;
  fixed: number;
  medianFixMinutes: number | null;
  overdue: number;
}

const KINDS = manholeKind.values.length;

export function coverInventory(covers: readonly Feature<Point, { kind: string }>[], towns: TownIndex): CoverInventory {
  const inventory = new Float64Array((towns.codes.length + 1) * KINDS);
  const kindIndex = new Map<string, number>(manholeKind.values.map((k, i) => [k, i]));
  for (const c of covers) {
    const slot = towns.locate(c.geometry.coordinates[0], c.geometry.coordinates[1]) + 1;
    inventory[slot * KINDS + (kindIndex.get(c.properties.kind) ?? KINDS - 1)]++;
  }
  return { covers: inventory };
}

/** The inventory of the covers a mask keeps, from each cover's slot and kind code (index into manholeKind.values). */
export function maskedCoverInventory(slot: Int16Array, kindCode: Uint8Array, mask: Uint8Array, slots: number): CoverInventory {
  const covers = new Float64Array(slots * KINDS);
  for (let i = 0; i < slot.length; i++) if (mask[i] === 1) covers[slot[i] * KINDS + Math.min(kindCode[i], KINDS - 1)]++;
  return { covers };
}

export function defectTable(defects: readonly Feature<Point, Record<string, unknown>>[], towns: TownIndex): CaseTable {
  return buildCaseTable(defects, towns, { ...LIFECYCLE_FIELDS, category: 'defect' }, defectType.values);
}

/** Manhole-cover figures per slot and for the district; a defect counts as fixed when it is handled. */
export function manholeStats(inventory: CoverInventory, defects: CaseTable, townCount: number, query: Omit<CaseQuery, 'doneStage'>): { bySlot: ManholeStats[]; district: ManholeStats } {
  const flow = caseFlow(defects, townCount, { ...query, doneStage: 'handled' });
  const keepTown = (slot: number) => !query.towns || query.towns.has(slot - 1);
  const figures = (byKind: number[], f: (typeof flow)['district']): ManholeStats => {
    const covers = byKind.reduce((a, b) => a + b, 0);
    return {
      covers,
      coversByKind: Object.fromEntries(manholeKind.values.map((k, i) => [k, byKind[i]])) as Record<Kind, number>,
      openDefects: f.openAmountAtEnd,
      openDefectsPer1000Covers: covers > 0 ? (f.openAmountAtEnd / covers) * 1000 : null,
      reported: f.reported,
      fixed: f.done,
      medianFixMinutes: f.medianMinutes,
      overdue: f.overdue,
    };
  };
  const kindsBySlot = flow.bySlot.map((_, slot) => Array.from({ length: KINDS }, (_k, k) => (keepTown(slot) ? inventory.covers[slot * KINDS + k] : 0)));
  const districtKinds = Array.from({ length: KINDS }, (_, k) => kindsBySlot.reduce((a, kinds) => a + kinds[k], 0));
  return { bySlot: flow.bySlot.map((f, slot) => figures(kindsBySlot[slot], f)), district: figures(districtKinds, flow.district) };
}
