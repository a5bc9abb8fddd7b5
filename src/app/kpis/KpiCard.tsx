import { label, translate, type Lang } from '../../i18n';
import type { KpiDefinition } from '../../stats/kpis';
import type { MetricFormat } from '../../stats/townMetrics';
import { formatMetric } from '../formatMetric';
import type { KpiComparison } from './kpiChange';
import { KpiComparisonText } from './KpiComparisonText';
import { Sparkline } from './Sparkline';


export interface KpiCardProps {
  lang: Lang;
  id: string;
  definition: KpiDefinition;
  value: number | null;
  comparison: KpiComparison | null;
  spark: (number | null)[];
  /** The sub-window each sparkline point stands for, as text (for the table alternative). */
  sparkLabels: string[];
  /** The sparkline is of the range asked before (its own answer is on the way): drawn dimmed. */
  sparkBehind?: boolean;
}

/** One headline figure: its value, its change against the previous period (arrow and words, not colour alone) and a sparkline. */
export function KpiCard({ lang, id, definition, value, comparison, spark, sparkLabels, sparkBehind = false }: KpiCardProps) {
  const title = label(lang, definition.label);
  const delta = comparison?.kind === 'change' ? comparison.change.delta : '';
  return (
    <li className="kpi-card" data-testid={`kpi-${id}`} data-value={value ?? ''} data-delta={delta}>
      <span className="kpi-card__label">{title}</span>
      <span className="kpi-card__value">{formatMetric(lang, definition.format as MetricFormat, value)}</span>
      <KpiComparisonText lang={lang} format={definition.format as MetricFormat} comparison={comparison} block="kpi-card" vs={translate(lang, 'vsPrevious')} />
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
      <div className={`kpi-card__spark${sparkBehind ? ' kpi-card__spark--behind' : ''}`} aria-hidden="true" data-behind={sparkBehind}>
        <Sparkline values={spark} />
      </div>
    </li>
  );
}
