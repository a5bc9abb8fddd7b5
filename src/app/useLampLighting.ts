import { useEffect, useMemo, useState } from 'react';
import type { LampStats } from '../layers/streetLamps/stats';
import { useAppStore } from '../state/store';
import { useStatsEngine } from './stats/useStatsEngine';

/**
 * The street-lamp figures (and the town they are of) for the day ending at `asOf`, of the selected
 * town or the whole district, computed in the stats worker; a town change only re-queries.
 */
export function useLampLighting(asOf: number): { stats: LampStats; town: string | null } | null {
  const { client, version } = useStatsEngine();
  const town = useAppStore((s) => s.filters.town);
  const [stats, setStats] = useState<{ stats: LampStats; town: string | null } | null>(null);
  const query = useMemo(() => client?.latestQuery(), [client]);

  useEffect(() => {
    if (version === 0 || !query) return;
    let current = true;
    void query({ from: asOf - 24 * 3600_000, to: asOf, towns: town ? [town] : undefined }).then((result) => {
      if (current && result?.lamps) setStats({ stats: result.lamps.district, town });
    });
    return () => {
      current = false;
    };
  }, [query, version, town, asOf]);

  return stats;
}
