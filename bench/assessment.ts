/**
 * What the monthly assessment costs: `npx tsx bench/assessment.ts [data folders] [runs]`, e.g.
 * `public/data,public/data-10x 5`. For each folder: the engine's indexing of the case layers, the
 * month's assessment (the panel's question), its detail (trends, worst categories, open cases: the
 * drill-down and the report), and the whole PDF from the command line (1× only). Medians of the runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCst } from '../src/layers/common/time';
import { makeReport } from '../scripts/report/report';
import { loadEngineFromBuild } from '../test/support/engine';
import { shippedAssessmentConfig } from '../test/support/assessmentConfig';

const dirs = (process.argv[2] ?? 'public/data').split(',');
const runs = Number(process.argv[3] ?? 5);
const config = shippedAssessmentConfig();
const period = { from: parseCst(2026, 10, 1), to: parseCst(2026, 11, 1) };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (f: () => unknown) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

for (const dir of dirs) {
  const loadStarted = performance.now();
  const api = loadEngineFromBuild(dir);
  const loadMs = performance.now() - loadStarted;
  const answer = api.assessment({ period, config })!;
  const month = Array.from({ length: runs }, () => time(() => api.assessment({ period, config })));
  const detail = Array.from({ length: runs }, () => time(() => api.assessmentDetail({ period, config })));
  console.log(
    `${dir}: ${answer.district.counts.registered} cases registered in 2026-10; files read and indexed ${(loadMs / 1000).toFixed(1)} s; assessment ${median(month).toFixed(1)} ms; with detail ${median(detail).toFixed(1)} ms (medians of ${runs})`,
  );
}

if (dirs.includes('public/data')) {
  const out = mkdtempSync(join(tmpdir(), 'bench-report-'));
  const pdf: number[] = [];
  for (let k = 0; k < Math.min(runs, 3); k++) {
    const started = performance.now();
    await makeReport(['--from', '2026-10-01', '--to', '2026-10-31', '--format', 'pdf', '--out', join(out, 'r.pdf')]);
    pdf.push(performance.now() - started);
  }
  rmSync(out, { recursive: true, force: true });
  console.log(`PDF report of 2026-10 (public/data, from the files to the bytes): ${(median(pdf) / 1000).toFixed(1)} s (median of ${pdf.length})`);
}
