import { describe, expect, it } from 'vitest';
import { parseCst } from '../../layers/common/time';
import { noFilters, toggleClass } from '../../state/filters';
import { layerFilterMasks } from './filterMasks';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS } from '../../layers/registry';
import { encodeTable } from '../../data/columnar/encodeTable';
import { buildLayerColumns, MAX_CATEGORIES, NO_TOWN } from './layerColumns';
import { countRows, sharedVisibleCounts, visibleCounts } from './visibleCounts';

const TOWNS = ['370114001', '370114002'];
const issue = (id: string, category: string, status: string, townCode: string, reportedAt: string) => ({
  type: 'Feature' as const,
  geometry: { type: 'Point' as const, coordinates: [117.5, 36.7] },
  properties: { id, category, status, townCode, reportedAt },
});
const issues = [
  issue('a', 'garbage', 'closed', '370114001', '2021-01-05T10:00:00+08:00'),
  issue('b', 'garbage', 'reported', '370114002', '2022-03-01T00:00:00+08:00'),
  issue('c', 'film', 'closed', '370114002', '2022-06-01T00:00:00+08:00'),
  issue('d', 'dustNet', 'closed', '370114999', '2023-01-01T00:00:00+08:00'),
];
const columns = buildLayerColumns('railway', encodeTable('railway-issues', issues), TOWNS);

describe('layer columns', () => {
  it('hold each feature\'s class, town slot and minutes, and the totals per class', () => {
    expect(columns.length).toBe(4);
    expect(columns.indexOf('c')).toBe(2);
    expect(columns.categories[3 * columns.channels + columns.townChannel]).toBe(NO_TOWN);
    expect(columns.totals[0][0]).toBe(2); // garbage
    expect(columns.minutes[0]).toBe(4 * 1440 + 600);
  });

  it('keep every class code below the GPU mask width, and refuse more towns than it holds', () => {
    for (const id of DOMAIN_LAYER_IDS) for (const f of DOMAIN_LAYERS[id].filters) expect(f.classes.values.length).toBeLessThan(MAX_CATEGORIES);
    const tooMany = Array.from({ length: MAX_CATEGORIES }, (_, i) => String(370114001 + i));
    expect(() => buildLayerColumns('railway', encodeTable('railway-issues', issues), tooMany)).toThrow(/at most 31 towns/);
  });
});

describe('visible counts', () => {
  it('of a timeless layer that the filters keep whole are its totals, as counted row by row', () => {
    const pole = (id: string, status: string, townCode: string) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [117.5, 36.7] }, properties: { id, status, lampType: 'led', townCode, lampCount: 1 } });
    const poles = buildLayerColumns('streetLamps', encodeTable('lamps', [pole('p0', 'normal', '370114001'), pole('p1', 'faulty', '370114002'), pole('p2', 'faulty', '370114999')]), TOWNS);
    const whole = layerFilterMasks('streetLamps', noFilters(), TOWNS);
    const counts = visibleCounts(poles, whole);
    expect(counts).toEqual(countRows(poles, whole));
    expect(counts.visible).toBe(3);
    expect(counts.byCategory[0]).not.toBe(poles.totals[0]);
    // A town chosen keeps some rows: counted row by row.
    const oneTown = layerFilterMasks('streetLamps', { ...noFilters(), town: '370114002' }, TOWNS);
    expect(visibleCounts(poles, oneTown)).toEqual(countRows(poles, oneTown));
    expect([...visibleCounts(poles, oneTown).mask]).toEqual([0, 1, 0]);
  });

  it('count everything when nothing is filtered', () => {
    const counts = visibleCounts(columns, layerFilterMasks('railway', noFilters(), TOWNS));
    expect(counts.visible).toBe(4);
    expect([...counts.mask]).toEqual([1, 1, 1, 1]);
  });

  it('drop a class switched off, and count the rest per class', () => {
    const filters = noFilters();
    const classes = { ...filters.classes, railway: toggleClass('railway', {}, 'category', 'garbage') };
    const counts = visibleCounts(columns, layerFilterMasks('railway', { ...filters, classes }, TOWNS));
    expect([...counts.mask]).toEqual([0, 0, 1, 1]);
    expect(counts.byCategory[0][0]).toBe(0);
  });

  it('keep only the selected town (a feature outside every town never matches one)', () => {
    const counts = visibleCounts(columns, layerFilterMasks('railway', { ...noFilters(), town: '370114002' }, TOWNS));
    expect([...counts.mask]).toEqual([0, 1, 1, 0]);
  });

  it('keep a half-open time window: a case at its end falls in the next one', () => {
    const time = { from: parseCst(2022, 1, 1), to: parseCst(2022, 6, 1) };
    const counts = visibleCounts(columns, layerFilterMasks('railway', { ...noFilters(), time }, TOWNS));
    expect([...counts.mask]).toEqual([0, 1, 0, 0]);
  });

  it('ignore the time window for timeless layers', () => {
    const poles = buildLayerColumns('streetLamps', encodeTable('lamps', [{ geometry: { type: 'Point', coordinates: [117.5, 36.7] }, properties: { id: 'p', status: 'normal', lampType: 'led', townCode: '370114001' } }]), TOWNS);
    const time = { from: parseCst(2022, 1, 1), to: parseCst(2022, 1, 2) };
    expect(visibleCounts(poles, layerFilterMasks('streetLamps', { ...noFilters(), time }, TOWNS)).visible).toBe(1);
  });

  it('are shared until a layer’s own masks change: a new time range does not recount a timeless layer', () => {
    const poles = buildLayerColumns('streetLamps', encodeTable('lamps', [{ geometry: { type: 'Point', coordinates: [117.5, 36.7] }, properties: { id: 'p', status: 'normal', lampType: 'led', townCode: '370114001' } }]), TOWNS);
    const year = (y: number) => ({ ...noFilters(), time: { from: parseCst(y, 1, 1), to: parseCst(y + 1, 1, 1) } });
    const first = sharedVisibleCounts(poles, layerFilterMasks('streetLamps', year(2022), TOWNS));
    expect(sharedVisibleCounts(poles, layerFilterMasks('streetLamps', year(2023), TOWNS))).toBe(first);
    const classes = { ...noFilters().classes, streetLamps: toggleClass('streetLamps', {}, 'status', 'normal') };
    const filtered = sharedVisibleCounts(poles, layerFilterMasks('streetLamps', { ...year(2023), classes }, TOWNS));
    expect(filtered).not.toBe(first);
    expect(filtered.visible).toBe(0);
    const issuesIn = (y: number) => sharedVisibleCounts(columns, layerFilterMasks('railway', year(y), TOWNS));
    expect(issuesIn(2022)).not.toBe(issuesIn(2023));
    expect(issuesIn(2022).visible).toBe(2);
  });
});
