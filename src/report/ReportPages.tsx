import { formatDateTime, formatNumber, label, type Lang } from '../i18n';
import { INDICATORS, indicatorValue } from '../assessment/indicatorDefinitions';
import { IndicatorDefinitions } from './IndicatorDefinitions';
import { formatIndicator, indicatorChange, scoreChange } from '../app/assessment/formatIndicator';
import type { AssessmentRow } from '../stats/assessment/assessment';
import type { ReportModel } from './reportModel';
import { REPORT_TEXT } from './reportText';

export type Names = { town(code: string): string; unit(code: string): string; category(code: string): string };

export const scoreText = (lang: Lang, score: number | null) => (score === null ? '—' : formatNumber(lang, score));

export function CoverPage({ model }: { model: ReportModel }) {
  const t = (l: (typeof REPORT_TEXT)[keyof typeof REPORT_TEXT]) => label(model.lang, l);
  return (
    <section className="report__page report__cover" data-page="cover">
      <h1>{model.title}</h1>
      <h2>{t(REPORT_TEXT.heading)}</h2>
      <dl>
        <dt>{t(REPORT_TEXT.period)}</dt>
        <dd data-testid="report-period">{model.periodText}</dd>
        <dt>{t(REPORT_TEXT.generatedAt)}</dt>
        <dd>{formatDateTime(model.lang, model.generatedAt)}</dd>
        <dt>{t(REPORT_TEXT.dataVersion)}</dt>
        <dd>{model.dataVersion}</dd>
        <dt>{t(REPORT_TEXT.district)}</dt>
        <dd>
          {t(REPORT_TEXT.score)} {scoreText(model.lang, model.detail.answer.district.score)}
        </dd>
      </dl>
    </section>
  );
}

/** Every indicator of one row against the period before and the year before (the district summary). */
export function ComparisonTable({ lang, row }: { lang: Lang; row: AssessmentRow }) {
  const t = (l: (typeof REPORT_TEXT)[keyof typeof REPORT_TEXT]) => label(lang, l);
  return (
    <table className="report__table">
      <thead>
        <tr>
          <th>{t(REPORT_TEXT.indicator)}</th>
          <th>{t(REPORT_TEXT.thisPeriod)}</th>
          <th>{t(REPORT_TEXT.previous)}</th>
          <th>{t(REPORT_TEXT.mom)}</th>
          <th>{t(REPORT_TEXT.lastYear)}</th>
          <th>{t(REPORT_TEXT.yoy)}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th>{t(REPORT_TEXT.score)}</th>
          <td>{scoreText(lang, row.score)}</td>
          <td>{scoreText(lang, row.previous.score)}</td>
          <td>{scoreChange(lang, row.score, row.previous.score) || '—'}</td>
          <td>{scoreText(lang, row.lastYear.score)}</td>
          <td>{scoreChange(lang, row.score, row.lastYear.score) || '—'}</td>
        </tr>
        {INDICATORS.map((d) => (
          <tr key={d.id}>
            <th>{label(lang, d.label)}</th>
            <td>{formatIndicator(lang, d, indicatorValue(row, d.id))}</td>
            <td>{formatIndicator(lang, d, indicatorValue(row.previous, d.id))}</td>
            <td>{indicatorChange(lang, d.id, row, row.previous)}</td>
            <td>{formatIndicator(lang, d, indicatorValue(row.lastYear, d.id))}</td>
            <td>{indicatorChange(lang, d.id, row, row.lastYear)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const RANKED_COLUMNS = ['registered', 'due', 'overdue', 'closureRate', 'onTimeClosureRate', 'onTimeHandlingRate', 'reworkRate', 'publicReportRate'] as const;

/** A ranking: rank, name, score and the main indicators; the last ranked marked, the unranked said so. */
export function RankingTable({ lang, rows, nameOf, kind }: { lang: Lang; rows: readonly AssessmentRow[]; nameOf(code: string): string; kind: 'town' | 'unit' }) {
  const t = (l: (typeof REPORT_TEXT)[keyof typeof REPORT_TEXT]) => label(lang, l);
  const order = [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.code < b.code ? -1 : 1));
  const columns = RANKED_COLUMNS.map((id) => INDICATORS.find((d) => d.id === id)!);
  return (
    <table className="report__table report__ranking" data-kind={kind}>
      <thead>
        <tr>
          <th>{t(REPORT_TEXT.rank)}</th>
          <th>{t(kind === 'town' ? REPORT_TEXT.town : REPORT_TEXT.unit)}</th>
          <th>{t(REPORT_TEXT.score)}</th>
          {columns.map((d) => (
            <th key={d.id}>{label(lang, d.label)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {order.map((r) => (
          <tr key={r.code} className={r.flagged ? 'report__flagged' : undefined}>
            <td>{r.rank ?? '—'}</td>
            <th>
              {nameOf(r.code)}
              {r.flagged && ` (${t(REPORT_TEXT.bottom)})`}
              {r.rank === null && <small> ({t(REPORT_TEXT.notRanked)})</small>}
            </th>
            <td>{scoreText(lang, r.score)}</td>
            {columns.map((d) => (
              <td key={d.id}>{formatIndicator(lang, d, indicatorValue(r, d.id))}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DefinitionsPage({ model }: { model: ReportModel }) {
  const lang = model.lang;
  const s = model.config.scoring;
  return (
    <section className="report__page" data-page="definitions">
      <h2>{label(lang, REPORT_TEXT.definitions)}</h2>
      <IndicatorDefinitions
        lang={lang}
        className="report__definitions"
        scoreLabel={label(lang, REPORT_TEXT.score)}
        scoreDetail={`${Object.entries(s.weights)
          .map(([k, w]) => `${label(lang, INDICATORS.find((d) => d.id === k)!.label)} ${w} [${s.bands[k as keyof typeof s.bands].zero} → ${s.bands[k as keyof typeof s.bands].full}]`)
          .join('; ')}; min ${s.minCases}`}
      />
      {model.config.about && <p className="report__about">{model.config.about}</p>}
    </section>
  );
}
