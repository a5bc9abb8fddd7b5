import { DataFilterExtension, type DataFilterExtensionProps } from '@deck.gl/extensions';
import { FILTER_CHANNELS } from './columns/layerColumns';
import type { LayerFilterMasks } from './columns/filterMasks';

/**
 * deck.gl's category filter maps each feature's category to a bit through a JS call per feature,
 * even for binary attributes: seconds at a million points. Our categories are already small
 * integer codes (below MAX_CATEGORIES), so the code is the bit, and the codes are handed to the
 * GPU as they are, under the attribute's own name (`filterCategoryValues`), which skips that pass.
 */
export class CodedCategoryFilter extends DataFilterExtension {
  static override extensionName = 'CodedCategoryFilter';
  override _getCategoryKey(category: unknown): number {
    return category as number;
  }
}

/** One extension instance and configuration for every layer: one shader program per layer type. */
const FILTER = new CodedCategoryFilter({ categorySize: FILTER_CHANNELS, filterSize: 1 });
/** deck.gl's filter range must be finite; timeless layers hold 0 and keep everything within this. */
const ALWAYS: [number, number] = [-1e9, 1e9];

/** Every feature in category 0 of each channel, and that category kept: a filter that passes everything. */
export const KEEP_CATEGORY = Array.from({ length: FILTER_CHANNELS }, () => 0);
export const KEEP_ALL: LayerFilterMasks = { categories: KEEP_CATEGORY.map(() => [0]), lookup: KEEP_CATEGORY.map(() => Uint8Array.from({ length: 256 }, (_, c) => (c === 0 ? 1 : 0))), minutes: ALWAYS, timed: false };

/** GPU filter props for a layer: its kept categories per channel and its time window. */
export function filterProps(masks: LayerFilterMasks): DataFilterExtensionProps & { extensions: CodedCategoryFilter[] } {
  return {
    extensions: [FILTER],
    filterCategories: masks.categories,
    filterRange: masks.timed ? masks.minutes : ALWAYS,
  };
}
