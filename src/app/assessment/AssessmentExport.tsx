import { useState } from 'react';
import { translate, type Lang } from '../../i18n';
import type { AssessmentConfig } from '../../assessment/config';
import { assessmentTable } from '../../exports/assessmentTable';
import { downloadFile, exportFileName } from '../../exports/download';
import { townStatsCsv } from '../../exports/formats/csv';
import type { AssessmentAnswer } from '../../stats/assessment/assessment';
import { selectFeatures } from '../../state/store';
import { currentExport, townNamesIn } from '../exports/exportContext';
import { unitNamer } from './unitNames';

type Format = 'csv-zh' | 'csv-en' | 'xlsx';
const isoDay = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

async function exportAssessment(format: Format, answer: AssessmentAnswer, month: string, config: AssessmentConfig, lang: Lang): Promise<void> {
  const out: Lang = format === 'csv-en' ? 'en' : format === 'csv-zh' ? 'zh' : lang;
  const now = Date.now();
  const { state, context: base } = currentExport(out, now);
  // The assessment is of the month over every case: the map's filters do not apply to it.
  const context = { ...base, range: month, filters: translate(out, 'assessmentScope') };
  const town = townNamesIn(selectFeatures(state, 'towns'), out);
  const names = { town, unit: unitNamer(config, town, out) };
  const name = (ext: string) => exportFileName({ district: context.district, what: translate(out, 'assessment'), firstDay: isoDay(answer.period.from), lastDay: isoDay(answer.period.to - 1), madeOn: isoDay(now) }, ext);
  if (format === 'xlsx') {
    const { assessmentXlsx } = await import('../../exports/formats/assessmentXlsx');
    downloadFile(name('xlsx'), await assessmentXlsx(answer, names, context, out), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  } else downloadFile(name('csv'), townStatsCsv(assessmentTable(answer, names, out), context, out), 'text/csv;charset=utf-8');
}

/** The month's assessment to CSV (Chinese or English headers) or Excel. */
export function AssessmentExport(p: { lang: Lang; answer: AssessmentAnswer; month: string; config: AssessmentConfig }) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [failed, setFailed] = useState(false);
  const run = async (format: Format) => {
    setBusy(format);
    setFailed(false);
    try {
      await exportAssessment(format, p.answer, p.month, p.config, p.lang);
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };
  const formats: [Format, string][] = [
    ['csv-zh', translate(p.lang, 'exportCsvZh')],
    ['csv-en', translate(p.lang, 'exportCsvEn')],
    ['xlsx', 'Excel'],
  ];
  return (
    <div className="export-bar" role="group" aria-label={translate(p.lang, 'export')} data-testid="assessment-export">
      <span>{translate(p.lang, 'export')}</span>
      {formats.map(([f, text]) => (
        <button key={f} type="button" onClick={() => void run(f)} disabled={busy !== null} data-format={f}>
          {busy === f ? translate(p.lang, 'exporting') : text}
        </button>
      ))}
      <span role="status" className="export-bar__status">
        {failed ? translate(p.lang, 'exportFailed') : ''}
      </span>
    </div>
  );
}
