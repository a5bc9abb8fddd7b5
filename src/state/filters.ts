import { DATA_END_MS, DATA_START_MS } from '../layers/common/time';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';

/** Per attribute, the values kept; an attribute left out keeps every value. */
export type ClassFilter = Readonly<Partial<Record<string, readonly string[]>>>;

export interface TimeRange {
  from: number;
  to: number;
}

/** Everything that narrows the data down; stored once, read by the map and every panel. */
export interface Filters {
  classes: Readonly<Record<DomainLayerId, ClassFilter>>;
  /** Selected town code, or null for the whole district. */
  town: string | null;
  /** Half-open [from, to) in epoch milliseconds. */
  time: TimeRange;
}

export const FULL_SPAN: TimeRange = { from: DATA_START_MS, to: DATA_END_MS };

export function noFilters(): Filters {
  return {
    classes: Object.fromEntries(DOMAIN_LAYER_IDS.map((id) => [id, {}])) as Record<DomainLayerId, ClassFilter>,
    town: null,
    time: FULL_SPAN,
  };
}

/** The values of an attribute a filter keeps (all of them when it is not filtered). */
export function keptValues(layerId: DomainLayerId, filter: ClassFilter, field: string): readonly string[] {
  const def = DOMAIN_LAYERS[layerId].filters.find((f) => f.field === field);
  return filter[field] ?? def?.classes.values ?? [];
}

/** Switches one value of an attribute on or off; keeping every value again removes the attribute's filter. */
export function toggleClass(layerId: DomainLayerId, filter: ClassFilter, field: string, value: string): ClassFilter {
  const all = DOMAIN_LAYERS[layerId].filters.find((f) => f.field === field)?.classes.values ?? [];
  const kept = new Set(keptValues(layerId, filter, field));
  if (kept.has(value)) kept.delete(value);
  else kept.add(value);
  return kept.size === all.length ? withoutField(filter, field) : { ...filter, [field]: all.filter((v) => kept.has(v)) };
}

/** The filter with one attribute's restriction removed. */
export function withoutField(filter: ClassFilter, field: string): ClassFilter {
  return Object.fromEntries(Object.entries(filter).filter(([f]) => f !== field));
}

export function isFiltered(filters: Filters): boolean {
  return (
    filters.town !== null ||
    filters.time.from !== FULL_SPAN.from ||
    filters.time.to !== FULL_SPAN.to ||
    DOMAIN_LAYER_IDS.some((id) => Object.keys(filters.classes[id]).length > 0)
  );
}
