import { describe, expect, it } from 'vitest';
import type { AssetCount } from '../../data/servedAssets';
import { noFilters, toggleClass } from '../../state/filters';
import { countTableOf } from './countTable';
import { layerFilterMasks } from './filterMasks';
import { encodeTable } from '../../data/columnar/encodeTable';
import { buildLayerColumns } from './layerColumns';
import { visibleByTown, visibleCounts } from './visibleCounts';

const TOWNS = ['370114001', '370114002'];
const pole = (id: string, status: string, lampType: string, townCode: string) => ({
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [117.5, 36.7] },
  properties: { id, status, lampType, townCode },
});
const poles = [
  pole('a', 'normal', 'led', '370114001'),
  pole('b', 'normal', 'led', '370114001'),
  pole('c', 'faulty', 'led', '370114001'),
  pole('d', 'normal', 'sodium', '370114002'),
  pole('e', 'repairing', 'sodium', '370114002'),
  pole('f', 'faulty', 'sodium', '370114999'),
];
/** The same poles as the server counts them: one row per town, status and lamp type. */
const counts: AssetCount[] = [
  { layer: 'streetLamps', town: '370114001', values: ['normal', 'led'], count: 2 },
  { layer: 'streetLamps', town: '370114001', values: ['faulty', 'led'], count: 1 },
  { layer: 'streetLamps', town: '370114002', values: ['normal', 'sodium'], count: 1 },
  { layer: 'streetLamps', town: '370114002', values: ['repairing', 'sodium'], count: 1 },
  { layer: 'streetLamps', town: '370114999', values: ['faulty', 'sodium'], count: 1 },
];

describe('countTableOf', () => {
  const columns = buildLayerColumns('streetLamps', encodeTable('lamps', poles), TOWNS);
  const table = countTableOf('streetLamps', counts, TOWNS);
  const filters = [
    ['no filter', noFilters()],
    ['one town', { ...noFilters(), town: '370114002' }],
    ['a status off', { ...noFilters(), classes: { ...noFilters().classes, streetLamps: toggleClass('streetLamps', {}, 'status', 'normal') } }],
  ] as const;

  it('has the totals of the features it counts', () => {
    expect(table.totals).toEqual(columns.totals);
  });

  it.each(filters)('counts what the features count under %s', (_, f) => {
    const fromFeatures = visibleCounts(columns, layerFilterMasks('streetLamps', f, TOWNS));
    const fromCounts = visibleCounts(table, layerFilterMasks('streetLamps', f, TOWNS));
    expect(fromCounts.visible).toBe(fromFeatures.visible);
    expect(fromCounts.byCategory).toEqual(fromFeatures.byCategory);
  });

  it('narrows under a filter (the comparison above could not pass on empty counts)', () => {
    expect(visibleCounts(table, layerFilterMasks('streetLamps', filters[1][1], TOWNS)).visible).toBe(2);
    expect(visibleCounts(table, layerFilterMasks('streetLamps', filters[2][1], TOWNS)).visible).toBe(3);
  });

  it('counts a case layer’s counts of a range as they are: the range’s mask does not drop them, and towns add up', () => {
    const rows = [
      { town: '370114001', values: ['pending', 'cultivated', 'newBuilding'], count: 3 },
      { town: '370114002', values: ['illegal', 'forest', 'stacking'], count: 2 },
      { town: '370114002', values: ['pending', 'forest', 'stacking'], count: 4 },
    ];
    const table = countTableOf('patches', rows, TOWNS);
    const month = { from: Date.parse('2025-07-01T00:00:00+08:00'), to: Date.parse('2025-08-01T00:00:00+08:00') };
    const counts = visibleCounts(table, layerFilterMasks('patches', { ...noFilters(), time: month }, TOWNS));
    expect(counts.visible).toBe(9);
    expect([...visibleByTown(table, counts)].slice(0, 2)).toEqual([3, 6]);
    const pendingOnly = { ...noFilters(), time: month, classes: { ...noFilters().classes, patches: toggleClass('patches', {}, 'status', 'illegal') } };
    expect([...visibleByTown(table, visibleCounts(table, layerFilterMasks('patches', pendingOnly, TOWNS)))].slice(0, 2)).toEqual([3, 4]);
  });
});
