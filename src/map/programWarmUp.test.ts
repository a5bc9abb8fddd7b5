import type { Layer } from '@deck.gl/core';
import { PathLayer, PolygonLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { describe, expect, it } from 'vitest';
import { loadBundled as load } from '../../test/unit/support/bundledCollections';
import { useAppStore, type WarningMarks } from '../state/store';
import { buildDeckLayers } from './deckLayers';
import { selectMapInput } from './mapInput';
import { warmUpLayers } from './programWarmUp';


/** The layer classes whose programs a layer draws with: a PolygonLayer draws through its fill and outline layers. */
const programsOf = (layer: Layer): unknown[] => (layer instanceof PolygonLayer ? [SolidPolygonLayer, PathLayer] : [layer.constructor]);

describe('the programs’ warm-up layers', () => {
  it('cover every layer class the GPU-filtered layers draw with, with the very same filter extension, so they share its linked programs', () => {
    for (const id of ['towns', 'patches', 'railway-issues'] as const) load(id);
    useAppStore.getState().setHotCells([{ boundary: [[117.5, 36.7], [117.51, 36.7], [117.51, 36.71], [117.5, 36.7]], count: 3, share: 1 }]);
    const mark = { note: 'n', target: { kind: 'town', code: '370114001' } } as unknown as WarningMarks['points'][number];
    useAppStore.getState().setWarningMarks({ cells: [{ ...mark, boundary: [[117.5, 36.7], [117.51, 36.7], [117.5, 36.71]] }], points: [{ ...mark, position: [117.5, 36.7], kind: 'high' }] });
    const filtered = buildDeckLayers(selectMapInput(useAppStore.getState())).filter((l) => (l.props.extensions ?? []).length > 0);
    expect(filtered.map((l) => l.id).sort()).toEqual(['hot-cells', 'patches', 'patches-dots', 'patches-outline', 'railway-issues', 'warning-cells', 'warning-points']);
    const warm = warmUpLayers();
    for (const layer of filtered) {
      for (const program of programsOf(layer)) {
        const twin = warm.find((w) => w.constructor === program);
        expect(twin, `${layer.id}: no warm-up layer of its class`).toBeDefined();
        expect(twin!.props.extensions).toEqual(layer.props.extensions);
        expect(twin!.props.extensions[0]).toBe(layer.props.extensions[0]);
      }
    }
  });

  it('are never drawn nor picked', () => {
    for (const layer of warmUpLayers()) expect(layer.props).toMatchObject({ visible: false, pickable: false });
  });
});
