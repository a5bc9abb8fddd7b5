/**
 * Import benchmark (not a test): a ledger of N poles as CSV, read, mapped and checked as the
 * import worker does it, in Node.
 *   npx tsx bench/import.ts [rows=300000] [runs=3]
 */
import { runImport } from '../test/support/importPipeline';

const rows = Number(process.argv[2] ?? 300_000);
const runs = Number(process.argv[3] ?? 3);
const lines = Array.from({ length: rows }, (_, i) => `ZQ-${i},经十东路,${(117.3 + (i % 1000) * 0.0003).toFixed(6)},${(36.6 + Math.floor(i / 1000) * 0.0003).toFixed(6)},2,LED灯,90,2019,正常`);
const bytes = new TextEncoder().encode(`编号,所在道路,经度,纬度,灯头数,光源类型,功率,安装年份,状态\n${lines.join('\n')}\n`);
const times: number[] = [];
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  const result = await runImport(bytes, 'ledger.csv', 'lamps');
  times.push(performance.now() - t);
  if (!result.ok || result.outcome.features.length !== rows) throw new Error('the ledger did not load whole');
}
const median = [...times].sort((a, b) => a - b)[Math.floor(runs / 2)];
console.log(`${rows.toLocaleString('en')} rows, ${(bytes.length / 1048576).toFixed(1)} MB: checked in ${(median / 1000).toFixed(2)} s (median of ${runs}), ${((rows / median) * 1000).toFixed(0)} rows/s`);
