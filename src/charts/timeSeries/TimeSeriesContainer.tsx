import { useMemo, useRef } from 'react';
import { ChartExport } from '../../app/exports/ChartExport';
import { formatNumber, label, translate } from '../../i18n';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS } from '../../layers/registry';
import { FULL_SPAN } from '../../state/filters';
import { useAppStore } from '../../state/store';
import { bucketEdges, bucketSizeFor } from '../../stats/series/buckets';
import { SERIES_OF } from '../../stats/caseLayers';
import { StatsNote } from '../../app/stats/StatsNote';
import { hasFigures } from '../../app/stats/statsReading';
import { useStatistics } from '../../app/stats/useStatistics';
import { bucketLabel } from './bucketLabels';
import { CaseSeriesChart, type SeriesPoint } from './CaseSeriesChart';
import { RangeOverview, type OverviewBucket } from './RangeOverview';
import { useFilters } from '../../state/deferredFilters';

/**
 * Reported vs closed of one layer over the global range, bucketed to suit it, under the town
 * filter; above it, the whole span by month, where dragging sets the global range. The overview is
 * the time selector, so it is not narrowed by the time range it sets.
 */
export function TimeSeriesContainer() {
  const lang = useAppStore((s) => s.lang);
  const { time, town, classes } = useFilters();
  const asOf = useAppStore((s) => s.asOf);
  const setTimeRange = useAppStore((s) => s.setTimeRange);
  const layer = useAppStore((s) => s.panels.seriesLayer);
  const setPanel = useAppStore((s) => s.setPanel);
  const filter = { towns: town ? [town] : undefined, classes };

  const edges = useMemo(() => bucketEdges(time.from, time.to), [time]);
  const detailReading = useStatistics('series', [edges, filter]);
  // By the answer, not the reading: a new question makes a new reading of the same figures until its answer comes.
  const detailAnswer = hasFigures(detailReading) ? detailReading.value : null;
  const detailAsked = hasFigures(detailReading) ? detailReading.asked : null;
  const detail = useMemo(() => (detailAnswer && detailAsked ? { answer: detailAnswer, asked: detailAsked } : null), [detailAnswer, detailAsked]);
  const monthEdges = useMemo(() => bucketEdges(FULL_SPAN.from, Math.max(FULL_SPAN.to, asOf), 'month'), [asOf]);
  const overviewReading = useStatistics('series', [monthEdges, filter]);
  const overviewAnswer = hasFigures(overviewReading) ? overviewReading.value : null;
  const overview = useMemo(() => (overviewAnswer ? { answer: overviewAnswer } : null), [overviewAnswer]);

  const points: SeriesPoint[] = useMemo(() => {
    const series = detail?.answer[SERIES_OF[layer]];
    if (!detail || !series) return [];
    const asked = detail.asked[0];
    const size = bucketSizeFor(asked[0], asked[asked.length - 1]);
    return series.reported.map((reported, k) => ({ label: bucketLabel(lang, size, asked[k]), reported, closed: series.closed[k], backlog: series.backlog[k] }));
  }, [detail, layer, lang]);
  const months: OverviewBucket[] = useMemo(() => {
    const series = overview?.answer[SERIES_OF[layer]];
    if (!series) return [];
    return series.reported.map((count, k) => ({ label: bucketLabel(lang, 'month', monthEdges[k]), from: monthEdges[k], to: monthEdges[k + 1], count }));
  }, [overview, layer, lang, monthEdges]);

  const layerTitle = label(lang, DOMAIN_LAYERS[layer].title);
  const card = useRef<HTMLElement>(null);
  return (
    <section className="dash-card" data-testid="time-series" data-layer={layer} ref={card}>
      <h3>
        {translate(lang, 'caseTrend')}
        <ChartExport panel={card} title={`${layerTitle} · ${translate(lang, 'caseTrend')}`} name={`${layerTitle}-${translate(lang, 'caseTrend')}`} />
      </h3>
      <div className="segmented" role="group" aria-label={translate(lang, 'layers')}>
        {DOMAIN_LAYER_IDS.map((id) => (
          <button key={id} type="button" aria-pressed={id === layer} onClick={() => setPanel('seriesLayer', id)}>
            {label(lang, DOMAIN_LAYERS[id].title)}
          </button>
        ))}
      </div>
      {months.length > 0 && (
        <RangeOverview data={months} selected={time} title={`${layerTitle} · ${translate(lang, 'perMonth')}`} hint={translate(lang, 'brushHint')} onSelect={setTimeRange} />
      )}
      <StatsNote lang={lang} reading={detailReading} testid="case-series-stats" />
      {points.length > 0 && (
        <CaseSeriesChart
          data={points}
          title={`${layerTitle} · ${translate(lang, 'caseTrend')}`}
          names={{ reported: translate(lang, 'seriesReported'), closed: translate(lang, 'seriesClosed'), backlog: translate(lang, 'seriesBacklog') }}
          formatCount={(n) => formatNumber(lang, n)}
        />
      )}
    </section>
  );
}
