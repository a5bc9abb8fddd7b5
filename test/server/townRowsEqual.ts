import { expect } from 'vitest';
import { TOWN_METRIC_IDS, TOWN_METRICS, type TownRow } from '../../src/stats/townMetrics';

/**
 * Lengths and areas are measured twice, by PostGIS on its sphere and by Turf (whose area formula is an
 * approximation on the same sphere): equal to 5e-4 of the value. Every count, rate and duration exactly.
 */
const MEASURED = new Set(['trackKm', 'corridorKm2', 'railwayPerKm', 'patchAreaM2', 'demolishedAreaM2', 'lampFaultsPerKm2']);
/** Measures that add up over towns: their error is bounded by the whole (a town's sliver is as exact as the district's total). */
const ADDITIVE = new Set(['trackKm', 'corridorKm2', 'patchAreaM2', 'demolishedAreaM2']);

/** A server's town row equals the engine's: every count, rate and duration exactly, lengths and areas to 5e-4. */
export function expectEqualRow(engine: TownRow, served: TownRow | undefined, where: string, whole: TownRow) {
  expect(served, where).toBeDefined();
  for (const id of TOWN_METRIC_IDS) {
    const want = engine.values[id];
    const got = served!.values[id];
    const label = `${where} ${id} (${TOWN_METRICS[id].label.en})`;
    if (want === null) expect(got, label).toBeNull();
    else if (MEASURED.has(id)) {
      const scale = ADDITIVE.has(id) ? (whole.values[id] ?? want) : want;
      expect(Math.abs(got! - want), label).toBeLessThanOrEqual(Math.max(5e-4 * Math.abs(scale), id.endsWith('M2') ? 1 : 1e-9));
    } else expect(got, label).toBeCloseTo(want, 9);
  }
}

