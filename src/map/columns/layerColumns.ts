import type { FeatureTable } from '../../data/columnar/featureTable';
import { buildDrawnColumns, FILTER_CHANNELS, NO_TOWN } from '../../data/columnar/drawnColumns';
import type { DrawnPolygons } from '../../data/columnar/drawnPolygons';
import { idAt, rowOfId } from '../../data/columnar/readTable';
import { DOMAIN_LAYERS, timeFieldOf, type DomainLayerId } from '../../layers/registry';

export { FILTER_CHANNELS, MAX_CATEGORIES, NO_TOWN, minutesOf } from '../../data/columnar/drawnColumns';

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
  /** Per feature lng, lat, 0 in degrees from `origin` (the point, or a polygon's first vertex). */
  offsets: Float32Array;
  origin: [number, number, number];
  /** Colours (RGBA) and radii (metres) per feature, as the layer's style draws them. */
  style: { fill: Uint8Array; line: Uint8Array; radius: Float32Array };
  /** For a layer of polygons, its paint per vertex (the town channel numbered as `categories`) and its dots. */
  polygons?: DrawnPolygons;
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

/** Rewrites the town channel of rows of `channels` codes through `slots` (a code per key): a copy. */
function renumberTowns(categories: Uint8Array, channels: number, slots: Uint8Array): Uint8Array {
  const out = categories.slice();
  for (let at = channels - 1; at < out.length; at += channels) out[at] = slots[out[at]];
  return out;
}

/**
 * `townCodes` are the loaded towns' codes in the order their slots are numbered. The columns are
 * the table's drawn columns (built by its decode worker) as they are, where the worker keyed the
 * towns as the page numbers them; else with the town channel renumbered and the totals counted
 * here, one pass over bytes.
 */
export function buildLayerColumns(layer: DomainLayerId, table: FeatureTable, townCodes: readonly string[]): LayerColumns {
  const drawn = table.drawn ?? buildDrawnColumns(layer, table);
  const n = table.length;
  const channels = FILTER_CHANNELS;
  const townChannel = channels - 1;
  if (townCodes.length > NO_TOWN) throw new Error(`at most ${NO_TOWN} towns can be filtered on the map, got ${townCodes.length}`);
  const slotOf = new Map(townCodes.map((c, i) => [c, i]));
  const slots = Uint8Array.from({ length: 256 }, (_, key) => {
    const town = drawn.towns[key];
    return typeof town === 'string' ? (slotOf.get(town) ?? NO_TOWN) : NO_TOWN;
  });
  const byKey = drawn.totals[townChannel];
  const renumbered = byKey.some((count, key) => count > 0 && slots[key] !== key);
  let { categories, totals, polygons } = drawn;
  if (renumbered) {
    categories = renumberTowns(categories, channels, slots);
    if (polygons) polygons = { ...polygons, categories: renumberTowns(polygons.categories, channels, slots) };
    totals = totals.slice();
    totals[townChannel] = new Uint32Array(NO_TOWN + 1);
    byKey.forEach((count, key) => (totals[townChannel][slots[key]] += count));
  } else {
    totals = [...totals.slice(0, townChannel), byKey.subarray(0, NO_TOWN + 1)];
  }
  return {
    layer,
    length: n,
    idAt: (i) => idAt(table, i),
    indexOf: (id) => rowOfId(table, id),
    offsets: drawn.offsets,
    origin: drawn.origin,
    style: { fill: drawn.fill, line: drawn.line, radius: drawn.radius },
    ...(polygons && { polygons }),
    channels,
    townChannel,
    categories,
    minutes: drawn.minutes,
    timed: timeFieldOf(DOMAIN_LAYERS[layer].features) !== undefined,
    totals,
  };
}
