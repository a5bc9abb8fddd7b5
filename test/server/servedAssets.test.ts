import { encodeTable, type EncodableFeature } from '../../src/data/columnar/encodeTable';
import { featuresOf } from '../../src/data/columnar/readTable';
import { describe, expect, it } from 'vitest';
import { MAPSERVER_READING } from '../../src/data/createSource';
import { createOgcApiSource } from '../../src/data/ogcApiSource';
import { assetCountsUrl, loadServedCounts, parseAssetCounts } from '../../src/data/servedAssets';
import { SERVED_ASSET_LAYERS, SERVED_COLLECTIONS, SERVED_LAYERS, servedReadParameters } from '../../src/data/servedLayers';
import { servedCasesOf, servedFeature, servedIdsStartingWith } from '../../src/data/servedLookups';
import type { FilterField } from '../../src/layers/common/definition';
import { DOMAIN_LAYERS } from '../../src/layers/registry';
import { countTableOf } from '../../src/map/columns/countTable';
import { layerFilterMasks } from '../../src/map/columns/filterMasks';
import { buildLayerColumns } from '../../src/map/columns/layerColumns';
import { visibleCounts } from '../../src/map/columns/visibleCounts';
import { noFilters, toggleClass } from '../../src/state/filters';
import type { CollectionState } from '../../src/state/store';
import { getJson, ogcApi, readData } from './support';

/**
 * With source=server the page never holds the poles, covers, patches or railway issues: the poles'
 * and covers' legends count the server's asset-counts, a feature opens by id, an export reads only
 * what the map keeps, and search asks for ids by prefix. Each equals the bundled file.
 */
const towns = readData('towns').features.map((t) => String(t.properties!.code)).sort();

describe('the layers the server keeps: counts, single features and search by id', () => {
  it.each(SERVED_ASSET_LAYERS)('%s: the legends count from asset-counts what they count from the features, under every kind of filter', async (layer) => {
    const parsed = parseAssetCounts(await getJson(assetCountsUrl(ogcApi())));
    if (!parsed.ok) throw new Error(parsed.error);
    const table = countTableOf(layer, parsed.value.filter((c) => c.layer === layer), towns);
    const columns = buildLayerColumns(layer, encodeTable(DOMAIN_LAYERS[layer].features, readData(DOMAIN_LAYERS[layer].features).features as EncodableFeature[]), towns);
    expect(table.totals).toEqual(columns.totals);
    // Every served layer has two filter attributes (its asset counts carry both).
    const [first, second] = DOMAIN_LAYERS[layer].filters as readonly [FilterField, FilterField];
    const base = noFilters();
    const filters = [
      base,
      { ...base, town: towns[3] },
      { ...base, classes: { ...base.classes, [layer]: toggleClass(layer, {}, first.field, first.classes.values[0]) } },
      { ...base, town: towns[0], classes: { ...base.classes, [layer]: toggleClass(layer, {}, second.field, second.classes.values[1]) } },
    ];
    for (const f of filters) {
      const want = visibleCounts(columns, layerFilterMasks(layer, f, towns));
      const got = visibleCounts(table, layerFilterMasks(layer, f, towns));
      expect(got.byCategory, JSON.stringify(f.classes[layer])).toEqual(want.byCategory);
      expect(got.visible).toBe(want.visible);
    }
    // Each filter narrows: counts that ignored one could not pass.
    expect(new Set(filters.map((f) => visibleCounts(table, layerFilterMasks(layer, f, towns)).visible)).size).toBe(filters.length);
  });

  it.each(SERVED_LAYERS)('%s: an export’s read (town, classes and a case layer’s range as parameters) brings exactly the features the map keeps', async (layer) => {
    const collection = DOMAIN_LAYERS[layer].features;
    const file = readData(collection).features;
    const columns = buildLayerColumns(layer, encodeTable(collection, file as EncodableFeature[]), towns);
    const [first, second] = DOMAIN_LAYERS[layer].filters as readonly [FilterField, FilterField];
    const base = noFilters();
    // One class of each attribute off (the second's first: turning off the railway's closed issues would leave none).
    const classFilter = toggleClass(layer, toggleClass(layer, {}, first.field, first.classes.values[1]), second.field, second.classes.values[0]);
    // Two years (timeless assets ignore it): a case layer's read must leave the other years out.
    const time = { from: Date.parse('2023-01-01T00:00:00+08:00'), to: Date.parse('2025-01-01T00:00:00+08:00') };
    // The town with most of the layer's features (the railway crosses a few towns only).
    const perTown = new Map<string, number>();
    for (const f of file) perTown.set(String(f.properties!.townCode), (perTown.get(String(f.properties!.townCode)) ?? 0) + 1);
    const town = [...perTown].sort((a, b) => b[1] - a[1])[0][0];
    const filters = { ...base, town, time, classes: { ...base.classes, [layer]: classFilter } };
    const { mask } = visibleCounts(columns, layerFilterMasks(layer, filters, towns));
    const want = file.filter((_, i) => mask[i] === 1).map((f) => String(f.id));
    const source = createOgcApiSource({ baseUrl: ogcApi(), ...MAPSERVER_READING });
    const read = await source.getCollection(collection, { parameters: servedReadParameters(layer, filters) });
    if (!read.ok) throw new Error(read.error.message);
    expect(want.length).toBeGreaterThan(0);
    expect(featuresOf(read.value.table).map((f) => String(f.id)).sort()).toEqual(want.sort());
    // A town that is not a code never reaches MapServer: the gate refuses the request.
    const injected = await source.getCollection(collection, { parameters: { town: "x' or '1'='1" } });
    expect(injected.ok).toBe(false);
  });

  it.each(SERVED_LAYERS)('%s: a feature read by id is the file’s; an id the server does not have is none', async (layer) => {
    const collection = DOMAIN_LAYERS[layer].features;
    const file = readData(collection).features;
    for (const f of [file[0], file[Math.floor(file.length / 2)], file.at(-1)!]) {
      const read = await servedFeature(ogcApi(), collection, String(f.id));
      if (!read.ok) throw new Error(read.error.message);
      expect(read.value?.properties).toEqual(f.properties);
      // Coordinates as MapServer writes them: 7 decimals (oga_geometry_precision).
      const got = (read.value!.geometry as { coordinates: unknown[] }).coordinates.flat(3) as number[];
      const want = (f.geometry as { coordinates: unknown[] }).coordinates.flat(3) as number[];
      expect(got.length).toBe(want.length);
      expect(Math.max(...got.map((v, i) => Math.abs(v - want[i])))).toBeLessThan(1e-7);
    }
    const missing = await servedFeature(ogcApi(), collection, 'NO-SUCH-ID');
    expect(missing).toEqual({ ok: true, value: null });
  });

  it('the page’s first read of what the server keeps: the assets’ counts and how many cases, each the file’s', async () => {
    const states = new Map<string, CollectionState>();
    expect(await loadServedCounts(ogcApi(), (id, state) => states.set(id, state))).toBe(true);
    for (const id of SERVED_COLLECTIONS) expect(states.get(id), id).toMatchObject({ status: 'served', count: readData(id).features.length });
  });

  it.each(SERVED_ASSET_LAYERS)('%s: the cases of an asset (asset=) are the file’s cases of that asset, and only those', async (layer) => {
    const { features, cases } = DOMAIN_LAYERS[layer];
    const all = readData(cases).features;
    const byAsset = new Map<string, string[]>();
    for (const c of all) byAsset.set(String(c.properties!.assetId), [...(byAsset.get(String(c.properties!.assetId)) ?? []), String(c.id)]);
    const busiest = [...byAsset].sort((a, b) => b[1].length - a[1].length)[0];
    const quiet = readData(features).features.map((f) => String(f.id)).find((id) => !byAsset.has(id))!;
    for (const [asset, want] of [busiest, [quiet, []] as [string, string[]]]) {
      const read = await servedCasesOf(ogcApi(), cases, asset, 1000);
      if (!read.ok) throw new Error(read.error.message);
      expect(read.value.map((c) => String(c.id)).sort(), asset).toEqual([...want].sort());
    }
    expect(busiest[1].length).toBeGreaterThan(1);
  });

  it.each(SERVED_COLLECTIONS)('%s: search by prefix gives the first ids that start with it, in order, and nothing else', async (collection) => {
    const ids = readData(collection).features.map((f) => String(f.id)).sort();
    const sample = ids[Math.floor(ids.length / 3)];
    for (const prefix of [sample, sample.slice(0, -1), sample.slice(0, -2), sample.slice(0, 3)]) {
      const found = await servedIdsStartingWith(ogcApi(), collection, prefix, 8);
      if (!found.ok) throw new Error(found.error.message);
      expect(found.value.map((f) => String(f.id)), prefix).toEqual(ids.filter((id) => id.startsWith(prefix)).slice(0, 8));
    }
    const none = await servedIdsStartingWith(ogcApi(), collection, 'ZZ-NONE', 8);
    expect(none.ok && none.value).toEqual([]);
  });

  it('a prefix outside the id alphabet never reaches MapServer: the gate refuses it and says why', async () => {
    const res = await fetch(`${ogcApi()}/collections/lamps/items?f=json&limit=1&bbox=-180,-90,180,90&prefix=${encodeURIComponent("LD-001-0001' or id like '%")}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { description: string }).description).toBe('prefix: letters, digits and _ . : + - only, at most 64');
  });
});
