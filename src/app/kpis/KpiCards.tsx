import { isoDay } from '../../state/timePresets';
import { DATA_START_MS } from '../../layers/common/time';
import { KPI_IDS, KPIS, previousPeriod, type KpiDefinition } from '../../stats/kpis';
import { useEffect } from 'react';
import type { Filters } from '../../state/filters';
import { useAppStore } from '../../state/store';
import { askEarly } from '../stats/sharedAskers';
import type { StatsQuestions } from '../stats/statistics';
import { StatsNote } from '../stats/StatsNote';
import { figuresOf, hasFigures, type StatsReading } from '../stats/statsReading';
import { holdForHeadline, releaseHeadline } from '../../state/headlineFirst';
import { useStatistics } from '../stats/useStatistics';
import { KpiCard } from './KpiCard';
import { compareWithPrevious } from './kpiChange';

/** The headline figures' question under the filters. */
const kpiQuestion = ({ time, town, classes }: Filters): StatsQuestions['kpis'] => [{ from: time.from, to: time.to, towns: town ? [town] : undefined, classes }];

/**
 * While the cards are on the page, the map and the panels follow a filter change once the cards
 * show its figures (or say they cannot), in the next frame: the figures are painted first.
 */
function useHeadlineRelease(reading: StatsReading<'kpis'>, key: string): void {
  useEffect(() => holdForHeadline(), []);
  const answered = reading.state === 'stale' || reading.state === 'unavailable' || (reading.state === 'current' && JSON.stringify(reading.asked) === key);
  useEffect(() => {
    if (!answered) return;
    const frame = requestAnimationFrame(releaseHeadline);
    return () => cancelAnimationFrame(frame);
  }, [answered, key]);
}

/**
 * The headline figures are asked the moment the filters change, before the page renders for the
 * change: the answer is then computed while every panel renders, not after.
 */
function useKpisAskedEarly(): void {
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (s.filters !== prev.filters) askEarly('kpis', kpiQuestion(s.filters));
      }),
    [],
  );
}

/**
 * The headline figures for the global range and town, each against the period of equal length
 * before it. Unavailable figures read n/a (never the page's partial ones); stale ones are dimmed
 * and say as of when.
 */
export function KpiCards() {
  const lang = useAppStore((s) => s.lang);
  const filters = useAppStore((s) => s.filters);
  useKpisAskedEarly();
  const question = kpiQuestion(filters);
  const key = JSON.stringify(question);
  const reading = useStatistics('kpis', question);
  useHeadlineRelease(reading, key);
  // The sparklines come a moment after the figures; until then the last ones are shown, dimmed.
  const sparkReading = useStatistics('kpiSpark', question);
  if (reading.state === 'pending') return null;
  const figures = reading.state === 'unavailable' ? null : reading;
  const asked = figures?.asked[0];
  const spark = figuresOf(sparkReading);
  const sparkBehind = hasFigures(sparkReading) && JSON.stringify(sparkReading.asked) !== key;
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
              spark={spark ? spark.map((p) => p.values[id]) : []}
              sparkLabels={spark ? spark.map((p) => `${isoDay(p.from)} – ${isoDay(p.to - 1)}`) : []}
              sparkBehind={sparkBehind}
            />
          );
        })}
      </ul>
      <StatsNote lang={lang} reading={reading} testid="kpi-stats" showSource />
    </>
  );
}
