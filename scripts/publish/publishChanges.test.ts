import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { featuresOf } from '../../src/data/columnar/readTable';
import { createStaticSource } from '../../src/data/staticSource';
import { decodeInThread } from '../../src/data/decodeInThread';
import { publishCaseChanges, type CaseFeature } from '../../test/support/caseChanges';
import { main } from './publishChanges';

const ID = 'railway-issues';
const bundled = () => (JSON.parse(readFileSync(`public/data/${ID}.geojson`, 'utf8')) as { features: CaseFeature[] }).features;

/** A data folder holding the manifest and the railway issues' files, as a bureau's static host would. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'publish-'));
  for (const file of ['manifest.json', `${ID}.geojson`, `${ID}.arrow`]) copyFileSync(`public/data/${file}`, join(dir, file));
  return dir;
}
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { collections: { id: string; changes?: { file: string; count: number }[]; arrowSha256: string }[] };
const entryOf = (dir: string) => manifestOf(dir).collections.find((c) => c.id === ID)!;
const quietly = (argv: string[]) => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    return { code: main(argv), out: log.mock.calls.join('\n'), err: error.mock.calls.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
};

/** The static source over a folder on disk (what the page does over HTTP). */
const sourceOver = (dir: string) => {
  const readFile = async (url: string) => new Response(readFileSync(join(dir, new URL(url).pathname.split('/').pop()!)));
  vi.stubGlobal('fetch', readFile);
  return createStaticSource({ baseUrl: 'http://folder.test/data', decoder: decodeInThread });
};

describe('npm run publish-changes', () => {
  it('lists each publication in the manifest, and --compact writes them into the files the page then reads as the same collection', async () => {
    const dir = folder();
    const current = bundled();
    for (const round of [1, 2]) {
      const file = join(dir, `today-${round}.geojson`);
      writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: publishCaseChanges(ID, current, round, 3, 2) }));
      expect(quietly(['--data', dir, '--collection', ID, '--file', file]).code).toBe(0);
    }
    expect(entryOf(dir).changes?.map((c) => c.file)).toEqual([`${ID}.changes-0001.geojson`, `${ID}.changes-0002.geojson`]);
    const published = await sourceOver(dir).getCollection(ID);
    const expected = current.map((f) => ({ type: 'Feature', ...f }));
    expect(published.ok && featuresOf(published.value.table)).toEqual(JSON.parse(JSON.stringify(expected)));

    expect(quietly(['--data', dir, '--compact']).code).toBe(0);
    expect(entryOf(dir).changes).toBeUndefined();
    expect(readdirSync(dir).filter((f) => f.includes('.changes-'))).toEqual([]);
    expect(entryOf(dir).arrowSha256).toBe(createHash('sha256').update(readFileSync(join(dir, `${ID}.arrow`))).digest('hex'));
    const compacted = await sourceOver(dir).getCollection(ID);
    expect(compacted.ok && featuresOf(compacted.value.table)).toEqual(published.ok && featuresOf(published.value.table));
    vi.unstubAllGlobals();
  });

  it('refuses a file with a feature the page would refuse, naming it, and writes nothing', () => {
    const dir = folder();
    const before = readFileSync(join(dir, 'manifest.json'), 'utf8');
    const [bad] = bundled();
    (bad.properties as { status: string }).status = 'teleported';
    const file = join(dir, 'bad.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [bad] }));
    const run = quietly(['--data', dir, '--collection', ID, '--file', file]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`--file ${file}: 1 of 1 features refused`);
    expect(run.err).toContain('properties.status');
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('.changes-'))).toEqual([]);
  });

  it('says what is missing: an unknown collection, no file, a folder without a manifest', () => {
    const dir = folder();
    expect(quietly(['--data', dir, '--collection', 'ufos', '--file', 'x.geojson']).err).toContain('--collection ufos');
    expect(quietly(['--data', dir, '--collection', ID]).err).toContain('--file');
    expect(quietly(['--data', join(dir, 'nowhere'), '--compact'])).toMatchObject({ code: 2, err: expect.stringContaining('no such file') as string });
  });
});
