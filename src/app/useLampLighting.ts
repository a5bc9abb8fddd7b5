import type { LampStats } from '../layers/streetLamps/stats';
import { useAppStore } from '../state/store';
import { useEngineAnswer } from './stats/useEngineAnswer';

/**
 * The street-lamp figures (and the town they are of) for the day ending at `asOf`, of the selected
 * town or the whole district, computed in the stats worker; a town change only re-queries.
 */
export function useLampLighting(asOf: number): { stats: LampStats; town: string | null } | null {
  const town = useAppStore((s) => s.filters.town);
  const classes = useAppStore((s) => s.filters.classes);
  const result = useEngineAnswer('query', [{ from: asOf - 24 * 3600_000, to: asOf, towns: town ? [town] : undefined, classes }]);
  const lamps = result?.answer.lamps;
  return lamps ? { stats: lamps.district, town: result.asked[0].towns?.[0] ?? null } : null;
}
