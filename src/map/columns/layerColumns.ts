import type { Feature, Geometry } from 'geojson';
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

interface AnyFeature {
  id?: string | number;
  geometry: Geometry;
  properties: Record<string, unknown>;
}

function anchorOf(geometry: Geometry): [number, number] {
  switch (geometry.type) {
    case 'Point':
      return geometry.coordinates as [number, number];
    case 'Polygon':
      return geometry.coordinates[0][0] as [number, number];
    case 'MultiPolygon':
      return geometry.coordinates[0][0][0] as [number, number];
    case 'LineString':
      return geometry.coordinates[0] as [number, number];
    case 'MultiLineString':
      return geometry.coordinates[0][0] as [number, number];
    default:
      return [NaN, NaN];
  }
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

/** `townCodes` are the loaded towns' codes in the order their slots are numbered. */
export function buildLayerColumns(layer: DomainLayerId, features: readonly Feature[] | readonly AnyFeature[], townCodes: readonly string[]): LayerColumns {
  const def = DOMAIN_LAYERS[layer];
  const fields = def.filters.map((f) => f.field);
  const n = features.length;
  const coder = categoryCoder(layer, townCodes, n);
  const positions = new Float32Array(n * 3);
  const timeField = timeFieldOf(def.features);
  const minutes = new Float32Array(n);

  for (let i = 0; i < n; i++) {
    const f = features[i] as AnyFeature;
    const p = f.properties;
    const [lng, lat] = anchorOf(f.geometry);
    positions[i * 3] = lng;
    positions[i * 3 + 1] = lat;
    coder.code(i, fields.map((field) => p[field]), p.townCode);
    if (timeField) minutes[i] = minutesOf(Date.parse(p[timeField] as string));
  }
  coder.finish();
  const idAt = (i: number) => {
    const f = features[i] as AnyFeature;
    return String(f.properties.id ?? f.id ?? i);
  };
  let indexOfId: Map<string, number> | null = null;
  const indexOf = (id: string) => {
    if (!indexOfId) {
      indexOfId = new Map();
      for (let i = 0; i < n; i++) indexOfId.set(idAt(i), i);
    }
    return indexOfId.get(id);
  };
  const { channels, townChannel, categories, totals } = coder;
  return { layer, length: n, idAt, indexOf, positions, channels, townChannel, categories, minutes, timed: timeField !== undefined, totals };
}
