import { describe, expect, it } from 'vitest';
import { encodeTable } from '../../data/columnar/encodeTable';
import { buildLayerColumns } from './layerColumns';
import { subsetColumns } from './subsetColumns';

const pole = (id: string, status: string, lng: number) => ({
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [lng, 36.7] },
  properties: { id, status, lampType: 'led', townCode: '370114001' },
});
const columns = buildLayerColumns('streetLamps', encodeTable('lamps', [pole('p0', 'normal', 117.0), pole('p1', 'faulty', 117.1), pole('p2', 'normal', 117.2), pole('p3', 'repairing', 117.3)]), ['370114001']);
const notNormal = subsetColumns(columns, (i) => columns.idAt(i) !== 'p0' && columns.idAt(i) !== 'p2');

describe('subsetColumns', () => {
  it('copies the kept rows and maps them back to the layer', () => {
    expect(notNormal.length).toBe(2);
    expect(Array.from(notNormal.sourceRow)).toEqual([1, 3]);
    expect(notNormal.origin[0] + notNormal.offsets[3]).toBeCloseTo(117.3, 5);
    expect(notNormal.style.radius[1]).toBe(columns.style.radius[3]);
    expect(Array.from(notNormal.style.fill.subarray(4, 8))).toEqual(Array.from(columns.style.fill.subarray(12, 16)));
    expect(notNormal.categories[notNormal.channels]).toBe(columns.categories[3 * columns.channels]);
    expect(notNormal.idAt(1)).toBe('p3');
  });

  it('finds subset rows by id and by layer row, and nothing for rows left out', () => {
    expect(notNormal.indexOf('p1')).toBe(0);
    expect(notNormal.indexOf('p2')).toBeUndefined();
    expect(notNormal.indexOf('nope')).toBeUndefined();
    expect(notNormal.rowOfSource(3)).toBe(1);
    expect(notNormal.rowOfSource(2)).toBe(-1);
    expect(notNormal.rowOfSource(9)).toBe(-1);
  });
});
