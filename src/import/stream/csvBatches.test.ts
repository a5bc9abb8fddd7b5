import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvBatches } from './csvBatches';
import { textPieces as pieces } from '../../../test/support/textPieces';

async function rows(text: string, cuts: number[]): Promise<string[][]> {
  const out: string[][] = [];
  for await (const batch of csvBatches(pieces(text, cuts))) out.push(...batch);
  return out;
}

describe('CSV rows as a stream', () => {
  const text = '编号,备注,经度\r\nA1,"两行\r\n备注, 带""引号""",117.5\r\nA2,,117.6\r\n\r\nA3,"""",117.7\r\n';
  const whole = Papa.parse<string[]>(text, { header: false, skipEmptyLines: 'greedy' }).data;

  it('gives the rows Papa Parse gives for the whole text, however it is cut (every cut, and every pair)', async () => {
    expect(whole).toHaveLength(4);
    for (let a = 0; a <= text.length; a++) {
      expect(await rows(text, [a]), `cut at ${a}`).toEqual(whole);
      for (let b = a; b <= text.length; b += 3) expect(await rows(text, [a, b]), `cuts at ${a}, ${b}`).toEqual(whole);
    }
  });

  it('keeps the delimiter found first (semicolons, as Excel writes in some locales)', async () => {
    const semi = 'id;lon;lat\nA;117,5;36,7\nB;117,6;36,8\n';
    expect(await rows(semi, [15])).toEqual([
      ['id', 'lon', 'lat'],
      ['A', '117,5', '36,7'],
      ['B', '117,6', '36,8'],
    ]);
  });
});
