import type { RGBA } from '../../layers/common/definition';
import { DATA_START_MS } from '../../layers/common/time';
import { DOMAIN_LAYERS, DOMAIN_LAYER_IDS, timeFieldOf, type CollectionId, type DomainLayerId } from '../../layers/registry';
import { buildDrawnPolygons, outlineColours, type DrawnPolygons } from './drawnPolygons';
import type { FeatureTable } from './featureTable';
import { hasPolygons } from './polygonTriangles';
import { anchorAt, timesOf, valueAt } from './readTable';

/**
 * Every layer carries four filter channels and a time value, used or not, so that all point
 * layers share one compiled shader (each DataFilterExtension configuration is its own program,
 * and compiling one costs hundreds of milliseconds on a software GPU).
 */
export const FILTER_CHANNELS = 4;
/**
 * Category codes per channel must stay below this: the GPU filter keeps one 32-bit mask per
 * channel, and the codes are handed to it as they are (see deckLayers' CodedCategoryFilter).
 */
export const MAX_CATEGORIES = 32;
/** Town slot of a feature whose town code is not one of the loaded towns. */
export const NO_TOWN = MAX_CATEGORIES - 1;
/** Time is kept in whole minutes since the data's start: exact in a float32 for 31 years. */
export const minutesOf = (epochMs: number) => (epochMs - DATA_START_MS) / 60_000;

/** The most distinct town codes the worker codes one by one; the rest share the last code (no loaded town). */
const TOWN_KEYS = 255;

/**
 * What the map draws a domain layer's features from and filters them by, as typed arrays built
 * once by the worker that decoded the table, off the main thread (a million points took the page
 * 200–300 ms): per feature its filter categories, its time, its position and its style.
 */
export interface DrawnColumns {
  /**
   * The town channel holds an index into this list of the table's own town codes (null: none),
   * since only the page knows which towns are loaded and how it numbers them. Where the table has
   * at most NO_TOWN towns they are listed sorted, with no town at NO_TOWN, as the page numbers the
   * loaded towns: a page that loaded the same towns then renumbers nothing.
   */
  towns: (string | null)[];
  /** Per channel, how many features hold each code (the town channel by the codes of `towns`). */
  totals: Uint32Array[];
  /** Per feature, FILTER_CHANNELS codes: the layer's filter attributes, padding, and its town (see `towns`) last. */
  categories: Uint8Array;
  /** Minutes since the data's start of the layer's time field (all 0 for timeless layers). */
  minutes: Float32Array;
  /**
   * Per feature lng, lat, 0 in degrees from `origin` (the point, or a polygon's first vertex): deck.gl
   * uploads float32 offsets as they are (LNGLAT_OFFSETS); absolute longitudes it splits into a high
   * and a low float32 on the main thread, and with two values a position it pads them in a JS loop.
   */
  offsets: Float32Array;
  origin: [number, number, number];
  /** RGBA per feature from the layer's class colours. */
  fill: Uint8Array;
  /** RGBA per feature for outlines (a polygon's outline, a point's ring). */
  line: Uint8Array;
  /** Radius in metres per feature. */
  radius: Float32Array;
  /** For a layer of polygons, its paint per vertex and its dots. */
  polygons?: DrawnPolygons;
}

const GREY: RGBA = [128, 128, 128, 200];
const DEFECT_RING: RGBA = [230, 30, 40, 255];
const NO_RING: RGBA = [0, 0, 0, 0];
const DARK_RING: RGBA = [40, 40, 40, 255];

/** Per feature, what a column's values are coded as: looked up once per distinct value, not per feature. */
function codedColumn(table: FeatureTable, field: string): (i: number) => unknown {
  const column = table.properties[field];
  if (!column) return () => undefined;
  if (column.kind === 'string') return (i) => (column.missing && column.missing[i] !== 0 ? null : column.dictionary[column.codes[i]]);
  return (i) => valueAt(column, i);
}

/** Each feature's radius in metres, as the layer's style sizes its points. */
function pointRadius(layer: DomainLayerId, table: FeatureTable): (row: number) => number {
  const size = DOMAIN_LAYERS[layer].style.radius;
  if (size === undefined) return () => 0;
  if (typeof size === 'number') return () => size;
  const column = table.properties[size.field];
  const values = column?.kind === 'number' ? column.values : null;
  return (row) => size.perSqrt * Math.sqrt(values && row < values.length ? values[row] || 1 : 1);
}

/** The colours of a feature by its class code (channel 0) and, for covers, whether it is defective. */
function styler(layer: DomainLayerId) {
  const { style, filters } = DOMAIN_LAYERS[layer];
  const palette = style.classes.values.map((v) => (style.colors as Record<string, RGBA>)[v] ?? GREY);
  const statusChannel = filters.findIndex((f) => f.field === 'status');
  const defective = statusChannel >= 0 ? filters[statusChannel].classes.values.indexOf('defective') : -1;
  return (categories: Uint8Array, row: number, fill: Uint8Array, line: Uint8Array) => {
    fill.set(palette[categories[row * FILTER_CHANNELS]], row * 4);
    // Covers are coloured by kind; a defect shows as a red ring, so both read at once.
    const ring = layer !== 'manholes' ? DARK_RING : categories[row * FILTER_CHANNELS + statusChannel] === defective ? DEFECT_RING : NO_RING;
    line.set(ring, row * 4);
  };
}

/**
 * Where the table holds at most NO_TOWN towns, keys them as the page numbers the loaded towns
 * (sorted), with no town at NO_TOWN, rewriting the town channel: the new list of towns, or null to
 * keep the keys of first appearance.
 */
function keyTownsSorted(towns: readonly (string | null)[], categories: Uint8Array, n: number): (string | null)[] | null {
  const sorted = towns.filter((t): t is string => t !== null).sort();
  if (sorted.length > NO_TOWN) return null;
  const keyOf = Uint8Array.from(towns, (t) => (t === null ? NO_TOWN : sorted.indexOf(t)));
  for (let at = FILTER_CHANNELS - 1; at < n * FILTER_CHANNELS; at += FILTER_CHANNELS) categories[at] = keyOf[categories[at]];
  return Array.from({ length: NO_TOWN + 1 }, (_, key) => sorted[key] ?? null);
}

/** Per channel, how many rows hold each code. */
function countCodes(layer: DomainLayerId, categories: Uint8Array, n: number): Uint32Array[] {
  const { filters } = DOMAIN_LAYERS[layer];
  const totals = Array.from({ length: FILTER_CHANNELS }, (_, c) => new Uint32Array(c < filters.length ? filters[c].classes.values.length : c === FILTER_CHANNELS - 1 ? TOWN_KEYS + 1 : 1));
  for (let row = 0; row < n * FILTER_CHANNELS; row += FILTER_CHANNELS) for (let c = 0; c < FILTER_CHANNELS; c++) totals[c][categories[row + c]] += 1;
  return totals;
}

/** A domain layer's features as the map draws and filters them (see DrawnColumns). */
export function buildDrawnColumns(layer: DomainLayerId, table: FeatureTable): DrawnColumns {
  const def = DOMAIN_LAYERS[layer];
  const n = table.length;
  const categories = new Uint8Array(n * FILTER_CHANNELS);
  const minutes = new Float32Array(n);
  const anchors = new Float64Array(n * 2);
  const filterValues = def.filters.map((f) => codedColumn(table, f.field));
  const valueIndex = def.filters.map((f) => new Map<unknown, number>(f.classes.values.map((v, i) => [v, i])));
  const townOf = codedColumn(table, 'townCode');
  const firstSeen: (string | null)[] = [];
  const townKey = new Map<unknown, number>();
  const timeField = timeFieldOf(def.features);
  const times = timeField ? timesOf(table, timeField) : null;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    const row = i * FILTER_CHANNELS;
    for (let c = 0; c < filterValues.length; c++) categories[row + c] = valueIndex[c].get(filterValues[c](i)) ?? 0;
    const town = townOf(i);
    let key = townKey.get(town);
    if (key === undefined) {
      key = Math.min(firstSeen.length, TOWN_KEYS);
      if (key < TOWN_KEYS) firstSeen.push(typeof town === 'string' ? town : null);
      townKey.set(town, key);
    }
    categories[row + FILTER_CHANNELS - 1] = key;
    if (times) minutes[i] = minutesOf(times[i]);
    const [x, y] = anchorAt(table.geometry, i);
    anchors[i * 2] = x;
    anchors[i * 2 + 1] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const towns = keyTownsSorted(firstSeen, categories, n) ?? firstSeen;
  const origin: [number, number, number] = Number.isFinite(minX) ? [(minX + maxX) / 2, (minY + maxY) / 2, 0] : [0, 0, 0];
  const offsets = new Float32Array(n * 3);
  const fill = new Uint8Array(n * 4);
  const line = new Uint8Array(n * 4);
  const radius = new Float32Array(n);
  const style = styler(layer);
  const sizeOf = pointRadius(layer, table);
  for (let i = 0; i < n; i++) {
    offsets[i * 3] = anchors[i * 2] - origin[0];
    offsets[i * 3 + 1] = anchors[i * 2 + 1] - origin[1];
    style(categories, i, fill, line);
    radius[i] = sizeOf(i);
  }
  const drawn: DrawnColumns = { towns, totals: countCodes(layer, categories, n), categories, minutes, offsets, origin, fill, line, radius };
  if (!hasPolygons(table.geometry)) return drawn;
  // A polygon's outline is its fill darkened, not a point's ring.
  drawn.line = outlineColours(fill);
  drawn.polygons = buildDrawnPolygons(table.geometry, n, origin, { fill, line: drawn.line, categories, minutes, channels: FILTER_CHANNELS });
  return drawn;
}

const LAYER_OF_FEATURES = new Map<CollectionId, DomainLayerId>(DOMAIN_LAYER_IDS.map((id) => [DOMAIN_LAYERS[id].features, id]));

/** The table with the columns the map draws it from, where it is a domain layer's features: for the worker that built it. */
export function withDrawnColumns(table: FeatureTable): FeatureTable {
  const layer = LAYER_OF_FEATURES.get(table.collection);
  return layer === undefined || table.drawn ? table : { ...table, drawn: buildDrawnColumns(layer, table) };
}

/** The table without what only the map draws (its drawn columns and triangles): for the statistics worker, which would otherwise be sent a copy. */
export function withoutDrawing(table: FeatureTable): FeatureTable {
  if (!table.drawn && !table.triangles) return table;
  const rest = { ...table };
  delete rest.drawn;
  delete rest.triangles;
  return rest;
}
