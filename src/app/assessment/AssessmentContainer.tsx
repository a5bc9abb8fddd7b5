import { translate } from '../../i18n';
import { IndicatorDefinitions } from '../../report/IndicatorDefinitions';
import { useAppStore } from '../../state/store';
import { useTownName } from '../details/useTownName';
import { StatsNote } from '../stats/StatsNote';
import { figuresOf } from '../stats/statsReading';
import { useStatistics } from '../stats/useStatistics';
import { AssessmentExport } from './AssessmentExport';
import { AssessmentSummary } from './AssessmentSummary';
import { AssessmentTable } from './AssessmentTable';
import { assessableMonths, lastWholeMonth, monthPeriod } from './assessmentMonths';
import { useAssessmentConfig } from './useAssessmentConfig';
import { assessmentNames } from './unitNames';
import { AssessmentDrilldown } from './AssessmentDrilldown';
import { openAssessmentReport } from './openReport';
import type { AssessmentQuery } from '../../stats/assessment/assessment';
import type { GroupKey } from '../../stats/assessment/report';
import { useState } from 'react';

/** The layers the assessment counts: without one of them loaded, no figure is shown as the whole. */
const ASSESSED_LAYERS = ['lamps', 'manholes', 'railway', 'patches'] as const;

/**
 * 考核评价: the month's indicators, composite score and ranking of the towns and of the
 * responsible units, with the change since the month before and the same month a year before.
 * Every case counts, whatever the map's filters, as in the bureau's assessment.
 */
export function AssessmentContainer() {
  const lang = useAppStore((s) => s.lang);
  const asOf = useAppStore((s) => s.asOf);
  const chosen = useAppStore((s) => s.panels.assessMonth);
  const view = useAppStore((s) => s.panels.assessView);
  const townName = useTownName();
  const config = useAssessmentConfig();
  const months = assessableMonths(asOf);
  const month = chosen && months.includes(chosen) ? chosen : lastWholeMonth(asOf);
  const period = monthPeriod(month);
  const question = config.state === 'ready' ? [{ period, config: config.config }] as [AssessmentQuery] : null;
  // The ranking, trends, categories and open cases in one answer, from the page's engine or the server's SQL.
  const reading = useStatistics('assessmentDetail', question);
  const detail = figuresOf(reading);
  const answer = detail?.answer ?? null;
  const lacking = reading.state === 'current' || reading.state === 'stale' ? ASSESSED_LAYERS.filter((l) => reading.missing.includes(l)) : [];
  const shown = answer && lacking.length === 0 ? answer : null;
  const [drill, setDrill] = useState<GroupKey | null>(null);
  const [reportProblem, setReportProblem] = useState<string | null>(null);
  const setPanel = useAppStore.getState().setPanel;
  const names = config.state === 'ready' ? assessmentNames(config.config, townName, lang) : null;
  return (
    <section className="dash-card assessment" data-testid="assessment" data-month={month} data-view={view}>
      <h3>{translate(lang, 'assessment')}</h3>
      {config.state === 'broken' && (
        <div className="assessment__broken" role="alert" data-testid="assessment-config-problems">
          {translate(lang, 'assessmentConfigBroken')}
          <ul>
            {config.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="dash-card__controls">
        <label className="dash-card__control">
          {translate(lang, 'assessmentMonth')}{' '}
          <select value={month} onChange={(e) => setPanel('assessMonth', e.target.value)} data-testid="assessment-month">
            {months.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <div className="segmented" role="group">
          {(['towns', 'units'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setPanel('assessView', v)} data-testid={`assessment-view-${v}`}>
              {translate(lang, v === 'towns' ? 'assessmentTowns' : 'assessmentUnits')}
            </button>
          ))}
        </div>
      </div>
      <p className="assessment__scope">{translate(lang, 'assessmentScope')}</p>
      <StatsNote lang={lang} reading={reading} testid="assessment-stats" />
      {shown && config.state === 'ready' && names && (
        <>
          <AssessmentSummary lang={lang} answer={shown} />
          <AssessmentTable
            lang={lang}
            kind={view}
            rows={view === 'towns' ? shown.towns : shown.units}
            district={shown.district}
            nameOf={view === 'towns' ? names.town : names.unit}
            onOpen={(code) => {
              if (view === 'towns') {
                const s = useAppStore.getState();
                s.selectTown(code);
                s.setTimeRange(period);
              }
              setDrill(`${view === 'towns' ? 'town' : 'unit'}:${code}`);
            }}
          />
          {detail && drill && drill.startsWith(view === 'towns' ? 'town:' : 'unit:') && (
            <AssessmentDrilldown lang={lang} detail={detail} group={drill} names={names} onClose={() => setDrill(null)} />
          )}
          {(shown.unitsByDefault > 0 || shown.unitsUnknown > 0) && (
            <p className="assessment__note" data-testid="assessment-unit-note">
              {shown.unitsByDefault > 0 && `${shown.unitsByDefault} ${translate(lang, 'assessmentByDefault')}. `}
              {shown.unitsUnknown > 0 && `${shown.unitsUnknown} ${translate(lang, 'assessmentUnknownUnit')}.`}
            </p>
          )}
          <AssessmentExport lang={lang} answer={shown} month={month} config={config.config} />
          <div className="export-bar">
            <button
              type="button"
              onClick={() => detail && setReportProblem(openAssessmentReport(detail, period, config.config, lang))}
              data-testid="assessment-report"
            >
              {translate(lang, 'assessmentReport')}
            </button>
            <span role="status" className="export-bar__status">
              {reportProblem ?? ''}
            </span>
          </div>
        </>
      )}
      <details className="assessment__definitions">
        <summary>{translate(lang, 'assessmentDefinitions')}</summary>
        <IndicatorDefinitions lang={lang} scoreLabel={translate(lang, 'assessmentScore')} />
      </details>
    </section>
  );
}
