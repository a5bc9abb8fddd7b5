import { compareWithPrevious } from '../app/kpis/kpiChange';
import { KpiComparisonText } from '../app/kpis/KpiComparisonText';
import { formatMetric } from '../app/formatMetric';
import { StatsNote } from '../app/stats/StatsNote';
import { hasFigures } from '../app/stats/statsReading';
import { useStatistics } from '../app/stats/useStatistics';
import { label, translate } from '../i18n';
import type { Lang } from '../layers/common/labels';
import { useAppStore } from '../state/store';
import { DATA_START_MS } from '../layers/common/time';
import { KPI_IDS, KPIS, previousPeriod, type KpiDefinition } from '../stats/kpis';
import type { MetricFormat } from '../stats/townMetrics';
import { isoDay } from '../state/timePresets';
import type { WallWindow } from './wallConfig';

/**
 * The headline figures for the wall's window, large, each with its change against the period
 * before. As the window moves on, a failed refresh of its figures keeps the last ones, dimmed and
 * marked stale with their time; the page never stands in for a failing server.
 */
export function WallKpis({ lang, window }: { lang: Lang; window: WallWindow }) {
  const time = useAppStore((s) => s.filters.time);
  const reading = useStatistics('kpis', [{ from: time.from, to: time.to }], `wall-kpis ${window}`);
  const result = hasFigures(reading) ? { answer: reading.value, asked: reading.asked } : null;
  return (
    <section className={`wall-kpis wall-kpis--${reading.state}`} data-testid="wall-kpis" data-state={reading.state} data-from={result?.asked[0].from} data-to={result?.asked[0].to}>
      <h2>
        {translate(lang, 'wall_window')}: {translate(lang, `preset_${window}`)}
        <span className="wall-kpis__range">
          {isoDay(time.from)} – {isoDay(time.to - 1)}
        </span>
      </h2>
      <ul>
        {KPI_IDS.map((id) => {
          const definition = KPIS[id] as KpiDefinition;
          const format = definition.format as MetricFormat;
          const value = result?.answer.current[id] ?? null;
          const comparison = result ? compareWithPrevious(value, result.answer.previous[id], previousPeriod(result.asked[0]), DATA_START_MS, definition.better, format) : null;
          return (
            <li key={id} className="wall-kpi" data-testid={`wall-kpi-${id}`} data-value={value ?? ''}>
              <span className="wall-kpi__label">{label(lang, definition.label)}</span>
              <span className="wall-kpi__value">{result ? formatMetric(lang, format, value) : '…'}</span>
              <KpiComparisonText lang={lang} format={format} comparison={comparison} block="wall-kpi" vs={translate(lang, 'wall_previous')} />
            </li>
          );
        })}
      </ul>
      <StatsNote lang={lang} reading={reading} testid="wall-kpi-stats" />
    </section>
  );
}
