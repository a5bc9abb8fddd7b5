import type { Lang } from '../../i18n';
import { label } from '../../i18n';
import { assessmentDefinitionLines, assessmentTable, LEVELS } from '../assessmentTable';
import type { AssessmentAnswer } from '../../stats/assessment/assessment';
import { neutraliseCell } from '../cellSafety';
import { contextLines, type ExportContext } from '../townStatsTable';

const ABOUT = { zh: '说明', en: 'About' };

/** The assessment as a workbook: the towns, the units (each with the district last), and an About sheet with the context and every definition. */
export async function assessmentXlsx(answer: AssessmentAnswer, names: { town(code: string): string; unit(code: string): string }, context: ExportContext, lang: Lang): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  book.title = context.range;
  for (const level of ['towns', 'units'] as const) {
    const table = assessmentTable(answer, names, lang, [level, 'district']);
    const sheet = book.addWorksheet(label(lang, LEVELS[level]));
    sheet.addRow(table.headers.map(neutraliseCell)).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(neutraliseCell));
    sheet.columns.forEach((c, i) => (c.width = i === 2 ? 28 : 12));
    sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: 1 }];
  }
  const about = book.addWorksheet(label(lang, ABOUT));
  for (const line of contextLines(context, lang)) about.addRow(line.map(neutraliseCell));
  about.addRow([]);
  for (const line of assessmentDefinitionLines(lang)) about.addRow(line.map(neutraliseCell));
  about.columns = [{ width: 22 }, { width: 100 }];
  return book.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
