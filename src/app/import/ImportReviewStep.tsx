import { useMemo } from 'react';
import { downloadFile } from '../../exports/download';
import { formatNumber, label, translate } from '../../i18n';
import { importTarget } from '../../import/targets';
import { featuresOf } from '../../data/columnar/readTable';
import type { CheckedImport } from '../../import/checkRecords';
import { cellText } from '../../import/excerpt';
import { fileProblemText, noticeText, reasonText, whereText } from '../../import/problemText';
import { problemReportCsv } from '../../import/report';
import { useAppStore } from '../../state/store';
import { SampleTable } from './SampleTable';

const LISTED = 50;

interface Props {
  outcome: CheckedImport;
  /** Rows of a table: problems are named by row. */
  tabular: boolean;
  fileName: string;
  onBack: () => void;
  onLoad: () => void;
}

/** Step three: what will load, what will be skipped and why, before anything on screen changes. */
export function ImportReviewStep({ outcome, tabular, fileName, onBack, onLoad }: Props) {
  const lang = useAppStore((s) => s.lang);
  const { table, problems, skipped, notices } = outcome;
  const fieldName = useMemo(() => {
    const labels = new Map(importTarget(outcome.target).fields.map((f) => [f.name, label(lang, f.label)]));
    return (field: string) => labels.get(field) ?? field;
  }, [outcome.target, lang]);
  const preview = useMemo(() => {
    const rows = featuresOf(table, [...Array(Math.min(5, table.length)).keys()]).map((f) => Object.fromEntries(Object.entries(f.properties ?? {}).map(([k, v]) => [k, cellText(v, 60)])));
    return { columns: rows.length ? Object.keys(rows[0]) : [], rows };
  }, [table]);
  const download = () => {
    const base = fileName.replace(/\.[^.]+$/, '');
    downloadFile(`${base}_${translate(lang, 'import_reportFile')}.csv`, problemReportCsv(problems, tabular, lang, fieldName), 'text/csv;charset=utf-8');
  };
  return (
    <div className="import-review">
      <p className="import-counts" data-testid="import-counts" data-loadable={table.length} data-skipped={skipped}>
        <strong>{formatNumber(lang, table.length)}</strong> {translate(lang, 'import_loadable')}
        {skipped > 0 && (
          <>
            , <strong className="import-skipped">{formatNumber(lang, skipped)}</strong> {translate(lang, 'import_skipped')}
          </>
        )}
      </p>
      {table.length === 0 && (
        <p className="import-problem" role="alert" data-testid="import-file-problem" data-code="nothingValid">
          {fileProblemText({ code: 'nothingValid', rejected: skipped }, lang)}
        </p>
      )}
      {notices.length > 0 && (
        <ul className="import-notices" data-testid="import-notices">
          {notices.map((n) => (
            <li key={n.code} data-code={n.code}>
              {noticeText(n, lang)}
            </li>
          ))}
        </ul>
      )}
      {problems.length > 0 && (
        <>
          <ol className="import-problems" data-testid="import-problems">
            {problems.slice(0, LISTED).map((p) => (
              <li key={p.index} data-index={p.index} data-code={p.reason.code}>
                <span className="import-where">{whereText(p, tabular, lang)}</span>: {reasonText(p.reason, lang, fieldName)}
              </li>
            ))}
          </ol>
          {skipped > LISTED && (
            <p>
              … {formatNumber(lang, skipped - LISTED)} {translate(lang, 'import_moreProblems')}
              {skipped > problems.length && (
                <>
                  {' '}
                  ({translate(lang, 'import_listedOnly')} {formatNumber(lang, problems.length)})
                </>
              )}
            </p>
          )}
          <button type="button" onClick={download} data-testid="import-report">
            {translate(lang, 'import_report')}
          </button>
        </>
      )}
      {preview.rows.length > 0 && <SampleTable caption={translate(lang, 'import_preview')} columns={preview.columns} rows={preview.rows} testId="import-preview" />}
      <div className="import-actions">
        <button type="button" onClick={onBack}>
          {translate(lang, 'import_back')}
        </button>
        <button type="button" className="primary" disabled={table.length === 0} onClick={onLoad} data-testid="import-load">
          {translate(lang, 'import_load')} {formatNumber(lang, table.length)}
        </button>
      </div>
    </div>
  );
}
