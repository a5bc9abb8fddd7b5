import { describe, expect, it } from 'vitest';
import { refreshWhenChanged } from './collectionVersions';
import { dataError } from './errors';
import { err, ok } from './result';

const versions = (entries: Record<string, string>) => () => Promise.resolve(ok(new Map(Object.entries(entries))));

describe('refreshing a held collection from a server that marks changes', () => {
  it('does not read a collection again while its marker has not moved', async () => {
    const reads: (string | undefined)[] = [];
    const result = await refreshWhenChanged('patches', '17.2382', versions({ patches: '17.2382', towns: '9.18' }), async (v) => (reads.push(v), null));
    expect(result).toBeNull();
    expect(reads).toEqual([]);
  });

  it('reads it again, with the new marker, when the marker moved or was never known', async () => {
    const reads: (string | undefined)[] = [];
    const reread = async (v: string | undefined) => (reads.push(v), null);
    await refreshWhenChanged('patches', '17.2382', versions({ patches: '17.2383' }), reread);
    await refreshWhenChanged('patches', undefined, versions({ patches: '17.2383' }), reread);
    await refreshWhenChanged('railway-issues', '5.515', versions({ patches: '17.2383' }), reread);
    expect(reads).toEqual(['17.2383', '17.2383', undefined]);
  });

  it('fails, reading nothing, when the markers cannot be read (the server is down)', async () => {
    let read = false;
    const down = () => Promise.resolve(err(dataError('network', 'collection-versions', 'collection-versions: connection refused')));
    expect(await refreshWhenChanged('patches', '17.2382', down, async () => ((read = true), null))).toContain('connection refused');
    expect(read).toBe(false);
  });
});
