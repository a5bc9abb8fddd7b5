import type { RGBA } from '../../layers/common/definition';
import { DOMAIN_LAYERS } from '../../layers/registry';
import type { LayerColumns } from './layerColumns';

export interface StyleAttributes {
  /** RGBA per feature from the layer's class colours. */
  fill: Uint8Array;
  /** RGBA per feature for outlines. */
  line: Uint8Array;
  /** Radius in metres per feature. */
  radius: Float32Array;
}

const GREY: RGBA = [128, 128, 128, 200];
const DEFECT_RING: RGBA = [230, 30, 40, 255];
const NO_RING: RGBA = [0, 0, 0, 0];
const DARK_RING: RGBA = [40, 40, 40, 255];

const cache = new WeakMap<LayerColumns, StyleAttributes>();

/** Colours and sizes as typed arrays, computed once per loaded layer; `sizeOf` gives a feature's radius by index. */
export function styleAttributes(columns: LayerColumns, sizeOf: (index: number) => number): StyleAttributes {
  const cached = cache.get(columns);
  if (cached) return cached;
  const { style, filters } = DOMAIN_LAYERS[columns.layer];
  const palette = style.classes.values.map((v) => (style.colors as Record<string, RGBA>)[v] ?? GREY);
  const n = columns.length;
  const fill = new Uint8Array(n * 4);
  const line = new Uint8Array(n * 4);
  const radius = new Float32Array(n);
  const statusChannel = filters.findIndex((f) => f.field === 'status');
  for (let i = 0; i < n; i++) {
    fill.set(palette[columns.categories[i * columns.channels]], i * 4);
    let ring: RGBA = DARK_RING;
    // Covers are coloured by kind; a defect shows as a red ring, so both read at once.
    if (columns.layer === 'manholes') {
      const defective = filters[statusChannel].classes.values[columns.categories[i * columns.channels + statusChannel]] === 'defective';
      ring = defective ? DEFECT_RING : NO_RING;
    }
    line.set(ring, i * 4);
    radius[i] = sizeOf(i);
  }
  const attributes = { fill, line, radius };
  cache.set(columns, attributes);
  return attributes;
}
