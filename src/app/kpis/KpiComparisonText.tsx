import { translate, type Lang } from '../../i18n';
import type { MetricFormat } from '../../stats/townMetrics';
import { changeArrow, formatChange } from './formatChange';
import type { KpiComparison } from './kpiChange';

/**
 * A figure against the previous period, in words: its change (arrow, size, verdict), or "—" with
 * why there is none (no data for that period, or how much of it the data covers).
 * `block` is the BEM block of the card (kpi-card, wall-kpi); `vs` the words before it.
 */
export function KpiComparisonText({ lang, format, comparison, block, vs }: { lang: Lang; format: MetricFormat; comparison: KpiComparison | null; block: string; vs: string }) {
  if (!comparison) return null;
  if (comparison.kind !== 'change') {
    const why = comparison.kind === 'noData' ? translate(lang, 'previousNoData') : `${translate(lang, 'previousCovered')} ${Math.round(comparison.covered * 100)}%`;
    return (
      <span className={`${block}__change ${block}__change--none`} data-comparison={comparison.kind}>
        {vs} — ({why})
      </span>
    );
  }
  const { change } = comparison;
  return (
    <span className={`${block}__change ${block}__change--${change.direction}`} data-comparison="change">
      <span aria-hidden="true">{changeArrow(change)} </span>
      {vs} {formatChange(lang, format, change)}
      {change.direction !== 'same' && <span className={`${block}__verdict`}> · {translate(lang, change.direction)}</span>}
    </span>
  );
}
