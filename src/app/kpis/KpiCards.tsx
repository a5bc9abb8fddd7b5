import { isoDay } from '../../state/timePresets';
import { DATA_START_MS } from '../../layers/common/time';
import { KPI_IDS, KPIS, previousPeriod, type KpiDefinition } from '../../stats/kpis';
import { useAppStore } from '../../state/store';
import { StatsNote } from '../stats/StatsNote';
import { useStatistics } from '../stats/useStatistics';
import { KpiCard } from './KpiCard';
import { compareWithPrevious } from './kpiChange';

/**
 * The headline figures for the global range and town, each against the period of equal length
 * before it. Unavailable figures read n/a (never the page's partial ones); stale ones are dimmed
 * and say as of when.
 */
export function KpiCards() {
  const lang = useAppStore((s) => s.lang);
  const time = useAppStore((s) => s.filters.time);
  const town = useAppStore((s) => s.filters.town);
  const classes = useAppStore((s) => s.filters.classes);
  const reading = useStatistics('kpis', [{ from: time.from, to: time.to, towns: town ? [town] : undefined, classes }]);
  if (reading.state === 'pending') return null;
  const figures = reading.state === 'unavailable' ? null : reading;
  const asked = figures?.asked[0];
  return (
    <>
      <ul
        className={`kpi-cards${reading.state === 'stale' ? ' kpi-cards--stale' : ''}`}
        data-testid="kpi-cards"
        data-state={reading.state}
        data-from={asked?.from}
        data-to={asked?.to}
        data-town={asked ? (asked.towns?.[0] ?? '') : undefined}
      >
        {KPI_IDS.map((id) => {
          const definition = KPIS[id] as KpiDefinition;
          const value = figures ? figures.value.current[id] : null;
          return (
            <KpiCard
              key={id}
              lang={lang}
              id={id}
              definition={definition}
              value={value}
              comparison={figures && asked ? compareWithPrevious(value, figures.value.previous[id], previousPeriod(asked), DATA_START_MS, definition.better, definition.format) : null}
              spark={figures ? figures.value.spark.map((p) => p.values[id]) : []}
              sparkLabels={figures ? figures.value.spark.map((p) => `${isoDay(p.from)} – ${isoDay(p.to - 1)}`) : []}
            />
          );
        })}
      </ul>
      <StatsNote lang={lang} reading={reading} testid="kpi-stats" showSource />
    </>
  );
}
