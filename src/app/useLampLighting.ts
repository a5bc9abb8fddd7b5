import { useEffect, useState } from 'react';
import type { LampStats } from '../layers/streetLamps/stats';
import { createStatsClient, type StatsClient } from '../stats/worker/statsClient';
import { selectFeatures, useAppStore } from '../state/store';

let client: StatsClient | null = null;

/**
 * The street-lamp figures (and the town they are of) for the day ending at `asOf`, of the selected town or the whole district,
 * computed in the stats worker: the layers are indexed there once they load (and again when they
 * reload); a town change only re-queries.
 */
export function useLampLighting(asOf: number): { stats: LampStats; town: string | null } | null {
  const towns = useAppStore((s) => selectFeatures(s, 'towns'));
  const poles = useAppStore((s) => selectFeatures(s, 'lamps'));
  const faults = useAppStore((s) => selectFeatures(s, 'lamp-faults'));
  const town = useAppStore((s) => s.filters.town);
  const [indexed, setIndexed] = useState(0);
  const [stats, setStats] = useState<{ stats: LampStats; town: string | null } | null>(null);

  useEffect(() => {
    if (towns.length === 0 || poles.length === 0 || faults.length === 0) return;
    let current = true;
    client ??= createStatsClient();
    const c = client;
    void (async () => {
      await c.loadTowns(towns.map((t) => ({ code: t.properties.code, geometry: t.geometry })));
      await c.loadLamps(poles, faults);
      if (current) setIndexed((n) => n + 1);
    })();
    return () => {
      current = false;
    };
  }, [towns, poles, faults]);

  useEffect(() => {
    if (indexed === 0 || !client) return;
    let current = true;
    void client.query({ from: asOf - 24 * 3600_000, to: asOf, towns: town ? [town] : undefined }).then((result) => {
      if (current && result?.lamps) setStats({ stats: result.lamps.district, town });
    });
    return () => {
      current = false;
    };
  }, [indexed, town, asOf]);

  return stats;
}
