import { describe, expect, it } from 'vitest';
import { runImport } from '../support/importPipeline';

const HEADER = '编号,设施编号,故障原因,影响灯数,上报时间,派遣时间,处置时间,核查时间,结案时间,处置时限,案件状态,问题来源,经度,纬度';
const row = (id: string, extra = '') => `${id},LD-001-00001,光源损坏,1,2025-03-05 14:20,2025-03-05 14:40,2025-03-05 20:00,2025-03-06 09:00,2025-03-06 10:00,2025-03-07 14:20,已结案,巡查发现,117.5008,36.694${extra}`;
const csv = (lines: string[]) => new TextEncoder().encode(`\uFEFF${lines.join('\n')}\n`);

describe('importing cases with the assessment’s fields', () => {
  it('reads the category, responsible unit and reworks from columns named as the details panel names them', async () => {
    const result = await runImport(csv([`${HEADER},小类编码,责任单位,返工次数`, row('LF-A-1', ',B0201,LAMP,2'), row('LF-A-2', ',,,')]), 'faults.csv', 'lamp-faults');
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.outcome.problems).toEqual([]);
    const [first, second] = result.outcome.features.map((f) => f.properties!);
    expect(first).toMatchObject({ categoryCode: 'B0201', responsibleUnit: 'LAMP', reworks: 2 });
    // Empty cells leave the fields out: the assessment's defaults apply, as for older files.
    expect(second).not.toHaveProperty('categoryCode');
    expect(second).not.toHaveProperty('responsibleUnit');
    expect(second).not.toHaveProperty('reworks');
  });

  it('loads a ledger without those columns, leaving the fields out', async () => {
    const result = await runImport(csv([HEADER, row('LF-B-1')]), 'faults.csv', 'lamp-faults');
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.outcome.features).toHaveLength(1);
    expect(result.outcome.features[0].properties).not.toHaveProperty('categoryCode');
  });

  it('skips a row whose category is not a code or whose reworks are negative, naming the field', async () => {
    const result = await runImport(csv([`${HEADER},小类编码,责任单位,返工次数`, row('LF-C-1', ',路灯,LAMP,0'), row('LF-C-2', ',B0201,LAMP,-1'), row('LF-C-3', ',B0201,LAMP,0')]), 'faults.csv', 'lamp-faults');
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.outcome.features.map((f) => f.properties!.id)).toEqual(['LF-C-3']);
    expect(result.outcome.problems.map((p) => [p.index, p.reason.code === 'invalidField' ? p.reason.field : p.reason.code])).toEqual([
      [0, 'categoryCode'],
      [1, 'reworks'],
    ]);
  });
});
