import type { Feature } from 'geojson';
import { DOMAIN_LAYERS, type DomainLayerId } from '../../layers/registry';
import type { TownIndex } from '../towns/townIndex';
import { andMasks, attributeTable, casesOfAssets, classMask, type AttributeTable, type ClassSelection } from './classMask';

/**
 * What the class filters of a layer need, built once at load: the class attributes of its drawn
 * features, each one's slot, and for each case-table row the feature it belongs to.
 */
export interface SelectableLayer {
  attributes: AttributeTable;
  /** Slot (town index + 1) of each drawn feature. */
  slot: Int16Array;
  /** Drawn-feature row of each case-table row (-1 when its asset is unknown). */
  caseFeature: Int32Array;
  /** The last selection asked for and its masks: a filter stays while the time range is dragged. */
  cache: { key: string; features: Uint8Array | null; cases: Uint8Array | null } | null;
}

const idOf = (f: Feature) => String(f.id ?? (f.properties as Record<string, unknown>).id);

/** The attributes the layer's filters read, each with its values in the order the map codes them. */
function filterFields(layer: DomainLayerId): Record<string, readonly string[]> {
  return Object.fromEntries(DOMAIN_LAYERS[layer].filters.map((f) => [f.field, f.classes.values]));
}

/**
 * @param features the drawn features (poles, covers, patches, issues)
 * @param caseIds  the case table's ids in its row order (empty for a layer without a case table)
 * @param assetOfCase the feature id each case belongs to (for cases that are the features, their own id)
 */
export function selectableLayer(layer: DomainLayerId, features: readonly Feature[], towns: TownIndex | null, caseIds: readonly string[], assetOfCase: ReadonlyMap<string, string>): SelectableLayer {
  const row = new Map(features.map((f, i) => [idOf(f), i]));
  const slot = Int16Array.from(features, (f) => {
    if (!towns || f.geometry.type !== 'Point') return 0;
    const [x, y] = f.geometry.coordinates;
    return towns.locate(x, y) + 1;
  });
  return {
    attributes: attributeTable(features.map((f) => (f.properties ?? {}) as Record<string, unknown>), filterFields(layer)),
    slot,
    caseFeature: Int32Array.from(caseIds, (id) => row.get(assetOfCase.get(id) ?? '') ?? -1),
    cache: null,
  };
}

/** Masks of the drawn features and of the cases a selection keeps (null: all kept), cached for a repeated selection. */
export function selectionMasks(layer: SelectableLayer, selection: ClassSelection | undefined): { features: Uint8Array | null; cases: Uint8Array | null } {
  const key = JSON.stringify(selection ?? {});
  if (layer.cache?.key === key) return layer.cache;
  const features = classMask(layer.attributes, selection);
  const cases = features && casesOfAssets(layer.caseFeature, features);
  layer.cache = { key, features, cases };
  return layer.cache;
}

export { andMasks };
