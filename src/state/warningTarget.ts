import type { DomainLayerId } from '../layers/registry';
import type { TimeRange } from './filters';
import { useAppStore } from './store';

/** What opening a warning does, from its list or from the map: the same for both. */
export interface WarningTarget {
  /** The layer its cases are drawn in, made visible. */
  show: DomainLayerId;
  /** The case, pole or cover opened in the details. */
  select?: { layer: DomainLayerId; id: string };
  /** Its town chosen, and the window its count is of as the time range. */
  town?: string;
  range?: TimeRange;
  /** Its category kept by the layer's class filter (its other filters stay). */
  keep?: { field: string; values: string[] };
  /** Where the map goes. */
  view?: [number, number, number, number];
}

export function openWarningTarget(target: WarningTarget): void {
  const s = useAppStore.getState();
  s.setLayerDisplay(target.show, { visible: true });
  if (target.town) s.selectTown(target.town);
  if (target.range) s.setTimeRange(target.range);
  if (target.keep) s.setClassFilter(target.show, { ...s.filters.classes[target.show], [target.keep.field]: target.keep.values });
  if (target.select) s.select(target.select);
  if (target.view) s.requestView(target.view);
}
