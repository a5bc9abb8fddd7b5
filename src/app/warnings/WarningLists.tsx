import { formatDateTime, formatNumber, translate, type Lang } from '../../i18n';
import { DUE_LEVELS } from '../../stats/warnings/dueSoon';
import type { DueSoonCase, RepeatedAsset, WarningsAnswer } from '../../stats/warnings/warnings';
import { useTownName } from '../details/useTownName';
import { CASES_TITLE } from './warningLayers';
import { WarningSection } from './WarningSection';
import { hoursText } from './warningTargets';
import { useAssessmentConfig } from '../assessment/useAssessmentConfig';
import { unitNamer } from '../assessment/unitNames';

/** The cases due within the horizon: how many at each level (all of them), then the soonest. */
export function DueSoonList({ lang, answer, hours, onOpen }: { lang: Lang; answer: WarningsAnswer; hours: number; onOpen: (c: DueSoonCase) => void }) {
  const townName = useTownName();
  const counts = answer.dueSoonCounts;
  const total = DUE_LEVELS.reduce((n, l) => n + counts[l], 0);
  return (
    <div data-testid="due-soon" data-total={total}>
      <h4>
        {translate(lang, 'dueSoon')} · {translate(lang, 'dueNext')} {hours} {translate(lang, 'hoursUnit')}
      </h4>
      <ul className="due-levels">
        {DUE_LEVELS.map((level) => (
          <li key={level} className={`due-levels__${level}`} data-level={level} data-count={counts[level]}>
            {translate(lang, `dueLevel_${level}`)} <strong>{formatNumber(lang, counts[level])}</strong>
          </li>
        ))}
      </ul>
      <DueByUnit lang={lang} answer={answer} />
      {total === 0 ? (
        <p className="warnings__none">{translate(lang, 'noneDueSoon')}</p>
      ) : (
        <>
          <ol className="hot-list" data-testid="due-soon-list">
            {answer.dueSoon.map((c) => (
              <li key={`${c.layer}:${c.id}`} data-id={c.id} data-layer={c.layer} data-level={c.level} data-deadline={c.deadline} data-town={c.town ?? ""}>
                <button type="button" onClick={() => onOpen(c)} title={formatDateTime(lang, c.deadline)}>
                  <span>
                    <span className={`due-dot due-dot--${c.level}`} aria-hidden="true" /> {c.id} · {c.town ? townName(c.town) : translate(lang, 'outsideDistrict')}
                  </span>
                  <span className="hot-list__problem">{translate(lang, CASES_TITLE[c.layer])}</span>
                  <span className="hot-list__count">
                    {translate(lang, 'hoursLeft')} {hoursText(lang, c.hoursLeft)}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {answer.dueSoon.length < total && (
            <p className="warnings__shown" data-testid="due-soon-shown">
              {translate(lang, 'shownOfTotal')} {formatNumber(lang, answer.dueSoon.length)} / {formatNumber(lang, total)}
            </p>
          )}
        </>
      )}
    </div>
  );
}

const UNITS_SHOWN = 6;

/** The units with the most cases due (all levels), with how many within 2 hours: who has to act. */
function DueByUnit({ lang, answer }: { lang: Lang; answer: WarningsAnswer }) {
  const townName = useTownName();
  const config = useAssessmentConfig();
  const name = config.state === 'ready' ? unitNamer(config.config, townName, lang) : (code: string) => townName(code);
  const rows = answer.dueSoonByUnit
    .map((u) => ({ unit: u.unit, total: DUE_LEVELS.reduce((n, l) => n + u.counts[l], 0), critical: u.counts.critical }))
    .sort((a, b) => b.total - a.total || b.critical - a.critical || (a.unit ?? '').localeCompare(b.unit ?? ''));
  if (rows.length === 0) return null;
  return (
    <ul className="due-units" data-testid="due-soon-units" aria-label={translate(lang, 'dueByUnit')}>
      {rows.slice(0, UNITS_SHOWN).map((u) => (
        <li key={u.unit ?? ''} data-unit={u.unit ?? ''} data-count={u.total} data-critical={u.critical}>
          {u.unit === null ? translate(lang, 'assessmentNoUnit') : name(u.unit)} <strong>{formatNumber(lang, u.total)}</strong>
          {u.critical > 0 && <span className="due-units__critical"> ({translate(lang, 'dueLevel_critical')} {formatNumber(lang, u.critical)})</span>}
        </li>
      ))}
    </ul>
  );
}

/** Poles and covers with repeated cases in the last 90 days, most cases first. */
export function RepeatList({ lang, answer, onOpen }: { lang: Lang; answer: WarningsAnswer; onOpen: (r: RepeatedAsset) => void }) {
  const townName = useTownName();
  return (
    <WarningSection lang={lang} testid="repeats" total={answer.repeatCount} title="repeatFailures" rule="repeatRule" none="noRepeats">
      <>
        <ol className="hot-list" data-testid="repeat-list">
          {answer.repeats.map((r) => (
            <li key={`${r.layer}:${r.asset}`} data-asset={r.asset} data-layer={r.layer} data-cases={r.cases.length}>
              <button type="button" onClick={() => onOpen(r)} title={r.cases.join(', ')}>
                <span>
                  {r.asset} · {r.town ? townName(r.town) : translate(lang, 'outsideDistrict')}
                </span>
                <span className="hot-list__problem">
                  {translate(lang, CASES_TITLE[r.layer])} · {formatDateTime(lang, r.last)}
                </span>
                <span className="hot-list__count">
                  {formatNumber(lang, r.cases.length)} {translate(lang, 'timesUnit')}
                </span>
              </button>
            </li>
          ))}
        </ol>
        {answer.repeats.length < answer.repeatCount && (
          <p className="warnings__shown" data-testid="repeats-shown">
            {translate(lang, 'shownOfTotal')} {formatNumber(lang, answer.repeats.length)} / {formatNumber(lang, answer.repeatCount)}
          </p>
        )}
      </>
    </WarningSection>
  );
}
