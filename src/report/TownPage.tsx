import { formatNumber, label, type Lang } from '../i18n';
import { INDICATORS, indicatorValue } from '../assessment/indicatorDefinitions';
import { formatIndicator, indicatorChange } from '../app/assessment/formatIndicator';
import type { AssessmentRow } from '../stats/assessment/assessment';
import type { AssessmentDetail, GroupKey } from '../stats/assessment/report';
import { scoreText, type Names } from './ReportPages';
import type { ReportTown } from './reportModel';
import { fill, REPORT_TEXT } from './reportText';
import { TownMap } from './TownMap';
import { TrendChart } from './TrendChart';

/** One town's page: its indicators against the district's, its trend, its open cases on a small map, its worst categories. */
export function TownPage(p: { lang: Lang; town: ReportTown; row: AssessmentRow; district: AssessmentRow; detail: AssessmentDetail; context: ReportTown[]; names: Names }) {
  const { lang, town, row, district, detail } = p;
  const key: GroupKey = `town:${town.code}`;
  const t = (l: (typeof REPORT_TEXT)[keyof typeof REPORT_TEXT]) => label(lang, l);
  const open = detail.openCounts[key] ?? { open: 0, overdue: 0 };
  const cases = detail.openCases[key] ?? [];
  return (
    <section className="report__page report__town" data-page="town" data-code={town.code}>
      <h2>
        {town.name}
        <span className="report__rank">
          {' '}
          · {t(REPORT_TEXT.score)} {scoreText(lang, row.score)} · {t(REPORT_TEXT.rank)} {row.rank ?? t(REPORT_TEXT.notRanked)}
          {row.flagged && ` (${t(REPORT_TEXT.bottom)})`}
        </span>
      </h2>
      <div className="report__columns">
        <table className="report__table report__town-figures">
          <thead>
            <tr>
              <th>{t(REPORT_TEXT.indicator)}</th>
              <th>{town.name}</th>
              <th>{t(REPORT_TEXT.district)}</th>
              <th>{t(REPORT_TEXT.mom)}</th>
            </tr>
          </thead>
          <tbody>
            {INDICATORS.map((d) => (
              <tr key={d.id} data-indicator={d.id}>
                <th>{label(lang, d.label)}</th>
                <td>{formatIndicator(lang, d, indicatorValue(row, d.id))}</td>
                <td>{formatIndicator(lang, d, indicatorValue(district, d.id))}</td>
                <td>{indicatorChange(lang, d.id, row, row.previous)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <figure className="report__figure">
          <figcaption>{t(REPORT_TEXT.openMap)}</figcaption>
          <TownMap outline={town.outline} context={p.context.filter((c) => c.code !== town.code).map((c) => c.outline)} cases={cases} />
          <p className="report__legend">
            <span className="report__dot report__dot--open" /> {t(REPORT_TEXT.openLegend)} <span className="report__dot report__dot--overdue" /> {t(REPORT_TEXT.overdueLegend)} ·{' '}
            {fill(t(REPORT_TEXT.openCount), { open: formatNumber(lang, open.open), overdue: formatNumber(lang, open.overdue) })}
            {cases.length < open.open && ` · ${fill(t(REPORT_TEXT.mapShows), { shown: formatNumber(lang, cases.length) })}`}
          </p>
        </figure>
      </div>
      <div className="report__columns">
        <figure className="report__figure">
          <figcaption>{t(REPORT_TEXT.trend)}</figcaption>
          <TrendChart lang={lang} points={detail.trend[key] ?? []} />
        </figure>
        <figure className="report__figure">
          <figcaption>{t(REPORT_TEXT.worst)}</figcaption>
          <WorstCategories lang={lang} rows={detail.worstCategories[key] ?? []} names={p.names} />
        </figure>
      </div>
    </section>
  );
}

export function WorstCategories({ lang, rows, names }: { lang: Lang; rows: AssessmentDetail['worstCategories'][GroupKey]; names: Names }) {
  if (rows.length === 0) return <p>{label(lang, REPORT_TEXT.none)}</p>;
  const rate = INDICATORS.find((d) => d.id === 'onTimeClosureRate')!;
  const ids = ['registered', 'overdue'] as const;
  return (
    <table className="report__table">
      <thead>
        <tr>
          <th>{label(lang, REPORT_TEXT.category)}</th>
          {ids.map((id) => (
            <th key={id}>{label(lang, INDICATORS.find((d) => d.id === id)!.label)}</th>
          ))}
          <th>{label(lang, rate.label)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.code}>
            <th>
              {c.code} {names.category(c.code)}
            </th>
            <td>{formatNumber(lang, c.registered)}</td>
            <td>{formatNumber(lang, c.overdue)}</td>
            <td>{formatIndicator(lang, rate, c.onTimeClosureRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
