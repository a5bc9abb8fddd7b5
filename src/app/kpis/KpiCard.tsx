import { Line, LineChart, ResponsiveContainer } from 'recharts';
import { label, translate, type Lang } from '../../i18n';
import type { KpiDefinition } from '../../stats/kpis';
import type { MetricFormat } from '../../stats/townMetrics';
import { formatMetric } from '../formatMetric';
import type { KpiChange } from './kpiChange';
import { changeArrow, formatChange } from './formatChange';

export interface KpiCardProps {
  lang: Lang;
  id: string;
  definition: KpiDefinition;
  value: number | null;
  change: KpiChange | null;
  spark: (number | null)[];
  /** The sub-window each sparkline point stands for, as text (for the table alternative). */
  sparkLabels: string[];
}

/** One headline figure: its value, its change against the previous period (arrow and words, not colour alone) and a sparkline. */
export function KpiCard({ lang, id, definition, value, change, spark, sparkLabels }: KpiCardProps) {
  const title = label(lang, definition.label);
  const arrow = change ? changeArrow(change) : '';
  return (
    <li className="kpi-card" data-testid={`kpi-${id}`} data-value={value ?? ''} data-delta={change?.delta ?? ''}>
      <span className="kpi-card__label">{title}</span>
      <span className="kpi-card__value">{formatMetric(lang, definition.format as MetricFormat, value)}</span>
      {change && (
        <span className={`kpi-card__change kpi-card__change--${change.direction}`}>
          <span aria-hidden="true">{arrow} </span>
          {translate(lang, 'vsPrevious')} {formatChange(lang, definition.format as MetricFormat, change)}
          {change.direction !== 'same' && <span className="kpi-card__verdict"> · {translate(lang, change.direction)}</span>}
        </span>
      )}
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {spark.map((v, i) => (
            <tr key={sparkLabels[i]}>
              <th scope="row">{sparkLabels[i]}</th>
              <td>{formatMetric(lang, definition.format as MetricFormat, v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="kpi-card__spark" aria-hidden="true">
        <ResponsiveContainer width="100%" height={28}>
          <LineChart data={spark.map((v, i) => ({ i, v }))} margin={{ top: 2, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
            <Line dataKey="v" stroke="currentColor" dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </li>
  );
}
