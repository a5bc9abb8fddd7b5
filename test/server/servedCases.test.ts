import { VectorTile } from '@mapbox/vector-tile';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { encodeTable, type EncodableFeature } from '../../src/data/columnar/encodeTable';
import { readCaseCounts } from '../../src/data/servedCases';
import { SERVED_CASE_LAYERS } from '../../src/data/servedLayers';
import type { FilterField } from '../../src/layers/common/definition';
import { DOMAIN_LAYERS } from '../../src/layers/registry';
import { countTableOf } from '../../src/map/columns/countTable';
import { layerFilterMasks } from '../../src/map/columns/filterMasks';
import { buildLayerColumns } from '../../src/map/columns/layerColumns';
import { visibleByTown, visibleCounts } from '../../src/map/columns/visibleCounts';
import { caseFilter, TILED_CASE_LAYERS } from '../../src/map/servedCaseTiles';
import { noFilters, toggleClass, type Filters } from '../../src/state/filters';
import { DEFAULT_WALL_CONFIG } from '../../src/wall/wallConfig';
import { alertWindows, groupAlertCases } from '../../src/wall/alerts';
import { readCaseAlerts } from '../../src/wall/servedAlertCases';
import { mapServerTileUrl, tileBox, tileOf } from '../support/tiles';
import { ogcApi, readData, serverUrl } from './support';

/**
 * With source=server the page holds no patch and no railway issue: their legends and town totals
 * count the server's case-counts for the range shown, the map draws them from tiles, and the
 * wall's case alerts are grouped by the server. Each equals what the page computes from the file.
 */
const towns = readData('towns').features.map((t) => String(t.properties!.code)).sort();
const cst = (day: string) => Date.parse(`${day}T00:00:00+08:00`);
/** A polygon's (or multipolygon's) first vertex, as the page anchors a patch. */
function firstPosition(c: unknown[]): [number, number] {
  let at = c;
  while (Array.isArray(at[0])) at = at[0] as unknown[];
  return at as [number, number];
}

const RANGES = [
  { from: cst('2021-01-01'), to: cst('2026-11-01') },
  { from: cst('2024-01-01'), to: cst('2025-01-01') },
  { from: cst('2025-07-01'), to: cst('2025-08-01') },
];

describe('the case layers the server keeps: counts for the range shown, tiles, wall alerts', () => {
  it.each(SERVED_CASE_LAYERS)('%s: case-counts of all time and of a year or a month count what the page counts from the features, under every kind of filter', async (layer) => {
    const collection = DOMAIN_LAYERS[layer].features;
    const columns = buildLayerColumns(layer, encodeTable(collection, readData(collection).features as EncodableFeature[]), towns);
    const all = await readCaseCounts(ogcApi(), undefined);
    if (!all.ok) throw new Error(all.error.message);
    expect(countTableOf(layer, all.value[layer], towns).totals).toEqual(columns.totals);
    const [first, second] = DOMAIN_LAYERS[layer].filters as readonly [FilterField, FilterField];
    const base = noFilters();
    const seen = new Set<number>();
    for (const time of RANGES) {
      const inRange = await readCaseCounts(ogcApi(), time);
      if (!inRange.ok) throw new Error(inRange.error.message);
      const table = countTableOf(layer, inRange.value[layer], towns);
      const filters: Filters[] = [
        { ...base, time },
        { ...base, time, town: towns[4] },
        { ...base, time, classes: { ...base.classes, [layer]: toggleClass(layer, {}, first.field, first.classes.values[0]) } },
        { ...base, time, town: towns[1], classes: { ...base.classes, [layer]: toggleClass(layer, {}, second.field, second.classes.values[1]) } },
      ];
      for (const f of filters) {
        const want = visibleCounts(columns, layerFilterMasks(layer, f, towns));
        const got = visibleCounts(table, layerFilterMasks(layer, f, towns));
        expect(got.byCategory, JSON.stringify([time, f.town, f.classes[layer]])).toEqual(want.byCategory);
        expect(got.visible).toBe(want.visible);
        // The map's town circles: per town, the same.
        expect([...visibleByTown(table, got)]).toEqual([...visibleByTown(columns, want)]);
        seen.add(got.visible);
      }
    }
    // The ranges and filters narrow differently: equal counts of nothing could not pass this.
    expect(seen.size).toBeGreaterThan(6);
  });

  it('the wall’s case alerts grouped by the server are the page’s groups of the same cases, for several moments', async () => {
    const patches = readData('patches').features;
    const issues = readData('railway-issues').features;
    const cases = {
      pendingPatches: patches
        .filter((p) => p.properties!.status === 'pending')
        .map((p) => ({ townCode: String(p.properties!.townCode), detectedAt: Date.parse(String(p.properties!.detectedAt)), position: firstPosition((p.geometry as { coordinates: unknown[] }).coordinates) })),
      openRailwayIssues: issues
        .filter((i) => i.properties!.closedAt == null)
        .map((i) => ({ townCode: String(i.properties!.townCode), reportedAt: Date.parse(String(i.properties!.reportedAt)), position: (i.geometry as { coordinates: number[] }).coordinates as [number, number] })),
    };
    // Wider than the defaults, so that the moments near the data's end raise some of each kind.
    const thresholds = { ...DEFAULT_WALL_CONFIG.alerts, newPatchDays: 30, railwayOpenDays: 5 };
    let alerts = 0;
    for (const now of [cst('2026-11-01'), cst('2026-10-25'), cst('2025-06-15')]) {
      const want = groupAlertCases(cases, now, thresholds);
      const got = await readCaseAlerts(ogcApi(), alertWindows(now, thresholds));
      if (!got.ok) throw new Error(got.error.message);
      const sorted = (g: typeof want.newPatches) => [...g].sort((a, b) => a.town.localeCompare(b.town)).map((x) => ({ ...x, position: x.position.map((v) => Math.round(v * 1e6) / 1e6) }));
      expect(sorted(got.value.newPatches), String(now)).toEqual(sorted(want.newPatches));
      expect(sorted(got.value.oldRailwayIssues), String(now)).toEqual(sorted(want.oldRailwayIssues));
      alerts += want.newPatches.length + want.oldRailwayIssues.length;
    }
    expect(alerts).toBeGreaterThan(5);
  });

  it('from the cases’ zoom, a tile holds each patch and railway issue inside it with its classes and its time; the map’s filter keeps what the legends count', async () => {
    const z = 14;
    const base = serverUrl().replace(/\/citygis$/, '');
    const [cx, cy] = tileOf(117.53, 36.72, z);
    // A year, a town and a class switched off, as a user would set them.
    const filters: Record<'patches' | 'railway', Filters> = {
      patches: { ...noFilters(), time: RANGES[1], classes: { ...noFilters().classes, patches: toggleClass('patches', {}, 'status', 'demolished') } },
      railway: { ...noFilters(), time: RANGES[0], town: '370114001', classes: { ...noFilters().classes, railway: toggleClass('railway', {}, 'category', 'film') } },
    };
    const seen = { patches: 0, railway: 0, kept: 0, dropped: 0 };
    for (const [x, y] of [[cx, cy], [cx + 1, cy], [cx, cy + 1], [cx - 1, cy - 1], [cx + 1, cy + 1]]) {
      const res = await fetch(mapServerTileUrl(base, x, y, z, 'patches-tiles+railway-tiles'));
      expect(res.status).toBe(200);
      const tile = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer())));
      const [w, s, e, n] = tileBox(x, y, z);
      for (const [layer, collection] of [['patches', 'patches'], ['railway', 'railway-issues']] as const) {
        const source = tile.layers[TILED_CASE_LAYERS[layer].features];
        const features = source ? Array.from({ length: source.length }, (_, i) => source.feature(i)) : [];
        const inTile = new Map(features.map((f) => [String(f.properties.id), f]));
        const file = readData(collection).features;
        const { mask } = visibleCounts(buildLayerColumns(layer, encodeTable(collection, file as EncodableFeature[]), towns), layerFilterMasks(layer, filters[layer], towns));
        const keeps = featureFilter(caseFilter(layer, filters[layer].classes[layer], filters[layer].town, filters[layer].time), 'filter').filter;
        const timeField = layer === 'patches' ? 'detectedAt' : 'reportedAt';
        file.forEach((f, i) => {
          const [lon, lat] = firstPosition((f.geometry as { coordinates: unknown[] }).coordinates);
          if (!(lon > w && lon < e && lat > s && lat < n)) return;
          const got = inTile.get(String(f.id));
          expect(got, String(f.id)).toBeDefined();
          expect(got!.properties.t).toBe(Date.parse(String(f.properties![timeField])));
          expect(got!.properties.status).toBe(f.properties!.status);
          // MapLibre's own evaluation of the filter the map sets: the feature is drawn exactly when the legends count it.
          const drawn = keeps({ zoom: z }, { type: got!.type, properties: got!.properties } as never);
          expect(drawn, String(f.id)).toBe(mask[i] === 1);
          seen[layer]++;
          seen[drawn ? 'kept' : 'dropped']++;
        });
      }
    }
    expect(seen.patches).toBeGreaterThan(2);
    expect(seen.railway).toBeGreaterThan(0);
    expect(seen.kept).toBeGreaterThan(0);
    expect(seen.dropped).toBeGreaterThan(0);
  });

  it('a time that is not a time never reaches MapServer: the gate refuses case-counts and case-alerts and says why', async () => {
    for (const url of [`${ogcApi()}/collections/case-counts/items?f=json&from=2025-01-01'--`, `${ogcApi()}/collections/case-alerts/items?f=json&until=yesterday`]) {
      const res = await fetch(url);
      expect(res.status, url).toBe(400);
      expect(((await res.json()) as { description: string }).description).toMatch(/^(from|until): /);
    }
  });
});
