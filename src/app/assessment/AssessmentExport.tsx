import { translate, type Lang } from '../../i18n';
import type { AssessmentConfig } from '../../assessment/config';
import { assessmentTable } from '../../exports/assessmentTable';
import { downloadFile, exportFileName } from '../../exports/download';
import { townStatsCsv } from '../../exports/formats/csv';
import type { AssessmentAnswer } from '../../stats/assessment/assessment';
import { selectFeatures } from '../../state/store';
import { currentExport, townNamesIn } from '../exports/exportContext';
import { unitNamer } from './unitNames';
import { isoDay } from '../../state/timePresets';
import { ExportButtons } from '../exports/ExportButtons';

type Format = 'csv-zh' | 'csv-en' | 'xlsx';

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
  const formats: [Format, string][] = [
    ['csv-zh', translate(p.lang, 'exportCsvZh')],
    ['csv-en', translate(p.lang, 'exportCsvEn')],
    ['xlsx', 'Excel'],
  ];
  return <ExportButtons lang={p.lang} testid="assessment-export" formats={formats} run={(format) => exportAssessment(format, p.answer, p.month, p.config, p.lang)} />;
}
