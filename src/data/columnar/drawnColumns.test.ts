import { describe, expect, it } from 'vitest';
import { DOMAIN_LAYERS } from '../../layers/registry';
import { buildLayerColumns } from '../../map/columns/layerColumns';
import { DATA_START_MS } from '../../layers/common/time';
import { buildDrawnColumns, minutesOf, NO_TOWN, withDrawnColumns, withoutDrawing } from './drawnColumns';
import { encodeTable } from './encodeTable';
import { keepDrawnGeometry } from './keepGeometry';
import { replaceTableArrays } from './featureTable';

const pole = (id: string, status: string, lampType: string, townCode: string | null, lng: number, lampCount: number) => ({
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [lng, 36.7] },
  properties: { id, status, lampType, townCode, lampCount },
});
// Town B before town A in the table; C is not a loaded town; one pole has no town.
const poles = encodeTable('lamps', [
  pole('p0', 'normal', 'led', '370114002', 117.1, 1),
  pole('p1', 'faulty', 'sodium', '370114001', 117.3, 4),
  pole('p2', 'repairing', 'led', '370114009', 117.5, 0),
  pole('p3', 'normal', 'unknownType', null, 117.2, 9),
]);
const TOWNS = ['370114001', '370114002'];
const colors = DOMAIN_LAYERS.streetLamps.style.colors;
const rgba = (a: Uint8Array, i: number) => Array.from(a.subarray(i * 4, i * 4 + 4));

describe('buildDrawnColumns', () => {
  const drawn = buildDrawnColumns('streetLamps', poles);

  it('codes each filter attribute by its class, and the town by the table’s own towns, sorted, with no town last', () => {
    const row = (i: number) => Array.from(drawn.categories.subarray(i * 4, i * 4 + 4));
    const { values: statuses } = DOMAIN_LAYERS.streetLamps.filters[0].classes;
    const { values: types } = DOMAIN_LAYERS.streetLamps.filters[1]!.classes;
    expect(drawn.towns.slice(0, 4)).toEqual(['370114001', '370114002', '370114009', null]);
    expect(drawn.towns).toHaveLength(NO_TOWN + 1);
    expect(row(0)).toEqual([statuses.indexOf('normal'), types.indexOf('led'), 0, 1]);
    expect(row(1)).toEqual([statuses.indexOf('faulty'), types.indexOf('sodium'), 0, 0]);
    // An unknown class reads as the first one, as the legends count it.
    expect(row(3)).toEqual([statuses.indexOf('normal'), 0, 0, NO_TOWN]);
  });

  it('counts the features of each code in every channel', () => {
    const { values: statuses } = DOMAIN_LAYERS.streetLamps.filters[0].classes;
    expect(drawn.totals[0][statuses.indexOf('normal')]).toBe(2);
    expect(drawn.totals[2][0]).toBe(4);
    expect(Array.from(drawn.totals[3].subarray(0, 3))).toEqual([1, 1, 1]);
    expect(drawn.totals[3][NO_TOWN]).toBe(1);
  });

  it('keeps the towns in the order first met where a table holds more than the map can number', () => {
    const many = Array.from({ length: NO_TOWN + 1 }, (_, i) => pole(`p${i}`, 'normal', 'led', `3701140${String(99 - i).padStart(2, '0')}`, 117, 1));
    const coded = buildDrawnColumns('streetLamps', encodeTable('lamps', many));
    expect(coded.towns[0]).toBe('370114099');
    expect(coded.categories[3]).toBe(0);
    expect(coded.categories[NO_TOWN * 4 + 3]).toBe(NO_TOWN);
    expect(coded.towns[NO_TOWN]).toBe('370114068');
  });

  it('gives positions as float32 offsets from the middle of the extent, colours by class and radii by lamp count', () => {
    expect(drawn.origin).toEqual([117.3, 36.7, 0]);
    expect(drawn.origin[0] + drawn.offsets[3]).toBeCloseTo(117.3, 6);
    expect(drawn.origin[0] + drawn.offsets[6]).toBeCloseTo(117.5, 6);
    expect(drawn.offsets[7]).toBe(0);
    expect(rgba(drawn.fill, 1)).toEqual([...colors.faulty]);
    expect(rgba(drawn.fill, 2)).toEqual([...colors.repairing]);
    expect(Array.from(drawn.radius)).toEqual([4, 8, 4, 12]);
  });

  it('rings defective covers in red and sound ones not at all', () => {
    const cover = (id: string, status: string) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [117, 36.7] }, properties: { id, kind: 'rain', status, townCode: '370114001' } });
    const covers = buildDrawnColumns('manholes', encodeTable('manholes', [cover('m0', 'normal'), cover('m1', 'defective')]));
    expect(rgba(covers.line, 0)[3]).toBe(0);
    expect(rgba(covers.line, 1)).toEqual([230, 30, 40, 255]);
    expect(Array.from(covers.radius)).toEqual([3, 3]);
  });

  it('keeps a timed layer’s times as minutes since the data’s start', () => {
    const issue = { type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [117, 36.7] }, properties: { id: 'r0', category: 'garbage', status: 'reported', townCode: '370114001', reportedAt: new Date(DATA_START_MS + 90 * 60_000).toISOString() } };
    expect(buildDrawnColumns('railway', encodeTable('railway-issues', [issue])).minutes[0]).toBe(90);
    expect(minutesOf(DATA_START_MS + 60_000)).toBe(1);
  });
});

describe('buildLayerColumns from drawn columns', () => {
  it('numbers the towns as the page loaded them, a town not loaded and no town as no town, and counts the totals', () => {
    const fromWorker = buildLayerColumns('streetLamps', withDrawnColumns(poles), TOWNS);
    const onPage = buildLayerColumns('streetLamps', poles, TOWNS);
    const towns = (c: typeof onPage) => Array.from({ length: 4 }, (_, i) => c.categories[i * 4 + 3]);
    expect(towns(fromWorker)).toEqual([1, 0, NO_TOWN, NO_TOWN]);
    expect(towns(onPage)).toEqual(towns(fromWorker));
    expect(fromWorker.totals[3][0]).toBe(1);
    expect(fromWorker.totals[3][NO_TOWN]).toBe(2);
    expect(fromWorker.totals[2][0]).toBe(4);
    expect(Array.from(fromWorker.totals[0])).toEqual(Array.from(onPage.totals[0]));
  });

  it('shares the worker’s categories and totals when its towns are already the page’s numbering', () => {
    const ordered = withDrawnColumns(encodeTable('lamps', [pole('a', 'normal', 'led', '370114001', 117, 1), pole('b', 'normal', 'led', '370114002', 117, 1)]));
    const columns = buildLayerColumns('streetLamps', ordered, TOWNS);
    expect(columns.categories).toBe(ordered.drawn!.categories);
    expect(columns.totals[0]).toBe(ordered.drawn!.totals[0]);
    expect(Array.from(columns.totals[3])).toEqual([1, 1, ...new Array<number>(NO_TOWN - 1).fill(0)]);
    // Renumbered (a town that is not loaded), the table's own drawn columns stay as the worker made them.
    const renumbered = withDrawnColumns(poles);
    expect(buildLayerColumns('streetLamps', renumbered, TOWNS).categories[2 * 4 + 3]).toBe(NO_TOWN);
    expect(renumbered.drawn!.categories[2 * 4 + 3]).toBe(2);
  });
});

describe('a table’s drawn columns', () => {
  it('are built only for a domain layer’s drawn features, and left out for the statistics worker', () => {
    expect(withDrawnColumns(poles).drawn).toBeDefined();
    expect(withDrawnColumns(encodeTable('lamp-faults', [])).drawn).toBeUndefined();
    const stripped = withoutDrawing(withDrawnColumns(poles));
    expect(stripped.drawn).toBeUndefined();
    expect(stripped.properties).toBe(poles.properties);
  });

  it('travel with the table’s other arrays (shared or transferred)', () => {
    const table = withDrawnColumns(poles);
    const seen: ArrayBufferView[] = [];
    const copy = replaceTableArrays(table, (a) => (seen.push(a), a.slice() as typeof a));
    expect(seen).toContain(table.drawn!.offsets);
    expect(seen).toContain(table.drawn!.radius);
    expect(copy.drawn!.categories).not.toBe(table.drawn!.categories);
    expect(Array.from(copy.drawn!.fill)).toEqual(Array.from(table.drawn!.fill));
  });

  it('keep the drawn offsets when a refresh keeps every position, so deck.gl uploads no positions again', () => {
    const before = withDrawnColumns(poles);
    const fresh = withDrawnColumns(encodeTable('lamps', [pole('p0', 'faulty', 'led', '370114002', 117.1, 1), pole('p1', 'faulty', 'sodium', '370114001', 117.3, 4), pole('p2', 'repairing', 'led', '370114009', 117.5, 0), pole('p3', 'normal', 'unknownType', null, 117.2, 9)]));
    const kept = keepDrawnGeometry(before, fresh);
    expect(kept.drawn!.offsets).toBe(before.drawn!.offsets);
    expect(kept.drawn!.fill).toBe(fresh.drawn!.fill);
    expect(rgba(kept.drawn!.fill, 0)).toEqual([...colors.faulty]);
  });
});
