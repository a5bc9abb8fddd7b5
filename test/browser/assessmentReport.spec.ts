import { execFileSync } from 'node:child_process';
import { shippedAssessmentConfig } from '../support/assessmentConfig';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATORS, indicatorValue } from '../../src/assessment/indicatorDefinitions';
import { formatIndicator } from '../../src/app/assessment/formatIndicator';
import { parseCst } from '../../src/layers/common/time';
import type { AssessmentAnswer } from '../../src/stats/assessment/assessment';
import { makeReport } from '../../scripts/report/report';
import { loadEngineFromBuild } from '../support/engine';

const config = shippedAssessmentConfig();
const towns = JSON.parse(readFileSync('dist/data/towns.geojson', 'utf8')).features.map((f: { properties: { code: string; name: string } }) => f.properties) as { code: string; name: string }[];

describe('given the monthly assessment report printed to PDF from the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'citygis-report-'));
  const out = join(dir, 'assessment.pdf');
  let pages: string[] = [];
  let want: AssessmentAnswer;
  beforeAll(async () => {
    const { bytes } = await makeReport(['--from', '2026-10-01', '--to', '2026-10-31', '--format', 'pdf', '--out', out, '--data', 'dist/data']);
    execFileSync('tee', [out], { input: bytes });
    pages = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).split('\f');
    want = loadEngineFromBuild('dist/data').assessment({ period: { from: parseCst(2026, 10, 1), to: parseCst(2026, 11, 1) }, config })!;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a PDF whose text is text: the cover names the district, the period and the data', () => {
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages[0]).toContain('章丘区');
    expect(pages[0]).toContain('城市管理考核评价月报');
    expect(pages[0]).toMatch(/考核期\s+2026-10/);
    expect(pages[0]).toContain('generator v1');
  });

  it('embeds every font it uses, each with its text mapping (selectable and searchable, CJK included)', () => {
    // Chromium embeds the local Noto CJK (OpenType CFF) glyphs as Type 3 fonts, with a ToUnicode map each.
    const lines = execFileSync('pdffonts', [out], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line, line).toMatch(/\byes\s+(yes|no)\s+yes\s+\d+\s+\d+\s*$/);
    expect(pages.join('')).toContain('按期结案率');
  });

  it('gives every town a page with its score and each indicator equal to the engine’s', () => {
    for (const town of towns) {
      const page = pages.find((p) => p.trimStart().startsWith(`${town.name} · 综合得分`));
      expect(page, town.name).toBeDefined();
      const row = want.towns.find((t) => t.code === town.code)!;
      expect(page!).toContain(`综合得分 ${row.score === null ? '—' : new Intl.NumberFormat('zh-CN').format(row.score)}`);
      for (const d of INDICATORS) {
        const line = page!.split('\n').find((l) => l.trimStart().startsWith(`${d.label.zh} `));
        expect(line, `${town.name} ${d.label.zh}`).toBeDefined();
        const [, townValue, districtValue] = line!.trim().split(/\s+/);
        expect(townValue, `${town.name} ${d.label.zh}`).toBe(formatIndicator('zh', d, indicatorValue(row, d.id)));
        expect(districtValue, `${town.name} ${d.label.zh} (district)`).toBe(formatIndicator('zh', d, indicatorValue(want.district, d.id)));
      }
    }
  });

  it('ranks the towns on the summary page as the engine does, the last three marked', () => {
    const summary = pages.find((p) => p.includes('全区概况'))! + pages[pages.indexOf(pages.find((p) => p.includes('全区概况'))!) + 1];
    const ranked = [...want.towns].filter((t) => t.rank !== null).sort((a, b) => a.rank! - b.rank!);
    const positions = ranked.map((t) => summary.indexOf(towns.find((x) => x.code === t.code)!.name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(summary.match(/\(末位\)/g)).toHaveLength(3);
  });

  it('refuses --filter with the PDF, and a broken assessment file, with a message naming the option', async () => {
    await expect(makeReport(['--from', '2026-10-01', '--to', '2026-10-31', '--format', 'pdf', '--out', out, '--filter', 'manholes.kind=rain'])).rejects.toThrow(/^--filter: /);
    const broken = join(dir, 'broken.json');
    execFileSync('tee', [broken], { input: '{"majors": []}' });
    await expect(makeReport(['--from', '2026-10-01', '--to', '2026-10-31', '--format', 'pdf', '--out', out, '--assessment', broken])).rejects.toThrow(/^--assessment .*broken\.json:\n/);
  });
});
