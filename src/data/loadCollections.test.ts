import { describe, expect, it } from 'vitest';
import type { CollectionId } from '../layers/registry';
import type { CollectionState } from '../state/store';
import { loadCollections, MAX_PAGE_FEATURES } from './loadCollections';
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

  it('refuses up front, naming the server stack, the large layers of a dataset too big for a browser tab, and still draws the base map', async () => {
    const asked: CollectionId[] = [];
    const final = new Map<CollectionId, CollectionState>();
    const huge: DataSource = {
      kind: 'static',
      listCollections: async () => ok([{ id: 'lamp-faults', title: { zh: '', en: '' }, count: MAX_PAGE_FEATURES }, { id: 'lamps', title: { zh: '', en: '' }, count: 1_418_700 }]),
      getCollection: (async (id: CollectionId) => (asked.push(id), ok({ features: [], rejected: [] }))) as DataSource['getCollection'],
    };
    await loadCollections(huge, (id, s) => final.set(id, s), undefined, ['district', 'towns', 'lamps', 'lamp-faults']);
    expect(asked.sort()).toEqual(['district', 'towns']);
    const refused = final.get('lamps');
    expect(refused).toMatchObject({ status: 'error', error: { kind: 'tooLarge', total: MAX_PAGE_FEATURES + 1_418_700, limit: MAX_PAGE_FEATURES } });
    if (refused?.status === 'error') expect(refused.error.message).toContain('source=server');
    expect(final.get('district')?.status).toBe('loaded');
  });
});
