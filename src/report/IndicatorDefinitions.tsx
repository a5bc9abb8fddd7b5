import { label, type Lang } from '../i18n';
import { INDICATORS, SCORE_DEFINITION } from '../assessment/indicatorDefinitions';

/** Every indicator's name and definition, then the score's (with `scoreDetail` after it): in the panel and in the report. */
export function IndicatorDefinitions({ lang, className, scoreLabel, scoreDetail }: { lang: Lang; className?: string; scoreLabel: string; scoreDetail?: string }) {
  return (
    <dl className={className}>
      {INDICATORS.map((d) => (
        <div key={d.id}>
          <dt>{label(lang, d.label)}</dt>
          <dd>{label(lang, d.definition)}</dd>
        </div>
      ))}
      <div>
        <dt>{scoreLabel}</dt>
        <dd>
          {label(lang, SCORE_DEFINITION)}
          {scoreDetail && ` (${scoreDetail})`}
        </dd>
      </div>
    </dl>
  );
}
