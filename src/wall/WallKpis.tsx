import { changeArrow, formatChange } from '../app/kpis/formatChange';
import { kpiChange } from '../app/kpis/kpiChange';
import { formatMetric } from '../app/formatMetric';
import { useEngineAnswer } from '../app/stats/useEngineAnswer';
import { label, translate } from '../i18n';
import type { Lang } from '../layers/common/labels';
import { useAppStore } from '../state/store';
import { KPI_IDS, KPIS, type KpiDefinition } from '../stats/kpis';
import type { MetricFormat } from '../stats/townMetrics';
import { isoDay } from '../state/timePresets';
import type { WallWindow } from './wallConfig';

/** The headline figures for the wall's window, large, each with its change against the period before. */
export function WallKpis({ lang, window }: { lang: Lang; window: WallWindow }) {
  const time = useAppStore((s) => s.filters.time);
  const result = useEngineAnswer('kpis', [{ from: time.from, to: time.to }]);
  return (
    <section className="wall-kpis" data-testid="wall-kpis" data-from={result?.asked[0].from} data-to={result?.asked[0].to}>
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
          const change = result ? kpiChange(value, result.answer.previous[id], definition.better, format) : null;
          return (
            <li key={id} className="wall-kpi" data-testid={`wall-kpi-${id}`} data-value={value ?? ''}>
              <span className="wall-kpi__label">{label(lang, definition.label)}</span>
              <span className="wall-kpi__value">{result ? formatMetric(lang, format, value) : '…'}</span>
              {change && (
                <span className={`wall-kpi__change wall-kpi__change--${change.direction}`}>
                  {changeArrow(change)} {translate(lang, 'wall_previous')} {formatChange(lang, format, change)}
                  {change.direction !== 'same' && ` · ${translate(lang, change.direction)}`}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
