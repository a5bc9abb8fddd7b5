import { formatDateTime, formatDuration, label, translate, type Lang } from '../../i18n';
import { caseTimeline } from '../../layers/common/timeline';
import { Fragment } from 'react';

/** A case's stages in order with the time each took, and whether it ran past its deadline. */
export function CaseTimelineView({ lang, properties, asOf, title }: { lang: Lang; properties: Record<string, unknown>; asOf: number; title: string }) {
  const t = caseTimeline(properties, asOf);
  return (
    <section className="timeline" data-testid="case-timeline" data-overdue={t.overdue}>
      <h4>
        {title}
        <span className={`flag ${t.overdue ? 'flag--overdue' : ''}`}>
          {t.overdue ? `⚠ ${translate(lang, 'overdue')}` : t.finished ? `✓ ${translate(lang, 'onTime')}` : translate(lang, 'open')}
        </span>
      </h4>
      <ol>
        {t.stages.map((s) => (
          <Fragment key={s.field}>
            <li className={s.at === null ? 'timeline__stage timeline__stage--pending' : 'timeline__stage'}>
              <span className="timeline__label">{label(lang, s.label)}</span>
              <span className="timeline__at">{s.at === null ? '—' : formatDateTime(lang, s.at)}</span>
              {s.minutesSincePrevious !== null && <span className="timeline__took">+{formatDuration(lang, s.minutesSincePrevious)}</span>}
            </li>
            {/* Each failed check came after the dispatch and sent the case back to handling. */}
            {s.field === 'dispatchedAt' &&
              t.failedChecks.map((at) => (
                <li key={`failed-${at}`} className="timeline__stage timeline__stage--failed" data-testid="failed-check">
                  <span className="timeline__label">{translate(lang, 'failedCheck')}</span>
                  <span className="timeline__at">{formatDateTime(lang, at)}</span>
                </li>
              ))}
          </Fragment>
        ))}
      </ol>
      <p className="timeline__summary">
        {translate(lang, 'deadline')} {formatDateTime(lang, t.deadline)} · {formatDuration(lang, t.totalMinutes)}
      </p>
    </section>
  );
}
