import { useMemo } from 'react';
import { figuresOf } from '../app/stats/statsReading';
import { useStatistics } from '../app/stats/useStatistics';
import { formatNumber, label, translate } from '../i18n';
import { COLLECTIONS, DOMAIN_LAYERS, timeFieldOf, type DomainLayerId } from '../layers/registry';
import { useFilteredCases } from '../map/columns/useFilteredCases';
import { countByYear, yearEdges } from '../stats/countByYear';
import { timesOf } from '../data/columnar/readTable';
import { SERIES_OF } from '../stats/caseLayers';
import { useAppStore } from '../state/store';
import { YearlyBars } from './YearlyBars';
import { useFilters } from '../state/deferredFilters';

const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];
type YearCounts = { year: number; count: number }[];

/** A layer's cases per year under the current filters, counted in the page from the cases it holds. */
function useCountedYears(layerId: DomainLayerId, enabled: boolean): YearCounts | null {
  const filtered = useFilteredCases(layerId, enabled);
  const timeField = timeFieldOf(DOMAIN_LAYERS[layerId].cases);
  return useMemo(() => (filtered && timeField ? countByYear(timesOf(filtered.cases, timeField), filtered.rows, YEARS) : null), [filtered, timeField]);
}

/**
 * The same from the statistics (the server's case series, source=server): for layers whose assets
 * the page does not hold, so it cannot tell which cases their filters keep.
 */
function useSeriesYears(layerId: DomainLayerId, enabled: boolean): YearCounts | null {
  const { time, town, classes } = useFilters();
  const buckets = useMemo(() => yearEdges(YEARS, time.from, time.to), [time]);
  const answer = figuresOf(useStatistics('series', enabled && buckets.edges.length > 1 ? [buckets.edges, { towns: town ? [town] : undefined, classes }] : null));
  return useMemo(() => {
    const reported = answer?.[SERIES_OF[layerId]]?.reported;
    if (!enabled || !reported) return null;
    return YEARS.map((year) => ({ year, count: reported[buckets.years.indexOf(year)] ?? 0 }));
  }, [answer, buckets, layerId, enabled]);
}

/** A layer's cases per year under the current filters, handed to the chart. */
export function CaseTrendContainer({ layerId }: { layerId: DomainLayerId }) {
  const lang = useAppStore((s) => s.lang);
  const collection = DOMAIN_LAYERS[layerId].cases;
  const served = useAppStore((s) => s.collections[DOMAIN_LAYERS[layerId].features]?.status === 'served');
  const counted = useCountedYears(layerId, !served);
  const fromSeries = useSeriesYears(layerId, served);
  const data = served ? fromSeries : counted;
  if (!timeFieldOf(collection) || !data || data.every((d) => d.count === 0)) return null;
  return (
    <YearlyBars
      data={data}
      color="#5c7cfa"
      title={`${label(lang, COLLECTIONS[collection].title)} · ${translate(lang, 'perYear')}`}
      formatCount={(n) => formatNumber(lang, n)}
    />
  );
}
