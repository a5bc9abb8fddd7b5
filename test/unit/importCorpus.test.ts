import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileProblemText, noticeText, reasonText } from '../../src/import/problemText';
import type { ImportTargetId } from '../../src/import/targets';
import { openFile } from '../../src/import/openFile';
import { runImportFile } from '../support/importPipeline';

interface Expected {
  file?: string;
  en?: string;
  zh?: string;
  loaded?: number;
  problems?: { index: number; code: string; en: string; zh: string }[];
  notices?: string[];
}
interface Case {
  file: string;
  target: ImportTargetId;
  expect: Expected;
}

const DIR = 'test/fixtures/import/bad';
const corpus = JSON.parse(readFileSync('test/fixtures/import/corpus.json', 'utf8')) as Case[];

describe('the bad-file corpus', () => {
  it('holds at least 40 files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
  });

  describe.each(corpus)('$file into $target', ({ file, target, expect: expected }) => {
    const reading = runImportFile(`${DIR}/${file}`, target);

    if (expected.loaded === undefined) {
      it(`is refused as a whole with "${expected.file}"`, async () => {
        const result = await reading;
        expect(result.ok ? 'loaded' : result.problem.code).toBe(expected.file);
        if (result.ok) return;
        expect(fileProblemText(result.problem, 'en')).toContain(expected.en);
        expect(fileProblemText(result.problem, 'zh')).toContain(expected.zh);
      });
      return;
    }

    it(`loads ${expected.loaded} and names each skipped feature with its reason`, async () => {
      const result = await reading;
      if (!result.ok) throw new Error(`refused: ${fileProblemText(result.problem, 'en')}`);
      const { outcome } = result;
      expect(outcome.features).toHaveLength(expected.loaded!);
      expect(outcome.problems.map((p) => ({ index: p.index, code: p.reason.code }))).toEqual((expected.problems ?? []).map(({ index, code }) => ({ index, code })));
      outcome.problems.forEach((p, i) => {
        expect(reasonText(p.reason, 'en')).toContain(expected.problems![i].en);
        expect(reasonText(p.reason, 'zh')).toContain(expected.problems![i].zh);
      });
      expect(outcome.features.length + outcome.problems.length).toBe(outcome.total);
      if (expected.notices) expect(outcome.notices.map((n) => n.code).sort()).toEqual([...expected.notices].sort());
      const placed = outcome.notices.find((n) => n.code === 'townsAssigned');
      if (placed?.code === 'townsAssigned') expect(placed.count).toBe(outcome.features.length);
      for (const n of outcome.notices) expect(noticeText(n, 'zh')).not.toBe('');
    });
  });
});

describe('hostile content', () => {
  it('never reaches Object.prototype and keeps no prototype keys', async () => {
    const result = await runImportFile(`${DIR}/hostile-prototype-keys.geojson`, 'lamps');
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (!result.ok) return;
    const properties = result.outcome.features[0].properties!;
    expect(Object.keys(properties)).not.toContain('__proto__');
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
    expect(result.outcome.notices.find((n) => n.code === 'unsafeKeys')).toEqual({ code: 'unsafeKeys', keys: ['__proto__', 'constructor'] });
  });

  it('keeps markup and formulas in a value as the text they are', async () => {
    const result = await runImportFile(`${DIR}/hostile-script-in-road.csv`, 'lamps');
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.outcome.features.map((f) => f.properties!.road)).toEqual(['<img src=x onerror="window.__pwned=1">', '=HYPERLINK("http://evil")']);
  });

  it('keeps a KML description’s markup as the text it is (nothing in it is run)', async () => {
    const opened = await openFile(new Blob([readFileSync(`${DIR}/kml-script-in-description.kml`, 'utf8')]), 'kml-script-in-description.kml');
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.value.head[0].properties.description).toBe('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">');
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('reads a workbook’s formulas as their last computed results, never evaluating one', async () => {
    const result = await runImportFile(`${DIR}/workbook-formulas.xlsx`, 'lamps');
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.outcome.features.map((f) => [f.properties!.road, f.properties!.lampCount])).toEqual([
      ['经十东路', 2],
      ['经十东路', 1],
    ]);
  });
});
