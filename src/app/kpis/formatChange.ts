import { formatNumber, translate, type Lang } from '../../i18n';
import type { MetricFormat } from '../../stats/townMetrics';
import type { KpiChange } from './kpiChange';

/** ▲ / ▼ / ＝: which way the figure moved (whether that is good is said in words beside it). */
export function changeArrow(change: KpiChange): string {
  return change.direction === 'same' ? '＝' : change.delta > 0 ? '▲' : '▼';
}

/** A change against the previous period in words: percentage points for rates, units (and per cent) for counts. */
export function formatChange(lang: Lang, format: MetricFormat, change: KpiChange): string {
  if (change.direction === 'same') return translate(lang, 'noChange');
  const sign = change.delta > 0 ? '+' : '−';
  const size = Math.abs(change.delta);
  if (format === 'percent') return `${sign}${size.toFixed(2)} ${translate(lang, 'percentPoints')}`;
  const relative = change.relative === null ? '' : ` (${sign}${Math.abs(change.relative * 100).toFixed(1)}%)`;
  return `${sign}${formatNumber(lang, Math.round(size * 10) / 10)}${relative}`;
}
