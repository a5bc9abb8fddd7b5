import { formatNumber, label, translate, type Lang } from '../../i18n';
import { INDICATORS, indicatorValue, type IndicatorDefinition } from '../../assessment/indicatorDefinitions';
import type { AssessmentRow } from '../../stats/assessment/assessment';
import { formatIndicator, scoreChange } from './formatIndicator';

/** The indicators shown as columns (the rest are in the export and the definitions). */
const SHOWN = ['registered', 'due', 'overdue', 'closureRate', 'onTimeClosureRate', 'onTimeHandlingRate', 'reworkRate', 'publicReportRate', 'medianHandleMinutes'] as const;
const COLUMNS: IndicatorDefinition[] = SHOWN.map((id) => INDICATORS.find((d) => d.id === id)!);

export interface AssessmentTableProps {
  lang: Lang;
  kind: 'towns' | 'units';
  rows: AssessmentRow[];
  district: AssessmentRow;
  nameOf(code: string): string;
  onOpen?(code: string): void;
}

/** A ranking table: ranked rows by rank, then those not ranked; the last ranked flagged; the district last. */
export function AssessmentTable(p: AssessmentTableProps) {
  const order = [...p.rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.code < b.code ? -1 : 1));
  const row = (r: AssessmentRow, district = false) => (
    <tr
      key={district ? 'district' : r.code}
      className={r.flagged ? 'assessment__row assessment__row--flagged' : 'assessment__row'}
      data-code={r.code}
      data-rank={r.rank ?? ''}
      data-score={r.score ?? ''}
      data-flagged={r.flagged}
    >
      <td>{district ? '' : r.rank ?? <small title={translate(p.lang, 'assessmentNotRanked')}>—</small>}</td>
      <th scope="row">
        {district ? translate(p.lang, 'assessmentDistrict') : p.onOpen ? (
          <button type="button" className="link-button" onClick={() => p.onOpen!(r.code)}>
            {p.nameOf(r.code)}
          </button>
        ) : (
          p.nameOf(r.code)
        )}
        {r.flagged && <span className="assessment__flag"> {translate(p.lang, 'assessmentFlagged')}</span>}
      </th>
      <td data-indicator="score">
        {r.score === null ? translate(p.lang, 'noValue') : formatNumber(p.lang, r.score)}
        <small className="assessment__change" title={translate(p.lang, 'assessmentMoM')}>
          {' '}
          {scoreChange(p.lang, r.score, r.previous.score)}
        </small>
      </td>
      {COLUMNS.map((d) => {
        const value = indicatorValue(r, d.id);
        return (
          <td key={d.id} data-indicator={d.id} data-value={value ?? ''}>
            {formatIndicator(p.lang, d, value)}
          </td>
        );
      })}
    </tr>
  );
  return (
    <div className="assessment__scroll">
      <table className="assessment__table" data-testid={`assessment-${p.kind}`}>
        <thead>
          <tr>
            <th scope="col">{translate(p.lang, 'assessmentRank')}</th>
            <th scope="col">{translate(p.lang, p.kind === 'towns' ? 'towns' : 'assessmentUnit')}</th>
            <th scope="col">{translate(p.lang, 'assessmentScore')}</th>
            {COLUMNS.map((d) => (
              <th key={d.id} scope="col" title={label(p.lang, d.definition)}>
                {label(p.lang, d.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {order.map((r) => row(r))}
          {row(p.district, true)}
        </tbody>
      </table>
    </div>
  );
}
