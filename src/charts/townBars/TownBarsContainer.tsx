import { useMemo, useRef } from 'react';
import { ChartExport } from '../../app/exports/ChartExport';
import { label, translate } from '../../i18n';
import { rankRows, TOWN_METRIC_IDS, TOWN_METRICS, type MetricFormat, type TownMetricId } from '../../stats/townMetrics';
import { useAppStore } from '../../state/store';
import { useTownName } from '../../app/details/useTownName';
import { StatsNote } from '../../app/stats/StatsNote';
import { figuresOf, hasFigures } from '../../app/stats/statsReading';
import { useStatistics } from '../../app/stats/useStatistics';
import { formatMetric } from '../../app/formatMetric';
import { TownBarsChart, type TownBar } from './TownBarsChart';
import { useFilters } from '../../state/deferredFilters';

/**
 * Towns compared on one metric over the global range. The chart picks the town, so it is not
 * narrowed by the selected town: the chosen bar stands out among its siblings.
 */
export function TownBarsContainer() {
  const lang = useAppStore((s) => s.lang);
  const { time, classes } = useFilters();
  // The selection is marked at once: it is the user's own click, and the figures do not depend on it.
  const selectedTown = useAppStore((s) => s.filters.town);
  const selectTown = useAppStore((s) => s.selectTown);
  const townName = useTownName();
  const metric = useAppStore((s) => s.panels.barMetric);
  const setPanel = useAppStore((s) => s.setPanel);
  const range = useMemo(() => ({ from: time.from, to: time.to, classes }), [time, classes]);
  const reading = useStatistics('townRows', [range]);
  const towns = figuresOf(reading)?.towns;

  const bars: TownBar[] = useMemo(() => {
    if (!towns) return [];
    const ranking = rankRows(towns, metric);
    return towns
      .map((row, i) => ({ row, i, rank: ranking.rank[i] }))
      .filter((e): e is typeof e & { rank: number } => e.rank !== null)
      .sort((a, b) => a.rank - b.rank || (a.row.code < b.row.code ? -1 : 1))
      .map(({ row, i, rank }) => ({
        code: row.code,
        name: townName(row.code),
        value: row.values[metric]!,
        tag: ranking.bottomThree[i] ? `⚠${rank}` : String(rank),
        bottom: ranking.bottomThree[i],
        selected: row.code === selectedTown,
      }));
  }, [towns, metric, selectedTown, townName]);

  const format = TOWN_METRICS[metric].format as MetricFormat;
  const card = useRef<HTMLElement>(null);
  const title = `${translate(lang, 'townBars')} · ${label(lang, TOWN_METRICS[metric].label)}`;
  return (
    <section className="dash-card" data-testid="town-bars-card" data-metric={metric} data-from={hasFigures(reading) ? reading.asked[0].from : undefined} ref={card}>
      <h3>
        {translate(lang, 'townBars')}
        <ChartExport panel={card} title={title} name={title} />
      </h3>
      <label className="dash-card__control">
        <span>{translate(lang, 'metric')}</span>
        <select value={metric} onChange={(e) => setPanel('barMetric', e.target.value as TownMetricId)} data-testid="town-bars-metric">
          {TOWN_METRIC_IDS.map((id) => (
            <option key={id} value={id}>
              {label(lang, TOWN_METRICS[id].label)}
            </option>
          ))}
        </select>
      </label>
      <StatsNote lang={lang} reading={reading} testid="town-bars-stats" />
      {bars.length > 0 && (
        <TownBarsChart
          bars={bars}
          title={`${translate(lang, 'townBars')} · ${label(lang, TOWN_METRICS[metric].label)}`}
          formatValue={(v) => formatMetric(lang, format, v)}
          onSelectTown={(code) => selectTown(code === selectedTown ? null : code)}
        />
      )}
    </section>
  );
}
