import { formatNumber, label, translate, type Lang } from '../../i18n';
import { INDICATORS, indicatorValue, type IndicatorId } from '../../assessment/indicatorDefinitions';
import type { AssessmentAnswer, PeriodFigures } from '../../stats/assessment/assessment';
import { formatIndicator, scoreChange } from './AssessmentTable';

const HEADLINE: IndicatorId[] = ['registered', 'closureRate', 'onTimeClosureRate', 'onTimeHandlingRate', 'reworkRate', 'overdue'];

/** A change in words: percentage points for a rate, a relative change for a count. */
function change(lang: Lang, id: IndicatorId, now: PeriodFigures, before: PeriodFigures): string {
  const d = INDICATORS.find((x) => x.id === id)!;
  const a = indicatorValue(now, id);
  const b = indicatorValue(before, id);
  if (a === null || b === null) return '—';
  if (d.format === 'rate') {
    const points = Math.round((a - b) * 1000) / 10;
    return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${formatNumber(lang, Math.abs(points))} ${lang === 'zh' ? '个百分点' : 'pts'}`;
  }
  if (b === 0) return '—';
  const pct = Math.round(((a - b) / b) * 1000) / 10;
  return `${pct > 0 ? '+' : pct < 0 ? '−' : '±'}${formatNumber(lang, Math.abs(pct))}%`;
}

/** The district's headline indicators of the month, each with its 环比 and 同比. */
export function AssessmentSummary({ lang, answer }: { lang: Lang; answer: AssessmentAnswer }) {
  const d = answer.district;
  return (
    <div className="assessment__summary" data-testid="assessment-summary" data-score={d.score ?? ''}>
      <p>
        {translate(lang, 'assessmentDistrict')} · {translate(lang, 'assessmentScore')} <strong>{d.score === null ? translate(lang, 'noValue') : formatNumber(lang, d.score)}</strong>{' '}
        <small>
          {translate(lang, 'assessmentMoM')} {scoreChange(lang, d.score, d.previous.score) || '—'} · {translate(lang, 'assessmentYoY')} {scoreChange(lang, d.score, d.lastYear.score) || '—'}
        </small>
      </p>
      <dl className="assessment__headline">
        {HEADLINE.map((id) => {
          const def = INDICATORS.find((x) => x.id === id)!;
          return (
            <div key={id} data-indicator={id} data-value={indicatorValue(d, id) ?? ''}>
              <dt title={label(lang, def.definition)}>{label(lang, def.label)}</dt>
              <dd>
                {formatIndicator(lang, def, indicatorValue(d, id))}
                <small>
                  {translate(lang, 'assessmentMoM')} {change(lang, id, d, d.previous)} · {translate(lang, 'assessmentYoY')} {change(lang, id, d, d.lastYear)}
                </small>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
