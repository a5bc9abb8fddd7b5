import { useEffect, useState } from 'react';
import type { LampStats } from '../layers/streetLamps/stats';
import { createStatsClient, type StatsClient } from '../stats/worker/statsClient';
import { selectFeatures, useAppStore } from '../state/store';

let client: StatsClient | null = null;

/**
 * The district's street-lamp figures for the day ending at `asOf`, computed in the stats worker
 * once towns, poles and faults have loaded (and again whenever they reload).
 */
export function useLampLighting(asOf: number): LampStats | null {
  const towns = useAppStore((s) => selectFeatures(s, 'towns'));
  const poles = useAppStore((s) => selectFeatures(s, 'lamps'));
  const faults = useAppStore((s) => selectFeatures(s, 'lamp-faults'));
  const [stats, setStats] = useState<LampStats | null>(null);

  useEffect(() => {
    if (towns.length === 0 || poles.length === 0 || faults.length === 0) return;
    let current = true;
    client ??= createStatsClient();
    const c = client;
    void (async () => {
      await c.loadTowns(towns.map((t) => ({ code: t.properties.code, geometry: t.geometry })));
      await c.loadLamps(poles, faults);
      const result = await c.query({ from: asOf - 24 * 3600_000, to: asOf });
      if (current && result?.lamps) setStats(result.lamps.district);
    })();
    return () => {
      current = false;
    };
  }, [towns, poles, faults, asOf]);

  return stats;
}
