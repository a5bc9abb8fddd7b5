import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Random } from '../../scripts/generator/random';
import { fileProblemText, noticeText, reasonText } from '../../src/import/problemText';
import type { ImportTargetId } from '../../src/import/targets';
import { runImport, type PipelineResult } from '../support/importPipeline';

const GOOD: { file: string; target: ImportTargetId }[] = [
  { file: 'lamps-ledger.csv', target: 'lamps' },
  { file: 'lamps-ledger-gbk.csv', target: 'lamps' },
  { file: 'patches.geojson', target: 'patches' },
  { file: 'regions-grid.geojson', target: 'regions' },
  { file: 'lamps-shapefile.zip', target: 'lamps' },
  { file: 'lamps.gpkg', target: 'lamps' },
  { file: 'lamps.fgb', target: 'lamps' },
  { file: 'lamps.kml', target: 'lamps' },
  { file: 'lamps.xlsx', target: 'lamps' },
];
const read = (file: string) => new Uint8Array(readFileSync(`test/fixtures/import/good/${file}`));

const NASTY: unknown[] = [null, '', 'NaN', -1e308, 1e308, -0, 0.1, '2021-02-30', [], {}, [[[]]], [null, null], ['1', '2'], 'x'.repeat(5000), '<script>window.__pwned=1</script>', { __proto__: null }, true];
const KEYS = ['__proto__', 'constructor', 'prototype', 'type', 'coordinates', 'geometry', 'properties', 'features', 'id', 'status'];

/** Byte-level damage: cut, repeat, overwrite or insert, the way broken transfers and bad editors damage files. */
function mutateBytes(bytes: Uint8Array, rnd: Random): Uint8Array {
  const out = Array.from(bytes);
  for (let n = rnd.int(1, 4); n > 0; n--) {
    const at = rnd.int(0, Math.max(0, out.length - 1));
    switch (rnd.int(0, 4)) {
      case 0:
        out.splice(at, rnd.int(1, 40));
        break;
      case 1:
        out.splice(at, 0, ...out.slice(at, at + rnd.int(1, 80)));
        break;
      case 2:
        out[at] = rnd.int(0, 255);
        break;
      case 3:
        out.splice(at, 0, ...Array.from({ length: rnd.int(1, 8) }, () => rnd.pick([0x22, 0x2c, 0x7b, 0x7d, 0x5b, 0x5d, 0x0a, 0x3a, 0x00, 0xff, 0xe4])));
        break;
      default:
        out.length = at;
    }
  }
  return new Uint8Array(out);
}

/** Structural damage to a parsed GeoJSON: any node replaced by a value of the wrong kind, or a hostile key added. */
function mutateJson(value: unknown, rnd: Random): unknown {
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    const children: [string | number, unknown][] = Array.isArray(v) ? v.map((c, i) => [i, c]) : v && typeof v === 'object' ? Object.entries(v) : [];
    for (const [key, child] of children) {
      nodes.push({ parent: v as Record<string, unknown> | unknown[], key });
      walk(child);
    }
  };
  walk(value);
  for (let n = rnd.int(1, 3); n > 0 && nodes.length; n--) {
    const { parent, key } = rnd.pick(nodes);
    if (rnd.chance(0.2) && !Array.isArray(parent)) Object.defineProperty(parent, rnd.pick(KEYS), { value: rnd.pick(NASTY), enumerable: true, configurable: true, writable: true });
    else (parent as Record<string | number, unknown>)[key] = rnd.pick(NASTY);
  }
  return value;
}

/** Everything the dialog would show for a result: rendering must not throw either. */
function render(result: PipelineResult): void {
  if (!result.ok) {
    expect(fileProblemText(result.problem, 'zh').length).toBeGreaterThan(0);
    return;
  }
  const { outcome } = result;
  expect(outcome.features.length + outcome.problems.length).toBe(outcome.total);
  for (const p of outcome.problems) reasonText(p.reason, 'en');
  for (const n of outcome.notices) noticeText(n, 'zh');
  for (const f of outcome.features) {
    const [x, y] = JSON.stringify(f.geometry).match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
    expect(Math.abs(x)).toBeLessThanOrEqual(180);
    expect(Math.abs(y)).toBeLessThanOrEqual(90);
  }
}

describe('mutation fuzzing of valid files', () => {
  it('never throws past the import boundary: 4,000 byte-level mutations', async () => {
    const rnd = new Random(20261130);
    for (let i = 0; i < 4000; i++) {
      const { file, target } = GOOD[i % GOOD.length];
      const damaged = mutateBytes(read(file), rnd);
      render(await runImport(damaged, file, target));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it('never throws past the import boundary: 2,000 structural GeoJSON mutations', async () => {
    const rnd = new Random(7);
    const sources = GOOD.filter((g) => g.file.endsWith('.geojson')).map((g) => ({ ...g, text: new TextDecoder().decode(read(g.file)) }));
    for (let i = 0; i < 2000; i++) {
      const { file, target, text } = sources[i % sources.length];
      const damaged = JSON.stringify(mutateJson(JSON.parse(text), rnd));
      render(await runImport(new TextEncoder().encode(damaged), file, target));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
