import type { FeatureTable } from '../../data/columnar/featureTable';
import { anchorAt, idAt, rowOfId, timesOf, valueAt } from '../../data/columnar/readTable';
import { DATA_START_MS } from '../../layers/common/time';
import { DOMAIN_LAYERS, timeFieldOf, type DomainLayerId } from '../../layers/registry';

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

/** What the legends count a layer by: per row its filter categories, its time, and how many features it stands for. */
export interface LayerCounts {
  layer: DomainLayerId;
  length: number;
  /** Filter channels per row (FILTER_CHANNELS): the layer's attribute filters, padding, and the town last. */
  channels: number;
  /** Channel of the town slot. */
  townChannel: number;
  /** Per row and channel, the index of its value in that filter's classes (the town slot in the town channel). */
  categories: Uint8Array;
  /** Minutes since the data's start of the layer's time field (all 0 for timeless layers). */
  minutes: Float32Array;
  timed: boolean;
  /** Per channel, how many features hold each value. */
  totals: Uint32Array[];
  /** Features per row; absent: one each (a row of counts the server sent stands for many). */
  weights?: Uint32Array;
}

/**
 * A domain layer's features as typed arrays, in the order of its collection: what deck.gl draws
 * (binary attributes, no per-feature accessor calls) and what the filters and counts read.
 */
export interface LayerColumns extends LayerCounts {
  /** The id of the feature at an index. */
  idAt(index: number): string;
  /** The index of a feature by id; the lookup table is built on first use, not while the layer first draws. */
  indexOf(id: string): number | undefined;
  /**
   * lng, lat, 0 per feature: the point, or for polygons the first vertex of the outer ring. Three
   * values, as deck.gl's position attribute has: with two it would run a JS loop to pad them.
   */
  positions: Float32Array;
}

/**
 * Writes rows' filter categories and adds them to the per-channel totals: one coding shared by the
 * features the page holds and the counts the server sends, so both count alike.
 */
export function categoryCoder(layer: DomainLayerId, townCodes: readonly string[], length: number) {
  const filters = DOMAIN_LAYERS[layer].filters;
  const channels = FILTER_CHANNELS;
  const townChannel = channels - 1;
  if (townCodes.length > NO_TOWN) throw new Error(`at most ${NO_TOWN} towns can be filtered on the map, got ${townCodes.length}`);
  const categories = new Uint8Array(length * channels);
  const valueIndex = filters.map((f) => new Map(f.classes.values.map((v, i) => [v, i])));
  const townSlot = new Map(townCodes.map((c, i) => [c, i]));
  const totals = Array.from({ length: channels }, (_, c) => new Uint32Array(c < filters.length ? filters[c].classes.values.length : c === townChannel ? NO_TOWN + 1 : 1));
  let count = 0;
  return {
    channels,
    townChannel,
    categories,
    totals,
    /** Row i: the value of each filter attribute (in the layer's filter order), its town code, and the features it stands for. */
    code(i: number, values: readonly unknown[], townCode: unknown, weight = 1) {
      const row = i * channels;
      for (let c = 0; c < filters.length; c++) {
        const v = valueIndex[c].get(values[c] as string) ?? 0;
        categories[row + c] = v;
        totals[c][v] += weight;
      }
      const slot = townSlot.get(townCode as string) ?? NO_TOWN;
      categories[row + townChannel] = slot;
      totals[townChannel][slot] += weight;
      count += weight;
    },
    /** Channels between the attributes and the town hold 0 for every row. */
    finish() {
      for (let c = filters.length; c < townChannel; c++) totals[c][0] = count;
    },
  };
}

/** Per feature, what a column's values are coded as: looked up once per distinct value, not per feature. */
function codedColumn(table: FeatureTable, field: string): (i: number) => unknown {
  const column = table.properties[field];
  if (!column) return () => undefined;
  if (column.kind === 'string') return (i) => (column.missing && column.missing[i] !== 0 ? null : column.dictionary[column.codes[i]]);
  return (i) => valueAt(column, i);
}

/** `townCodes` are the loaded towns' codes in the order their slots are numbered. */
export function buildLayerColumns(layer: DomainLayerId, table: FeatureTable, townCodes: readonly string[]): LayerColumns {
  const def = DOMAIN_LAYERS[layer];
  const n = table.length;
  const coder = categoryCoder(layer, townCodes, n);
  const positions = new Float32Array(n * 3);
  const timeField = timeFieldOf(def.features);
  const minutes = new Float32Array(n);
  const filterValues = def.filters.map((f) => codedColumn(table, f.field));
  const townOf = codedColumn(table, 'townCode');
  const times = timeField ? timesOf(table, timeField) : null;
  const values: unknown[] = new Array(filterValues.length);

  for (let i = 0; i < n; i++) {
    const [lng, lat] = anchorAt(table.geometry, i);
    positions[i * 3] = lng;
    positions[i * 3 + 1] = lat;
    for (let c = 0; c < filterValues.length; c++) values[c] = filterValues[c](i);
    coder.code(i, values, townOf(i));
    if (times) minutes[i] = minutesOf(times[i]);
  }
  coder.finish();
  const { channels, townChannel, categories, totals } = coder;
  return {
    layer,
    length: n,
    idAt: (i) => idAt(table, i),
    indexOf: (id) => rowOfId(table, id),
    positions,
    channels,
    townChannel,
    categories,
    minutes,
    timed: timeField !== undefined,
    totals,
  };
}
