import { DOMAIN_LAYERS, timeFieldOf, type DomainLayerId } from '../../layers/registry';
import { keptValues, type Filters } from '../../state/filters';
import { FILTER_CHANNELS, NO_TOWN, minutesOf } from './layerColumns';

/**
 * A layer's filters in the form both the GPU and the CPU read: per channel the kept category
 * indices, and the time window in minutes (inclusive, as deck.gl's filterRange is).
 */
export interface LayerFilterMasks {
  /** Per channel, the category indices kept. */
  categories: number[][];
  /** Per channel, a 256-entry lookup: 1 where the category is kept. */
  lookup: Uint8Array[];
  minutes: [number, number];
  /** Whether the time window applies (timeless layers keep every feature). */
  timed: boolean;
}

export function layerFilterMasks(layer: DomainLayerId, filters: Filters, townCodes: readonly string[]): LayerFilterMasks {
  const def = DOMAIN_LAYERS[layer];
  const classFilter = filters.classes[layer];
  const categories = def.filters.map((f) => {
    const kept = new Set(keptValues(layer, classFilter, f.field));
    return f.classes.values.flatMap((v, i) => (kept.has(v) ? [i] : []));
  });
  const townSlot = filters.town === null ? -1 : townCodes.indexOf(filters.town);
  const allSlots = [...townCodes.map((_, i) => i), NO_TOWN];
  // Unused channels hold 0 for every feature.
  while (categories.length < FILTER_CHANNELS - 1) categories.push([0]);
  categories.push(filters.town === null ? allSlots : townSlot >= 0 ? [townSlot] : []);
  const lookup = categories.map((kept) => {
    const table = new Uint8Array(256);
    for (const k of kept) table[k] = 1;
    return table;
  });
  // Inclusive upper bound: half a minute short of `to`, so a case at exactly `to` falls in the next window.
  const timed = timeFieldOf(def.features) !== undefined;
  return { categories, lookup, timed, minutes: timed ? [minutesOf(filters.time.from), minutesOf(filters.time.to) - 0.5] : [-Infinity, Infinity] };
}
