import { describe, expect, it } from 'vitest';
import { andMasks, attributeTable, casesOfAssets, classMask, slotTotals } from './classMask';

const table = attributeTable(
  [
    { kind: 'rain', status: 'ok' },
    { kind: 'gas', status: 'defect' },
    { kind: 'rain', status: 'defect' },
    { kind: 'odd', status: 'ok' },
  ],
  { kind: ['rain', 'gas'], status: ['ok', 'defect'] },
);

describe('classMask', () => {
  it('keeps everything when nothing is restricted', () => {
    expect(classMask(table, undefined)).toBeNull();
    expect(classMask(table, { nosuch: ['x'] })).toBeNull();
  });
  it('keeps the features every restricted attribute keeps; unknown values never pass a restriction', () => {
    expect([...classMask(table, { kind: ['rain'] })!]).toEqual([1, 0, 1, 0]);
    expect([...classMask(table, { kind: ['rain', 'gas'], status: ['defect'] })!]).toEqual([0, 1, 1, 0]);
    expect([...classMask(table, { kind: [] })!]).toEqual([0, 0, 0, 0]);
  });
  it('follows cases to their assets, combines masks and totals per slot', () => {
    const assets = new Uint8Array([1, 0, 1, 0]);
    expect([...casesOfAssets(new Int32Array([2, 1, -1, 0]), assets)]).toEqual([1, 0, 0, 1]);
    expect(andMasks(null, null)).toBeNull();
    expect([...andMasks(new Uint8Array([1, 1, 0]), new Uint8Array([0, 1, 1]))!]).toEqual([0, 1, 0]);
    expect([...slotTotals(new Int16Array([0, 1, 1, 2]), [5, 1, 2, 3], assets, 3)]).toEqual([5, 2, 0]);
  });
});
