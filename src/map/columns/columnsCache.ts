import type { DomainLayerId } from '../../layers/registry';
import { DOMAIN_LAYERS } from '../../layers/registry';
import { selectFeatures, selectTable, type AppState } from '../../state/store';
import { isServedCaseLayer } from '../../data/servedLayers';
import { sameRange } from '../../data/servedCases';
import { countTableOf, type ClassCount } from './countTable';
import { buildLayerColumns, type LayerColumns, type LayerCounts } from './layerColumns';

const townCodesCache = new WeakMap<object, readonly string[]>();
const columnsCache = new WeakMap<object, { towns: readonly string[]; columns: LayerColumns }>();
const NO_CODES: readonly string[] = [];

/** The loaded towns' codes, sorted: slot i of every layer's town channel is codes[i]. */
export function selectTownCodes(s: AppState): readonly string[] {
  const towns = selectFeatures(s, 'towns');
  if (towns.length === 0) return NO_CODES;
  let codes = townCodesCache.get(towns);
  if (!codes) townCodesCache.set(towns, (codes = towns.map((t) => t.properties.code).sort()));
  return codes;
}

/** A layer's columns, built once per loaded collection (and again if the towns change). */
export function selectLayerColumns(s: AppState, layer: DomainLayerId): LayerColumns | null {
  const table = selectTable(s, DOMAIN_LAYERS[layer].features);
  if (table.length === 0) return null;
  const towns = selectTownCodes(s);
  const cached = columnsCache.get(table);
  if (cached && cached.towns === towns) return cached.columns;
  const columns = buildLayerColumns(layer, table, towns);
  columnsCache.set(table, { towns, columns });
  return columns;
}

const countsCache = new WeakMap<object, { towns: readonly string[]; counts: LayerCounts }>();

/** A count table of rows the server sent, built once per array of rows (and again if the towns change). */
function countTableFor(s: AppState, layer: DomainLayerId, rows: readonly ClassCount[]): LayerCounts {
  const towns = selectTownCodes(s);
  const cached = countsCache.get(rows);
  if (cached && cached.towns === towns) return cached.counts;
  const counts = countTableOf(layer, rows, towns);
  countsCache.set(rows, { towns, counts });
  return counts;
}

/**
 * What a layer's legends count as its whole: its columns when the page holds its features, else
 * the counts the server sent (assets; a case layer's cases of all time).
 */
export function selectLayerCounts(s: AppState, layer: DomainLayerId): LayerCounts | null {
  const columns = selectLayerColumns(s, layer);
  if (columns) return columns;
  const c = s.collections[DOMAIN_LAYERS[layer].features];
  return c?.status === 'served' && c.counts ? countTableFor(s, layer, c.counts) : null;
}

/**
 * What the legends count the shown features from: the same table, except for a case layer the
 * server keeps, whose counts of the time range shown are asked for that range (null until they
 * are in: counts of another range are not these).
 */
export function selectShownCounts(s: AppState, layer: DomainLayerId): LayerCounts | null {
  const c = s.collections[DOMAIN_LAYERS[layer].features];
  if (c?.status !== 'served' || !isServedCaseLayer(layer)) return selectLayerCounts(s, layer);
  return c.rangeCounts && sameRange(c.rangeCounts.range, s.filters.time) ? countTableFor(s, layer, c.rangeCounts.rows) : null;
}
