import { isoDay } from '../../state/timePresets';
import { DATA_START_MS } from '../../layers/common/time';
import { KPI_IDS, KPIS, previousPeriod, type KpiDefinition } from '../../stats/kpis';
import { useAppStore } from '../../state/store';
import { useEngineAnswer } from '../stats/useEngineAnswer';
import { KpiCard } from './KpiCard';
import { compareWithPrevious } from './kpiChange';

/** The headline figures for the global range and town, each against the period of equal length before it. */
export function KpiCards() {
  const lang = useAppStore((s) => s.lang);
  const time = useAppStore((s) => s.filters.time);
  const town = useAppStore((s) => s.filters.town);
  const classes = useAppStore((s) => s.filters.classes);
  const result = useEngineAnswer('kpis', [{ from: time.from, to: time.to, towns: town ? [town] : undefined, classes }]);
  if (!result) return null;
  const { answer, asked } = result;
  return (
    <ul className="kpi-cards" data-testid="kpi-cards" data-from={asked[0].from} data-to={asked[0].to} data-town={asked[0].towns?.[0] ?? ''}>
      {KPI_IDS.map((id) => {
        const definition = KPIS[id] as KpiDefinition;
        return (
          <KpiCard
            key={id}
            lang={lang}
            id={id}
            definition={definition}
            value={answer.current[id]}
            comparison={compareWithPrevious(answer.current[id], answer.previous[id], previousPeriod(asked[0]), DATA_START_MS, definition.better, definition.format)}
            spark={answer.spark.map((p) => p.values[id])}
            sparkLabels={answer.spark.map((p) => `${isoDay(p.from)} – ${isoDay(p.to - 1)}`)}
          />
        );
      })}
    </ul>
  );
}
