import { shippedAssessmentConfig } from '../../test/support/assessmentConfig';
import { describe, expect, it } from 'vitest';
import { INDICATORS } from '../assessment/indicatorDefinitions';
import { parseCst } from '../layers/common/time';
import { assessment } from '../stats/assessment/assessment';
import { caseAt, tableOf, TOWN_CODES } from '../stats/warnings/testCases';
import { assessmentTable } from './assessmentTable';
import { assessmentXlsx } from './formats/assessmentXlsx';

const config = shippedAssessmentConfig();
const r = parseCst(2025, 10, 10, 9);
const answer = assessment(
  [{ layer: 'lamps', table: tableOf([caseAt('a', r, r + 3_600_000, r + 48 * 3_600_000, { responsibleUnit: 'LAMP', source: 'app' }), caseAt('b', r, null, r + 3_600_000, { x: 1.5, responsibleUnit: 'LAMP' })]) }],
  TOWN_CODES,
  { from: parseCst(2025, 10, 1), to: parseCst(2025, 11, 1) },
  config,
);
const names = { town: (c: string) => `town ${c}`, unit: (c: string) => `unit ${c}` };
const context = { district: '章丘区', range: '2025-10', filters: '全部案件', dataVersion: 'test', generatedAt: '2025-11-02' };

describe('the assessment export table', () => {
  it('has every indicator with its month before and year before, for each town, unit and the district', () => {
    const table = assessmentTable(answer, names, 'zh');
    for (const d of INDICATORS) {
      expect(table.headers).toContain(d.label.zh);
      expect(table.headers).toContain(`${d.label.zh} 环比（上月）`);
      expect(table.headers).toContain(`${d.label.zh} 同比（去年同月）`);
    }
    expect(table.rows.map((row) => [row[0], row[1]])).toEqual([
      ['镇街', '370114001'],
      ['镇街', '370114002'],
      ['责任单位', 'LAMP'],
      ['全区', ''],
    ]);
    const district = table.rows[3];
    expect(district[table.keys.indexOf('registered')]).toBe(2);
    expect(district[table.keys.indexOf('overdue')]).toBe(1);
    expect(district[table.keys.indexOf('publicReportRate')]).toBe(0.5);
  });

  it('writes the towns and units to their own sheets of the workbook, with the definitions in its About sheet', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await assessmentXlsx(answer, names, context, 'en'));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Town', 'Responsible unit', 'About']);
    const header = (book.getWorksheet('Town')!.getRow(1).values as unknown[]).slice(1);
    for (const d of INDICATORS) expect(header).toContain(d.label.en);
    expect(book.getWorksheet('Responsible unit')!.getRow(2).getCell(2).value).toBe('LAMP');
    const about = book.getWorksheet('About')!.getColumn(1).values.map(String);
    for (const d of INDICATORS) expect(about).toContain(d.label.en);
  });
});
