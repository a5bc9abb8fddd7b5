import { describe, expect, it } from 'vitest';
import type { CollectionId } from '../layers/registry';
import type { CollectionState } from '../state/store';
import { loadCollections } from './loadCollections';
import { ok } from './result';
import type { DataSource } from './source';

const fakeSource = (behaviour: (id: CollectionId) => Promise<unknown>): DataSource => ({
  kind: 'static',
  listCollections: async () => ok([]),
  getCollection: ((id: CollectionId) => behaviour(id)) as DataSource['getCollection'],
});

describe('loadCollections', () => {
  it('loads the base map before the large layers and reports each state', async () => {
    const order: string[] = [];
    const states: [CollectionId, CollectionState['status']][] = [];
    await loadCollections(
      fakeSource(async (id) => {
        order.push(id);
        return ok({ features: [], rejected: [] });
      }),
      (id, s) => states.push([id, s.status]),
      undefined,
      ['lamps', 'district', 'towns'],
    );
    expect(order.slice(0, 2).sort()).toEqual(['district', 'towns']);
    expect(states.filter(([, s]) => s === 'loaded').map(([id]) => id).sort()).toEqual(['district', 'lamps', 'towns']);
  });

  it('turns a thrown error into that collection\'s error and still loads the others', async () => {
    const final = new Map<CollectionId, CollectionState>();
    await loadCollections(
      fakeSource(async (id) => {
        if (id === 'lamps') throw new Error('worker crashed');
        return ok({ features: [], rejected: [] });
      }),
      (id, s) => final.set(id, s),
      undefined,
      ['lamps', 'manholes'],
    );
    expect(final.get('lamps')).toEqual({ status: 'error', error: { kind: 'internal', collection: 'lamps', message: 'lamps: worker crashed' } });
    expect(final.get('manholes')?.status).toBe('loaded');
  });
});
