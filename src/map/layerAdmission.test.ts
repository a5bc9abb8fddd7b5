import type { Layer } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { admitLayers } from './layerAdmission';

const layer = (id: string) => ({ id }) as unknown as Layer;
const ids = (layers: Layer[]) => layers.map((l) => l.id);

describe('admitLayers', () => {
  it('keeps every layer already drawn and admits one new layer, in the built order', () => {
    const built = ['patches', 'manholes', 'lamps', 'town-labels'].map(layer);
    const first = admitLayers(built, new Set());
    expect(ids(first.layers)).toEqual(['patches']);
    expect(first.waiting).toBe(3);
    const second = admitLayers(built, new Set(ids(first.layers)));
    expect(ids(second.layers)).toEqual(['patches', 'manholes']);
    expect(second.waiting).toBe(2);
  });

  it('waits for nothing once every layer is drawn, and drops layers no longer built', () => {
    const result = admitLayers(['lamps', 'manholes'].map(layer), new Set(['lamps', 'manholes', 'hot-cells']));
    expect(ids(result.layers)).toEqual(['lamps', 'manholes']);
    expect(result.waiting).toBe(0);
  });

  it('admits a layer that comes back as new again', () => {
    const result = admitLayers(['lamps', 'hot-cells', 'warnings'].map(layer), new Set(['lamps']));
    expect(ids(result.layers)).toEqual(['lamps', 'hot-cells']);
    expect(result.waiting).toBe(1);
  });

  it('keeps a held layer waiting, admits the next one not held, and the held one once it is let go', () => {
    const built = ['town-labels', 'patches', 'lamps'].map(layer);
    const heldData = (l: Layer) => l.id !== 'town-labels';
    const first = admitLayers(built, new Set(), heldData);
    expect(ids(first.layers)).toEqual(['town-labels']);
    const second = admitLayers(built, new Set(ids(first.layers)), heldData);
    expect(ids(second.layers)).toEqual(['town-labels']);
    expect(second.waiting).toBe(2);
    const released = admitLayers(built, new Set(ids(second.layers)), () => false);
    expect(ids(released.layers)).toEqual(['town-labels', 'patches']);
    expect(released.waiting).toBe(1);
  });

  it('admits a layer that goes first before the others waiting, and keeps the built order for drawing', () => {
    const built = ['patches', 'lamps', 'town-labels'].map(layer);
    const labelsFirst = (l: Layer) => l.id === 'town-labels';
    const first = admitLayers(built, new Set(['patches']), () => false, labelsFirst);
    expect(ids(first.layers)).toEqual(['patches', 'town-labels']);
    expect(first.waiting).toBe(1);
    const second = admitLayers(built, new Set(ids(first.layers)), () => false, labelsFirst);
    expect(ids(second.layers)).toEqual(['patches', 'lamps', 'town-labels']);
  });
});
