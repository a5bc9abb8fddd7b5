import { useMemo } from 'react';
import { figuresOf } from '../app/stats/statsReading';
import { useStatistics } from '../app/stats/useStatistics';
import { formatNumber, label, translate } from '../i18n';
import { COLLECTIONS, DOMAIN_LAYERS, timeFieldOf, type DomainLayerId } from '../layers/registry';
import { isDrawnCaseLayer, useFilteredCases, type DrawnCaseLayer } from '../map/columns/useFilteredCases';
import { countByYear, yearEdges } from '../stats/countByYear';
import { timesOf } from '../data/columnar/readTable';
import { SERIES_OF } from '../stats/caseLayers';
import { useAppStore } from '../state/store';
import { YearlyBars } from './YearlyBars';
import { useFilters } from '../state/deferredFilters';

const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];
type YearCounts = { year: number; count: number }[];

/** Cases per year under the current filters, counted in the page from the drawn cases the map shows. */
function useCountedYears(layerId: DrawnCaseLayer): YearCounts | null {
  const filtered = useFilteredCases(layerId);
  const timeField = timeFieldOf(DOMAIN_LAYERS[layerId].cases);
  return useMemo(() => (filtered && timeField ? countByYear(timesOf(filtered.cases, timeField), filtered.rows, YEARS) : null), [filtered, timeField]);
}

/**
 * The same from the statistics' case series: the server's (source=server), whose layers the page
 * does not hold, and the stats worker's for cases filed against assets (lamp faults, manhole
 * defects), which it joins to their poles and covers off the main thread (half a million faults
 * at 10×). Its town and class filters keep what the map's do: a case of an asset shown.
 */
function useSeriesYears(layerId: DomainLayerId): YearCounts | null {
  const { time, town, classes } = useFilters();
  const buckets = useMemo(() => yearEdges(YEARS, time.from, time.to), [time]);
  const answer = figuresOf(useStatistics('series', buckets.edges.length > 1 ? [buckets.edges, { towns: town ? [town] : undefined, classes }] : null));
  return useMemo(() => {
    const reported = answer?.[SERIES_OF[layerId]]?.reported;
    if (!reported) return null;
    return YEARS.map((year) => ({ year, count: reported[buckets.years.indexOf(year)] ?? 0 }));
  }, [answer, buckets, layerId]);
}

/** A layer's cases per year under the current filters, handed to the chart. */
export function CaseTrendContainer({ layerId }: { layerId: DomainLayerId }) {
  const served = useAppStore((s) => s.collections[DOMAIN_LAYERS[layerId].features]?.status === 'served');
  if (!timeFieldOf(DOMAIN_LAYERS[layerId].cases)) return null;
  return isDrawnCaseLayer(layerId) && !served ? <CountedTrend layerId={layerId} /> : <SeriesTrend layerId={layerId} />;
}

const CountedTrend = ({ layerId }: { layerId: DrawnCaseLayer }) => <CaseTrend layerId={layerId} data={useCountedYears(layerId)} />;
const SeriesTrend = ({ layerId }: { layerId: DomainLayerId }) => <CaseTrend layerId={layerId} data={useSeriesYears(layerId)} />;

function CaseTrend({ layerId, data }: { layerId: DomainLayerId; data: YearCounts | null }) {
  const lang = useAppStore((s) => s.lang);
  if (!data || data.every((d) => d.count === 0)) return null;
  return (
    <YearlyBars
      data={data}
      color="#5c7cfa"
      title={`${label(lang, COLLECTIONS[DOMAIN_LAYERS[layerId].cases].title)} · ${translate(lang, 'perYear')}`}
      formatCount={(n) => formatNumber(lang, n)}
    />
  );
}
