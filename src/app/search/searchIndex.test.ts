import { describe, expect, it } from 'vitest';
import { encodeTable } from '../../data/columnar/encodeTable';
import { buildSearchIndex, search } from './searchIndex';

const point = (id: string, extra: Record<string, string> = {}) => ({ id, geometry: { type: 'Point' as const, coordinates: [117.5, 36.7] }, properties: { id, ...extra } });
const road = (name: string, coords: [number, number][]) => ({ geometry: { type: 'LineString' as const, coordinates: coords }, properties: { name } });

const index = buildSearchIndex({
  layers: { streetLamps: encodeTable('lamps', [point('LD-001-00001'), point('LD-001-00002')]), patches: encodeTable('patches', [point('TB-2021Q1-0001')]) },
  assetCases: [{ layer: 'streetLamps', cases: encodeTable('lamp-faults', [point('LF-2021-000001', { assetId: 'LD-001-00002' }), point('LF-2021-000002')]) }],
  roads: [road('经十东路', [[117.5, 36.7], [117.6, 36.7]]), road('经十东路', [[117.6, 36.7], [117.7, 36.75]]), road('龙泉路', [[117.5, 36.6], [117.5, 36.65]])],
});

describe('search', () => {
  it('finds an asset by its id, whatever the case typed', () => {
    expect(search(index, 'ld-001-00002')).toEqual([{ kind: 'feature', layer: 'streetLamps', id: 'LD-001-00002' }]);
  });

  it('lists every id starting with a prefix, in order', () => {
    expect(search(index, 'LD-001').map((h) => (h.kind === 'feature' ? h.id : h.name))).toEqual(['LD-001-00001', 'LD-001-00002']);
  });

  it('finds a case and points at the asset it was filed against', () => {
    expect(search(index, 'LF-2021-000001')).toEqual([{ kind: 'feature', layer: 'streetLamps', id: 'LD-001-00002', caseId: 'LF-2021-000001' }]);
  });

  it('finds a road by any part of its name and frames all of its pieces', () => {
    expect(search(index, '十东')).toEqual([{ kind: 'road', name: '经十东路', bbox: [117.5, 36.7, 117.7, 36.75] }]);
  });

  it('finds nothing for an empty or unknown query', () => {
    expect(search(index, '  ')).toEqual([]);
    expect(search(index, 'XYZ')).toEqual([]);
  });
});
