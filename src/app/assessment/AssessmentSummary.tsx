import { formatNumber, label, translate, type Lang } from '../../i18n';
import { INDICATORS, indicatorValue, type IndicatorId } from '../../assessment/indicatorDefinitions';
import type { AssessmentAnswer } from '../../stats/assessment/assessment';
import { formatIndicator, indicatorChange, scoreChange } from './formatIndicator';

const HEADLINE: IndicatorId[] = ['registered', 'closureRate', 'onTimeClosureRate', 'onTimeHandlingRate', 'reworkRate', 'overdue'];

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
                  {translate(lang, 'assessmentMoM')} {indicatorChange(lang, id, d, d.previous)} · {translate(lang, 'assessmentYoY')} {indicatorChange(lang, id, d, d.lastYear)}
                </small>
              </dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}
