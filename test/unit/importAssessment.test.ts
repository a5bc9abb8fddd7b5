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

  it('reads the failed checks from one cell, separated by semicolons or as a JSON list, as times in China time', async () => {
    const result = await runImport(csv([`${HEADER},返工次数,检查未通过`, row('LF-D-1', ',2,2025-03-05 16:00;2025-03-05 18:30'), row('LF-D-2', ',1,2025-03-06 16:00'), row('LF-D-3', ',1,"[""2025-03-05T17:00:00+08:00""]"')]), 'faults.csv', 'lamp-faults');
    if (!result.ok) throw new Error(result.problem.code);
    // The third is a list as the app's CSV export writes it.
    expect(result.outcome.features.map((f) => f.properties!.failedChecks)).toEqual([['2025-03-05T16:00:00+08:00', '2025-03-05T18:30:00+08:00'], ['2025-03-05T17:00:00+08:00']]);
    // The second's check comes after its handling: the row is refused, naming the field.
    expect(result.outcome.problems.map((p) => [p.index, p.reason.code === 'invalidField' ? p.reason.field : p.reason.code])).toEqual([[1, 'failedChecks']]);
  });

  it('takes the failed checks of a GeoJSON file as its list, as the app writes them', async () => {
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [117.5008, 36.694] },
      properties: {
        id: 'LF-E-1', assetId: 'LD-001-00001', cause: 'lightSource', lampsAffected: 1, reportedAt: '2025-03-05T14:20:00+08:00', dispatchedAt: '2025-03-05T14:40:00+08:00',
        handledAt: '2025-03-05T20:00:00+08:00', checkedAt: '2025-03-06T09:00:00+08:00', closedAt: '2025-03-06T10:00:00+08:00', deadline: '2025-03-07T14:20:00+08:00',
        status: 'closed', source: 'patrol', reworks: 1, failedChecks: ['2025-03-05T17:00:00+08:00'],
      },
    };
    const file = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
    const result = await runImport(file, 'faults.geojson', 'lamp-faults');
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.outcome.problems).toEqual([]);
    expect(result.outcome.features[0].properties).toMatchObject({ reworks: 1, failedChecks: ['2025-03-05T17:00:00+08:00'] });
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
