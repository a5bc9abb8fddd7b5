import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CollectionState } from '../state/store';
import { refreshServedCases } from './servedAssets';
import { caseCountsUrl, parseCaseCounts, sameRange } from './servedCases';

const row = (properties: Record<string, unknown>) => ({ type: 'Feature', geometry: null, properties });
const page = (features: unknown[]) => new Response(JSON.stringify({ features }), { status: 200 });
const RANGE = { from: Date.parse('2025-01-01T00:00:00+08:00'), to: Date.parse('2025-02-01T00:00:00+08:00') };

describe('case counts from the server', () => {
  it('reads a patch row with its three filter values and a railway row with two (MapServer writes the empty third as null)', () => {
    const parsed = parseCaseCounts({
      features: [
        row({ id: 'a', layer: 'patches', town: '370114001', k1: 'pending', k2: 'cultivated', k3: 'newBuilding', cases: 4 }),
        row({ id: 'b', layer: 'railway', town: '370114002', k1: 'garbage', k2: 'closed', k3: null, cases: 7 }),
      ],
    });
    expect(parsed).toEqual({
      ok: true,
      value: {
        patches: [{ layer: 'patches', town: '370114001', values: ['pending', 'cultivated', 'newBuilding'], count: 4 }],
        railway: [{ layer: 'railway', town: '370114002', values: ['garbage', 'closed'], count: 7 }],
      },
    });
  });

  it('refuses an asset layer, a negative or fractional count, and a page that is not one', () => {
    for (const bad of [
      { layer: 'streetLamps', town: 't', k1: 'a', k2: 'b', k3: null, cases: 1 },
      { layer: 'patches', town: 't', k1: 'a', k2: 'b', k3: 'c', cases: -1 },
      { layer: 'railway', town: 't', k1: 'a', k2: 'b', k3: null, cases: 0.5 },
    ]) {
      expect(parseCaseCounts({ features: [row(bad)] }).ok, JSON.stringify(bad)).toBe(false);
    }
    expect(parseCaseCounts({ type: 'FeatureCollection' }).ok).toBe(false);
  });

  it('asks for a range in UTC ISO times, and for all time without parameters', () => {
    const ranged = new URL(caseCountsUrl('/ogcapi', RANGE), 'http://localhost');
    expect(ranged.pathname).toBe('/ogcapi/collections/case-counts/items');
    expect(ranged.searchParams.get('from')).toBe('2024-12-31T16:00:00.000Z');
    expect(ranged.searchParams.get('to')).toBe('2025-01-31T16:00:00.000Z');
    const all = new URL(caseCountsUrl('/ogcapi'), 'http://localhost');
    expect(all.searchParams.has('from')).toBe(false);
    expect(sameRange(undefined, RANGE)).toBe(false);
    expect(sameRange({ ...RANGE }, RANGE)).toBe(true);
    expect(sameRange({ ...RANGE, to: RANGE.to + 1 }, RANGE)).toBe(false);
  });
});

describe('a live refresh of a served case layer', () => {
  afterEach(() => vi.unstubAllGlobals());
  const allTime = [row({ id: 'a', layer: 'patches', town: '370114001', k1: 'pending', k2: 'cultivated', k3: 'newBuilding', cases: 9 })];
  const inRange = [row({ id: 'a', layer: 'patches', town: '370114001', k1: 'pending', k2: 'cultivated', k3: 'newBuilding', cases: 2 })];
  /** A server with a change marker for the patches, answering case-counts of all time and of a range. */
  const serve = (mark: string, asked: string[], total = allTime) =>
    vi.stubGlobal('fetch', (url: string) => {
      asked.push(url);
      if (url.includes('collection-versions')) return Promise.resolve(page([row({ id: 'patches', version: mark })]));
      return Promise.resolve(page(new URL(url, 'http://localhost').searchParams.has('from') ? inRange : total));
    });

  it('reads nothing while the marker has not moved; once it moves, both counts arrive in one state with the new marker', async () => {
    const asked: string[] = [];
    const states: [string, CollectionState][] = [];
    serve('5.10', asked);
    expect(await refreshServedCases('/ogcapi', 'patches', { cases: 9, version: '5.10' }, RANGE, (id, st) => states.push([id, st]))).toBeNull();
    expect(states).toEqual([]);
    expect(asked.filter((u) => !u.includes('collection-versions'))).toEqual([]);
    serve('5.11', asked);
    expect(await refreshServedCases('/ogcapi', 'patches', { cases: 9, version: '5.10' }, RANGE, (id, st) => states.push([id, st]))).toBeNull();
    expect(states).toHaveLength(1);
    expect(states[0][0]).toBe('patches');
    expect(states[0][1]).toMatchObject({ status: 'served', count: 9, version: '5.11', rangeCounts: { range: RANGE, rows: [expect.objectContaining({ count: 2 })] } });
  });

  it('keeps what is shown, and says why, when the server counts no cases where there were some, or fails', async () => {
    const states: unknown[] = [];
    serve('6.1', [], []);
    expect(await refreshServedCases('/ogcapi', 'patches', { cases: 9, version: '5.10' }, RANGE, (...a) => states.push(a))).toMatch(/no cases/);
    vi.stubGlobal('fetch', () => Promise.resolve(new Response('', { status: 503, statusText: 'Service Unavailable' })));
    expect(await refreshServedCases('/ogcapi', 'patches', { cases: 9 }, RANGE, (...a) => states.push(a))).toMatch(/503/);
    expect(states).toEqual([]);
  });
});
