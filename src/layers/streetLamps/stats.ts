import type { Feature, Point } from 'geojson';
import { caseFlow, type CaseQuery } from '../../stats/cases/caseFlow';
import { buildCaseTable, LIFECYCLE_FIELDS, type CaseTable } from '../../stats/cases/caseTable';
import { slotTotals } from '../../stats/classes/classMask';
import type { TownIndex } from '../../stats/towns/townIndex';
import { faultCause } from './schema';

/** Poles and lamps per slot (slot 0 = outside the district, then one per town), counted once at load. */
export interface LampInventory {
  poles: Float64Array;
  lamps: Float64Array;
}

export interface LampStats {
  poles: number;
  lamps: number;
  /** Lamps on poles with a fault reported and not yet repaired at the end of the range. */
  faultyLampsAtEnd: number;
  /** 亮灯率: lit lamps / all lamps at the end of the range; null where there are no lamps. */
  lightingRate: number | null;
  faultsReported: number;
  faultsRepaired: number;
  medianRepairMinutes: number | null;
  p90RepairMinutes: number | null;
  /** Faults reported in the range that were past their repair deadline at its end. */
  overdueFaults: number;
}

export function lampInventory(poles: readonly Feature<Point, { lampCount: number }>[], towns: TownIndex): LampInventory {
  const slots = towns.codes.length + 1;
  const inventory = { poles: new Float64Array(slots), lamps: new Float64Array(slots) };
  for (const pole of poles) {
    const slot = towns.locate(pole.geometry.coordinates[0], pole.geometry.coordinates[1]) + 1;
    inventory.poles[slot]++;
    inventory.lamps[slot] += pole.properties.lampCount;
  }
  return inventory;
}

/** The inventory of the poles a mask keeps, from each pole's slot and lamp count. */
export function maskedLampInventory(slot: Int16Array, lampCount: ArrayLike<number>, mask: Uint8Array, slots: number): LampInventory {
  return { poles: slotTotals(slot, null, mask, slots), lamps: slotTotals(slot, lampCount, mask, slots) };
}

export function lampFaultTable(faults: readonly Feature<Point, Record<string, unknown>>[], towns: TownIndex): CaseTable {
  return buildCaseTable(faults, towns, { ...LIFECYCLE_FIELDS, category: 'cause', amount: 'lampsAffected' }, faultCause.values);
}

/** Street-lamp figures per slot and for the district over a time range (repairs end at handling). */
export function lampStats(inventory: LampInventory, faults: CaseTable, townCount: number, query: Omit<CaseQuery, 'doneStage'>): { bySlot: LampStats[]; district: LampStats } {
  const repairs = caseFlow(faults, townCount, { ...query, doneStage: 'handled' });
  const keepTown = (slot: number) => !query.towns || query.towns.has(slot - 1);
  const figures = (poles: number, lamps: number, flow: (typeof repairs)['district']): LampStats => {
    const faulty = Math.min(flow.openAmountAtEnd, lamps);
    return {
      poles,
      lamps,
      faultyLampsAtEnd: faulty,
      lightingRate: lamps > 0 ? (lamps - faulty) / lamps : null,
      faultsReported: flow.reported,
      faultsRepaired: flow.done,
      medianRepairMinutes: flow.medianMinutes,
      p90RepairMinutes: flow.p90Minutes,
      overdueFaults: flow.overdue,
    };
  };
  const bySlot = repairs.bySlot.map((flow, slot) => figures(keepTown(slot) ? inventory.poles[slot] : 0, keepTown(slot) ? inventory.lamps[slot] : 0, flow));
  const sum = (pick: (s: LampStats) => number) => bySlot.reduce((a, s) => a + pick(s), 0);
  return { bySlot, district: figures(sum((s) => s.poles), sum((s) => s.lamps), repairs.district) };
}
