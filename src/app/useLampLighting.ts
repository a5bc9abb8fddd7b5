import { useMemo } from 'react';
import { figuresOf, type StatsReading } from './stats/statsReading';
import { useStatistics } from './stats/useStatistics';
import { useFilters } from '../state/deferredFilters';

export interface LampLightingFigures {
  /** 亮灯率: lit lamps / all lamps at the end of the day; null where there are no lamps. */
  lightingRate: number | null;
  /** Lamps on poles with a fault reported and not yet repaired at the end of the day. */
  darkLamps: number;
  /** The town they are of; null for the whole district. */
  town: string | null;
  /** The statistics they are read from (stale, unavailable, lacking a layer: said beside them). */
  reading: StatsReading<'townRows'>;
}

/**
 * The lighting of the selected town or the whole district for the day ending at `asOf`: a row of
 * the town statistics (the server's SQL with source=server, else the stats worker's), so a town
 * change only picks another row.
 */
export function useLampLighting(asOf: number): LampLightingFigures {
  const { town, classes } = useFilters();
  const range = useMemo(() => ({ from: asOf - 24 * 3600_000, to: asOf, classes }), [asOf, classes]);
  const reading = useStatistics('townRows', [range]);
  const rows = figuresOf(reading);
  const row = rows && (town ? rows.towns.find((r) => r.code === town) : rows.district);
  return { lightingRate: row?.values.lightingRate ?? null, darkLamps: row?.values.faultyLamps ?? 0, town: town || null, reading };
}
