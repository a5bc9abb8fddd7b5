import { describe, expect, it } from 'vitest';
import { featureBatches, JsonStreamError, lineBatches } from './jsonBatches';
import { textPieces as pieces } from '../../../test/support/textPieces';

async function readAll(text: string, cuts: number[] = []) {
  const members = new Map<string, unknown>();
  const features: unknown[] = [];
  for await (const batch of featureBatches(pieces(text, cuts), members)) features.push(...batch);
  return { features, members };
}

async function failure(text: string, cuts: number[] = []) {
  try {
    await readAll(text, cuts);
  } catch (e) {
    if (e instanceof JsonStreamError) return e.failure;
    throw e;
  }
  return null;
}

const tricky = {
  type: 'FeatureCollection',
  name: 'poles {with] braces',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } },
  features: [
    { type: 'Feature', id: 1, geometry: { type: 'Point', coordinates: [117.5, 36.7] }, properties: { road: '经十东路 "东段" {A]', note: 'back\\slash \\"quoted\\" \u2028 line' } },
    { type: 'Feature', geometry: null, properties: null },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[117, 36], [117.1, 36], [117.1, 36.1], [117, 36]]] }, properties: { list: [1, [2, [3]]], empty: {}, t: true, n: null } },
  ],
  bbox: [117, 36, 117.5, 36.7],
};

describe('the GeoJSON feature splitter', () => {
  const text = JSON.stringify(tricky, null, 1);

  it('gives the same features and members however the text is cut (every cut position)', async () => {
    for (let cut = 0; cut <= text.length; cut++) {
      const { features, members } = await readAll(text, [cut]);
      expect(features, `cut at ${cut}`).toEqual(tricky.features);
      expect(members.get('crs'), `cut at ${cut}`).toEqual(tricky.crs);
      expect(members.get('bbox')).toEqual(tricky.bbox);
      expect(members.get('name')).toBe(tricky.name);
    }
  });

  it('reads a text cut into single characters', async () => {
    const { features } = await readAll(text, [...Array(text.length).keys()].slice(1));
    expect(features).toEqual(tricky.features);
  });

  it('reads a bare array of features, and an empty list', async () => {
    expect((await readAll(JSON.stringify(tricky.features), [7])).features).toEqual(tricky.features);
    expect((await readAll('{"type":"FeatureCollection","features":[]}')).features).toEqual([]);
  });

  it('takes the features member wherever it stands among the others', async () => {
    const { features, members } = await readAll(`{"features":[{"type":"Feature","geometry":null,"properties":{}}],"crs":{"type":"name","properties":{"name":"EPSG:3857"}},"type":"FeatureCollection"}`, [20]);
    expect(features).toHaveLength(1);
    expect(members.get('type')).toBe('FeatureCollection');
  });

  it('hands a document that is not a list of features back to be read whole', async () => {
    expect(await failure('{"type":"Feature","geometry":null,"properties":{}}')).toEqual({ kind: 'notFeatureList' });
    expect(await failure('{"type":"Point","coordinates":[1,2]}')).toEqual({ kind: 'notFeatureList' });
    expect(await failure('42')).toEqual({ kind: 'notFeatureList' });
  });

  it.each([
    ['cut short inside a feature', '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null', /ends before the JSON does/],
    ['a trailing comma', '{"type":"FeatureCollection","features":[{"type":"Feature"},]}', /unexpected \]/],
    ['text after the end', '{"type":"FeatureCollection","features":[]} x', /after the end/],
    ['a damaged feature, named by its place', '{"type":"FeatureCollection","features":[{"type":"Feature"},{"type":"Feature",,}]}', /^feature 2: /],
    ['a missing colon after the features', '{"features":[],"type" "FeatureCollection"}', /expected :/],
  ])('refuses %s as not JSON, saying where', async (_, bad, detail) => {
    const found = await failure(bad, [15]);
    expect(found?.kind).toBe('notJson');
    expect(found?.kind === 'notJson' && found.detail).toMatch(detail);
  });
});

describe('GeoJSONSeq lines', () => {
  it('reads record separators and newlines across cuts, naming a bad line', async () => {
    const seq = `\u001e{"type":"Feature","id":1}\n\u001e{"type":"Feature","id":2}\n`;
    for (let cut = 0; cut <= seq.length; cut++) {
      const out: unknown[] = [];
      for await (const b of lineBatches(pieces(seq, [cut]))) out.push(...b);
      expect(out).toEqual([{ type: 'Feature', id: 1 }, { type: 'Feature', id: 2 }]);
    }
    await expect(async () => {
      for await (const b of lineBatches(pieces('{"type":"Feature"}\n{oops\n', [5]))) void b;
    }).rejects.toMatchObject({ failure: { kind: 'notJson', detail: expect.stringMatching(/^line 2: /) as unknown } });
  });
});
