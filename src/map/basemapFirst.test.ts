import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as maplibregl from 'maplibre-gl';
import type { FeatureTable } from '../data/columnar/featureTable';
import type { AppState, CollectionState } from '../state/store';
import { BASEMAP_SOURCES } from './basemapStyle';
import { basemapGate, basemapSettled } from './basemapFirst';

type Collections = AppState['collections'];
const loaded = (length: number): CollectionState => ({ status: 'loaded', table: { length } as FeatureTable, rejected: [], loadedAt: 0 });
const all = (state: CollectionState): Collections => Object.fromEntries(BASEMAP_SOURCES.map((id) => [id, state])) as Collections;

/** Enough of a MapLibre map for the gate: its render event and which sources have loaded. */
function fakeMap(loadedSources: Set<string>) {
  const listeners = new Set<() => void>();
  const map = {
    on: (_: 'render', fn: () => void) => listeners.add(fn),
    off: (_: 'render', fn: () => void) => listeners.delete(fn),
    getSource: (id: string) => (BASEMAP_SOURCES.includes(id as never) ? {} : undefined),
    isSourceLoaded: (id: string) => loadedSources.has(id),
  };
  return { map: map as unknown as maplibregl.Map, render: () => [...listeners].forEach((fn) => fn()), listeners };
}

describe('basemapSettled', () => {
  it('waits while a basemap collection is loading, and for a loaded one until its source has loaded', () => {
    expect(basemapSettled(all({ status: 'loading', progress: null }), () => true)).toBe(false);
    expect(basemapSettled(all(loaded(18)), () => false)).toBe(false);
    expect(basemapSettled(all(loaded(18)), (id) => id !== 'roads')).toBe(false);
    expect(basemapSettled(all(loaded(18)), () => true)).toBe(true);
  });

  it('does not wait for a collection that failed or holds nothing: nothing of it will be drawn', () => {
    const failed = { status: 'error', error: { kind: 'network', collection: 'roads', message: 'down' } } as unknown as Collections['roads'];
    expect(basemapSettled({ ...all(loaded(18)), roads: failed }, (id) => id !== 'roads')).toBe(true);
    expect(basemapSettled({ ...all(loaded(18)), roads: loaded(0) }, (id) => id !== 'roads')).toBe(true);
    expect(basemapSettled({ ...all(loaded(18)), roads: undefined } as Collections, () => true)).toBe(false);
  });
});

describe('basemapGate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens at the first frame drawn with every basemap source loaded, once', () => {
    const sources = new Set<string>();
    const { map, render, listeners } = fakeMap(sources);
    const onOpen = vi.fn();
    const gate = basemapGate(map, () => all(loaded(5)), onOpen, 8000);
    render();
    expect(gate.isOpen()).toBe(false);
    BASEMAP_SOURCES.forEach((id) => sources.add(id));
    render();
    render();
    expect(gate.isOpen()).toBe(true);
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('opens after its patience when the basemap never draws', () => {
    const { map, render } = fakeMap(new Set());
    const onOpen = vi.fn();
    const gate = basemapGate(map, () => all({ status: 'loading', progress: null }), onOpen, 8000);
    vi.advanceTimersByTime(7999);
    render();
    expect(gate.isOpen()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(gate.isOpen()).toBe(true);
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('stops listening and waiting when disposed', () => {
    const { map, listeners } = fakeMap(new Set());
    const onOpen = vi.fn();
    basemapGate(map, () => all(loaded(5)), onOpen, 8000).dispose();
    expect(listeners.size).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(onOpen).not.toHaveBeenCalled();
  });
});
