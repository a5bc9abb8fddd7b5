import { describe, expect, it, vi } from 'vitest';
import { dataError } from '../data/errors';
import { err, ok } from '../data/result';
import type { DataSource } from '../data/source';
import { refreshCollection } from './refreshCollection';
import { encodeTable } from '../data/columnar/encodeTable';

const feature = { type: 'Feature' as const, id: 'x', geometry: { type: 'Point' as const, coordinates: [117, 36] }, properties: {} };
const one = encodeTable('lamp-faults', [feature]);
const none = encodeTable('lamp-faults', []);
const issue = { collection: 'lamp-faults', index: 0, featureId: 'LF-1', field: 'properties.status', message: 'Invalid option' };

function sourceAnswering(answer: Awaited<ReturnType<DataSource['getCollection']>>): DataSource {
  return { kind: 'ogc-api', listCollections: async () => ok([]), getCollection: (async () => answer) as DataSource['getCollection'] };
}

describe('refreshCollection', () => {
  const signal = new AbortController().signal;

  it('hands over a good answer', async () => {
    const apply = vi.fn();
    expect(await refreshCollection(sourceAnswering(ok({ table: one, rejected: [] })), 'lamp-faults', { count: 5 }, apply, signal)).toBeNull();
    expect(apply).toHaveBeenCalledWith({ table: one, rejected: [] });
  });

  it('keeps the data on an error, and says it', async () => {
    const apply = vi.fn();
    const problem = await refreshCollection(sourceAnswering(err(dataError('http', 'lamp-faults', 'lamp-faults: the server answered 500', 500))), 'lamp-faults', { count: 5 }, apply, signal);
    expect(problem).toContain('500');
    expect(apply).not.toHaveBeenCalled();
  });

  it('refuses an empty answer where there was data, but accepts one where there was none', async () => {
    const apply = vi.fn();
    const empty = sourceAnswering(ok({ table: none, rejected: [] }));
    expect(await refreshCollection(empty, 'lamp-faults', { count: 5 }, apply, signal)).toContain('no features');
    expect(apply).not.toHaveBeenCalled();
    expect(await refreshCollection(empty, 'lamp-faults', { count: 0 }, apply, signal)).toBeNull();
  });

  it('hands over nothing when the fingerprint says nothing changed', async () => {
    const apply = vi.fn();
    const same = sourceAnswering(ok({ table: one, rejected: [], fingerprint: '42:abc' }));
    expect(await refreshCollection(same, 'lamp-faults', { count: 1, fingerprint: '42:abc' }, apply, signal)).toBeNull();
    expect(apply).not.toHaveBeenCalled();
    expect(await refreshCollection(same, 'lamp-faults', { count: 1, fingerprint: '42:abd' }, apply, signal)).toBeNull();
    expect(apply).toHaveBeenCalledOnce();
  });

  it('asks a source that can tell what changed since the shown version, and reads nothing whole', async () => {
    const getCollection = vi.fn();
    const getChanges = vi.fn().mockResolvedValueOnce(ok(null)).mockResolvedValueOnce(ok({ table: one, rejected: [], version: 'v2' }));
    const source: DataSource = { kind: 'static', listCollections: async () => ok([]), getCollection, getChanges };
    const held = { table: none, rejected: [], version: 'v1' };
    const apply = vi.fn();
    expect(await refreshCollection(source, 'lamp-faults', { count: 0, held }, apply, signal)).toBeNull();
    expect(apply).not.toHaveBeenCalled();
    expect(await refreshCollection(source, 'lamp-faults', { count: 0, held }, apply, signal)).toBeNull();
    expect(apply).toHaveBeenCalledWith({ table: one, rejected: [], version: 'v2' });
    expect(getChanges).toHaveBeenCalledWith('lamp-faults', held, { signal });
    expect(getCollection).not.toHaveBeenCalled();
    // Held without a version (read before the source marked its data): read whole.
    getCollection.mockResolvedValueOnce(ok({ table: one, rejected: [] }));
    expect(await refreshCollection(source, 'lamp-faults', { count: 0, held: { ...held, version: undefined } }, apply, signal)).toBeNull();
    expect(getCollection).toHaveBeenCalledOnce();
  });

  it('refuses an answer whose features mostly fail the schema', async () => {
    const apply = vi.fn();
    const problem = await refreshCollection(sourceAnswering(ok({ table: none, rejected: [issue, issue] })), 'lamp-faults', { count: 5 }, apply, signal);
    expect(problem).toContain('2 of 2 features do not match the schema');
    expect(problem).toContain('properties.status');
    expect(apply).not.toHaveBeenCalled();
  });
});
