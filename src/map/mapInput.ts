import { DOMAIN_LAYER_IDS, type DomainLayerId } from '../layers/registry';
import { selectFeatures, selectTable, type AppState } from '../state/store';
import { selectLayerColumns, selectTownCodes } from './columns/columnsCache';
import { layerFilterMasks } from './columns/filterMasks';
import type { MapLayerInput } from './deckLayers';
import { PATCH_DOTS_LAYER_ID } from './patchDots';

const perLayer = <T>(fn: (id: DomainLayerId) => T) => Object.fromEntries(DOMAIN_LAYER_IDS.map((id) => [id, fn(id)])) as Record<DomainLayerId, T>;

/** Everything the deck.gl layers are built from, read from the store; and whether the view has asked for the patches' outlines (the tests' default: it has). */
export function selectMapInput(s: AppState, patchOutlines = true): MapLayerInput {
  const towns = selectTownCodes(s);
  const columns = perLayer((id) => selectLayerColumns(s, id));
  return {
    towns: selectFeatures(s, 'towns'),
    patches: selectTable(s, 'patches'),
    columns,
    masks: perLayer((id) => layerFilterMasks(id, s.filters, towns)),
    display: s.layers,
    selected: perLayer((id) => (s.selected?.layer === id ? (columns[id]?.indexOf(s.selected.id) ?? -1) : -1)),
    theme: s.theme,
    lang: s.lang,
    hotCells: s.hotCells,
    warningMarks: s.warningMarks,
    labelSize: s.labelSize,
    patchOutlines,
  };
}

/** deck.gl layer id → the domain layer it draws. */
export const DOMAIN_LAYER_OF_DECK_LAYER: Readonly<Record<string, DomainLayerId>> = {
  lamps: 'streetLamps',
  'lamps-alert': 'streetLamps',
  manholes: 'manholes',
  patches: 'patches',
  [PATCH_DOTS_LAYER_ID]: 'patches',
  'railway-issues': 'railway',
};
