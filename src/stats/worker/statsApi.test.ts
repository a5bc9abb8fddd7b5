import * as turf from '@turf/turf';
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { PatchProperties } from '../../layers/patches/schema';
import { kpiValues } from '../kpis';
import { bucketEdges } from '../series/buckets';
import { createStatsApi } from './statsApi';

const read = <T>(f: string) => JSON.parse(readFileSync(`public/data/${f}`, 'utf8')) as T;
const towns = read<FeatureCollection<Polygon | MultiPolygon, { code: string; areaKm2: number }>>('towns.geojson').features;
const regions = towns.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
const poles = read<FeatureCollection<Point, { lampCount: number; townCode: string }>>('lamps.geojson').features;
const faults = read<FeatureCollection<Point, Record<string, unknown>>>('lamp-faults.geojson').features;
const YEAR_2021 = { from: Date.parse('2021-01-01T00:00:00+08:00'), to: Date.parse('2022-01-01T00:00:00+08:00') };

function loadedApi() {
  const api = createStatsApi();
  api.loadTowns(regions);
  api.loadLamps(poles, faults);
  api.loadManholes(read<FeatureCollection<Point, { kind: string }>>('manholes.geojson').features, read<FeatureCollection<Point>>('manhole-defects.geojson').features as Feature<Point, Record<string, unknown>>[]);
  api.loadPatches(read<FeatureCollection<Polygon, PatchProperties>>('patches.geojson').features);
  api.loadRailway(
    read<FeatureCollection<LineString>>('railways.geojson').features,
    read<FeatureCollection<Polygon>>('railway-corridor.geojson').features,
    read<FeatureCollection<Point>>('railway-issues.geojson').features as Feature<Point, Record<string, unknown>>[],
  );
  return api;
}

describe('the stats worker API', () => {
  it('refuses layers before towns, and answers null until towns are loaded', () => {
    const api = createStatsApi();
    expect(() => api.loadLamps(poles, faults)).toThrow('load the towns');
    expect(api.query(YEAR_2021)).toBeNull();
  });

  const api = loadedApi();

  it('answers every layer for a range, with town areas for densities', () => {
    const answer = api.query(YEAR_2021)!;
    expect(answer.codes).toHaveLength(18);
    expect(answer.areasKm2[0]).toBeNull();
    expect(answer.areasKm2.slice(1).reduce((a, b) => a! + b!, 0)).toBeCloseTo(towns.reduce((a, t) => a + t.properties.areaKm2, 0), 0);
    expect(answer.lamps!.district).toMatchObject({ poles: 14_187, lamps: 25_286 });
    expect(answer.lamps!.district.faultsReported).toBe(faults.filter((f) => String(f.properties.reportedAt).startsWith('2021')).length);
    expect(answer.manholes!.district.covers).toBe(47_236);
    expect(answer.patches!.district.demolishedInRange).toBe(169);
    expect(answer.railway!.district.reported).toBe(109);
  });

  it('narrows every layer to the chosen towns', () => {
    const mingshui = api.query({ ...YEAR_2021, towns: ['370114001'] })!;
    expect(mingshui.lamps!.district.poles).toBe(poles.filter((p) => p.properties.townCode === '370114001').length);
    expect(mingshui.lamps!.district.faultsReported).toBe(faults.filter((f) => f.properties.townCode === '370114001' && String(f.properties.reportedAt).startsWith('2021')).length);
    expect(mingshui.patches!.district.detected).toBeLessThan(api.query(YEAR_2021)!.patches!.district.detected);
  });

  it('applies a drawn area to the cases', () => {
    const drawn = turf.circle([117.54, 36.71], 3, { units: 'kilometers' }).geometry;
    const answer = api.query({ ...YEAR_2021, spatial: { polygon: drawn } })!;
    const inside = faults.filter((f) => String(f.properties.reportedAt).startsWith('2021') && turf.booleanPointInPolygon(f.geometry, drawn));
    expect(answer.lamps!.district.faultsReported).toBe(inside.length);
  });

  it('gives each case layer\'s flow with closing as the end, and series that add up to it', () => {
    const answer = api.query(YEAR_2021)!;
    const closedAt = (f: Feature<Point, Record<string, unknown>>) => (f.properties.closedAt ? Date.parse(String(f.properties.closedAt)) : NaN);
    const closedIn2021 = faults.filter((f) => closedAt(f) >= YEAR_2021.from && closedAt(f) < YEAR_2021.to).length;
    expect(answer.flows.lamps!.district.reported).toBe(answer.lamps!.district.faultsReported);
    const edges = bucketEdges(YEAR_2021.from, YEAR_2021.to, 'month');
    const series = api.series(edges)!;
    expect(series.lamps!.reported.reduce((a, b) => a + b, 0)).toBe(answer.flows.lamps!.district.reported);
    expect(series.railway!.closed.reduce((a, b) => a + b, 0)).toBe(answer.flows.railway!.district.done);
    expect(series.lamps!.backlog.at(-1)).toBe(answer.flows.lamps!.district.backlog);
    expect(series.lamps!.closed.reduce((a, b) => a + b, 0)).toBe(closedIn2021);
    expect(series.patches!.reported.reduce((a, b) => a + b, 0)).toBe(answer.patches!.district.detected);
  });

  it('gives the KPIs of a range, of the period before and, asked apart, of its sub-windows', () => {
    const k = { ...api.kpis({ ...YEAR_2021, towns: ['370114001'] })!, spark: api.kpiSpark({ ...YEAR_2021, towns: ['370114001'] })! };
    const answer = api.query({ ...YEAR_2021, towns: ['370114001'] })!;
    expect(k.current).toEqual(kpiValues(answer));
    expect(k.previous).toEqual(kpiValues(api.query({ from: YEAR_2021.from - (YEAR_2021.to - YEAR_2021.from), to: YEAR_2021.from, towns: ['370114001'] })!));
    expect(k.spark.length).toBeGreaterThan(8);
    expect(k.spark.length).toBeLessThanOrEqual(16);
    k.spark.slice(1).forEach((p, i) => expect(p.from).toBe(k.spark[i].to));
    expect(k.spark[0].from).toBe(YEAR_2021.from);
    expect(k.spark.at(-1)!.to).toBe(YEAR_2021.to);
    expect(k.spark.at(-1)!.values.openDefects).toBe(k.current.openDefects);
    expect(k.current.overdueCases).toBe(answer.flows.lamps!.district.overdue + answer.flows.manholes!.district.overdue + answer.flows.railway!.district.overdue);
  });

  describe('class filters, as the map applies them', () => {
    const in2021 = (f: Feature<Point, Record<string, unknown>>, field = 'reportedAt') => {
      const t = Date.parse(String(f.properties[field]));
      return t >= YEAR_2021.from && t < YEAR_2021.to;
    };
    const covers = read<FeatureCollection<Point, { kind: string; id: string }>>('manholes.geojson').features;
    const defects = read<FeatureCollection<Point, Record<string, unknown>>>('manhole-defects.geojson').features;
    const issues = read<FeatureCollection<Point, Record<string, unknown>>>('railway-issues.geojson').features;
    const patchFeatures = read<FeatureCollection<Polygon, PatchProperties>>('patches.geojson').features;

    it('counts only the covers of a kind, and the defects filed against them', () => {
      const rain = new Set(covers.filter((c) => c.properties.kind === 'rain').map((c) => c.properties.id));
      const answer = api.query({ ...YEAR_2021, classes: { manholes: { kind: ['rain'] } } })!;
      expect(answer.manholes!.district.covers).toBe(rain.size);
      expect(answer.manholes!.district.coversByKind.sewage).toBe(0);
      expect(answer.manholes!.district.reported).toBe(defects.filter((d) => rain.has(String(d.properties.assetId)) && in2021(d)).length);
      expect(answer.lamps!.district.poles).toBe(14_187);
    });

    it('counts only the poles of a status, their lamps and their faults', () => {
      const repairing = poles.filter((p) => (p.properties as Record<string, unknown>).status === 'repairing');
      const ids = new Set(repairing.map((p) => String((p.properties as Record<string, unknown>).id)));
      const answer = api.query({ ...YEAR_2021, classes: { streetLamps: { status: ['repairing'] } } })!;
      expect(answer.lamps!.district.poles).toBe(repairing.length);
      expect(answer.lamps!.district.lamps).toBe(repairing.reduce((a, p) => a + p.properties.lampCount, 0));
      expect(answer.lamps!.district.faultsReported).toBe(faults.filter((f) => ids.has(String(f.properties.assetId)) && in2021(f)).length);
    });

    it('counts only the patches and railway issues of the kept classes', () => {
      const answer = api.query({ ...YEAR_2021, classes: { patches: { status: ['demolished'] }, railway: { category: ['garbage'] } } })!;
      expect(answer.patches!.district.detected).toBe(patchFeatures.filter((p) => p.properties.status === 'demolished' && in2021(p as never, 'detectedAt')).length);
      expect(answer.railway!.district.reported).toBe(issues.filter((i) => i.properties.category === 'garbage' && in2021(i)).length);
      expect(answer.railway!.district.reportedByCategory.dustNet).toBe(0);
    });

    it('gives series that add up to the filtered flows', () => {
      const classes = { manholes: { kind: ['rain', 'gas'] }, railway: { status: ['closed'] } };
      const answer = api.query({ ...YEAR_2021, classes })!;
      const series = api.series(bucketEdges(YEAR_2021.from, YEAR_2021.to, 'month'), { classes })!;
      expect(series.manholes!.reported.reduce((a, b) => a + b, 0)).toBe(answer.flows.manholes!.district.reported);
      expect(series.manholes!.backlog.at(-1)).toBe(answer.flows.manholes!.district.backlog);
      expect(series.railway!.closed.reduce((a, b) => a + b, 0)).toBe(answer.flows.railway!.district.done);
    });
  });

  it('gives the patches a case flow too: detected as reported, concluded (disposed of, or found legal or false) as closed', () => {
    const answer = api.query(YEAR_2021)!;
    const patchFeatures = read<FeatureCollection<Polygon, PatchProperties>>('patches.geojson').features;
    const t = (v: string | null) => (v ? Date.parse(v) : NaN);
    const concluded = (p: PatchProperties) => (p.status === 'legal' || p.status === 'falsePositive' ? t(p.verifiedAt) : t(p.disposedAt));
    const inYear = (ms: number) => ms >= YEAR_2021.from && ms < YEAR_2021.to;
    const flow = answer.flows.patches!.district;
    expect(flow.reported).toBe(answer.patches!.district.detected);
    expect(flow.done).toBe(patchFeatures.filter((p) => inYear(concluded(p.properties))).length);
    expect(flow.backlog).toBe(patchFeatures.filter((p) => t(p.properties.detectedAt) < YEAR_2021.to && !(concluded(p.properties) < YEAR_2021.to)).length);
    const demolishedOnly = api.query({ ...YEAR_2021, classes: { patches: { status: ['demolished'] } } })!.flows.patches!.district;
    expect(demolishedOnly.reported).toBe(api.query({ ...YEAR_2021, classes: { patches: { status: ['demolished'] } } })!.patches!.district.detected);
  });
});

describe('the early warnings over the bundled data', () => {
  const api = loadedApi();
  const H = 3_600_000;
  const at = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : Infinity);
  const collections = {
    lamps: faults,
    manholes: read<FeatureCollection<Point>>('manhole-defects.geojson').features,
    railway: read<FeatureCollection<Point>>('railway-issues.geojson').features,
  };
  const patchFeatures = read<FeatureCollection<Polygon, PatchProperties>>('patches.geojson').features;
  /** Not handled at `now`, the way a reader of the files would decide it. */
  const directDueSoon = (now: number, hours: number) => {
    const due = (reported: number, handled: number, deadline: number) => reported <= now && handled > now && deadline > now && deadline <= now + hours * H;
    const ids: string[] = [];
    for (const [layer, features] of Object.entries(collections))
      for (const f of features) if (due(at(f.properties!.reportedAt), at(f.properties!.handledAt), at(f.properties!.deadline))) ids.push(`${layer}:${String(f.id)}`);
    for (const f of patchFeatures) {
      const p = f.properties;
      const concluded = p.status === 'legal' || p.status === 'falsePositive' ? at(p.verifiedAt) : at(p.disposedAt);
      if (due(at(p.detectedAt), concluded, at(p.deadline))) ids.push(`patches:${String(f.id)}`);
    }
    return ids.sort();
  };

  for (const [name, now, hours] of [
    ['at the end of the data, 72 hours ahead', Date.parse('2026-11-01T00:00:00+08:00'), 72],
    ['on a summer afternoon of 2025, 24 hours ahead', Date.parse('2025-07-15T15:00:00+08:00'), 24],
    ['on a winter morning of 2024, 36 hours ahead', Date.parse('2024-01-10T08:30:00+08:00'), 36],
  ] as const) {
    it(`due soon ${name}: exactly the cases a direct scan of the files finds, counted per level and town`, () => {
      const answer = api.warnings({ now, hours, limit: 100_000 })!;
      const want = directDueSoon(now, hours);
      expect(want.length).toBeGreaterThan(0);
      expect(answer.dueSoon.map((c) => `${c.layer}:${c.id}`).sort()).toEqual(want);
      const total = answer.dueSoonCounts.critical + answer.dueSoonCounts.high + answer.dueSoonCounts.watch;
      expect(total).toBe(want.length);
      expect(answer.dueSoonByTown.reduce((n, t) => n + t.counts.critical + t.counts.high + t.counts.watch, 0)).toBe(total);
      // Every case of the bundled data names its unit: the units' counts are the cases', unit by unit.
      const perUnit = new Map<string | null, number>();
      for (const c of answer.dueSoon) perUnit.set(c.unit, (perUnit.get(c.unit) ?? 0) + 1);
      expect(answer.dueSoonByUnit.map((u) => [u.unit, u.counts.critical + u.counts.high + u.counts.watch])).toEqual([...perUnit].sort(([a], [b]) => (a ?? '').localeCompare(b ?? '')));
      expect(perUnit.has(null)).toBe(false);
      expect(answer.dueSoon.every((c, i) => i === 0 || answer.dueSoon[i - 1].deadline <= c.deadline)).toBe(true);
    });
  }

  it('repeat failures: the poles with three faults or more in the last 90 days, as counted from the file', () => {
    const now = Date.parse('2026-11-01T00:00:00+08:00');
    const counts = new Map<string, number>();
    for (const f of faults) {
      const t = at(f.properties.reportedAt);
      if (t > now - 90 * 24 * H && t <= now) counts.set(String(f.properties.assetId), (counts.get(String(f.properties.assetId)) ?? 0) + 1);
    }
    const want = [...counts].filter(([, n]) => n >= 3).map(([a]) => a).sort();
    const answer = api.warnings({ now, hours: 24, limit: 100_000 })!;
    expect(want.length).toBeGreaterThan(0);
    expect(answer.repeats.filter((r) => r.layer === 'lamps').map((r) => r.asset).sort()).toEqual(want);
    for (const r of answer.repeats.filter((x) => x.layer === 'lamps')) expect(r.cases.length).toBe(counts.get(r.asset));
    expect(answer.repeatCount).toBe(answer.repeats.length);
  });

  it('keeps to the towns and classes asked for, and cuts the lists at the limit while counting everything', () => {
    const now = Date.parse('2025-07-15T15:00:00+08:00');
    const all = api.warnings({ now, hours: 24, limit: 100_000 })!;
    const town = all.dueSoon[0].town!;
    const inTown = api.warnings({ now, hours: 24, towns: [town], limit: 100_000 })!;
    expect(inTown.dueSoon.map((c) => c.id)).toEqual(all.dueSoon.filter((c) => c.town === town).map((c) => c.id));
    const cut = api.warnings({ now, hours: 24, limit: 2 })!;
    expect(cut.dueSoon).toEqual(all.dueSoon.slice(0, 2));
    expect(cut.dueSoonCounts).toEqual(all.dueSoonCounts);
    const onlyRailway = api.warnings({ now, hours: 24, limit: 100_000, classes: { streetLamps: { status: [] }, manholes: { kind: [] }, patches: { status: [] } } })!;
    expect(onlyRailway.dueSoon.map((c) => c.id)).toEqual(all.dueSoon.filter((c) => c.layer === 'railway').map((c) => c.id));
  });
});

describe('the anomalies over the bundled data', () => {
  const api = loadedApi();
  const DAY = 86_400_000;
  const end = Date.parse('2026-11-01T00:00:00+08:00');

  it('find the planted storm night (圣井街道, the last day) and the failing batch of covers (枣园街道, the last week), each with how unlikely', () => {
    const found = api.warnings({ now: end, hours: 24 })!.anomalies;
    const storm = found.find((a) => a.layer === 'lamps' && a.window === 'day' && a.town === '370114006' && a.category === null)!;
    expect(storm).toMatchObject({ from: end - DAY, to: end });
    expect(storm.count).toBeGreaterThanOrEqual(38);
    expect(storm.high).toBeLessThan(10);
    expect(storm.p).toBeLessThan(1e-20);
    expect(['power', 'cable']).toContain(storm.top!.category);
    const covers = found.find((a) => a.layer === 'manholes' && a.window === 'week' && a.town === '370114003' && a.category === null)!;
    expect(covers.count).toBeGreaterThanOrEqual(12);
    expect(covers.p).toBeLessThan(1e-4);
    expect(found.some((a) => a.layer === 'manholes' && a.town === null && a.category === 'sunken')).toBe(true);
    // And each town's own category: the covers sinking in 枣园街道, and the storm's main causes in 圣井街道.
    expect(found.some((a) => a.layer === 'manholes' && a.window === 'week' && a.town === '370114003' && a.category === 'sunken')).toBe(true);
    expect(found.some((a) => a.layer === 'lamps' && a.window === 'day' && a.town === '370114006' && a.category === storm.top!.category)).toBe(true);
    // Nothing else stands out that day in those two towns' neighbours, nor in the railway issues.
    expect(found.filter((a) => a.layer === 'railway')).toEqual([]);
  });

  it('list the batch’s covers broken again after a repair among the repeat failures', () => {
    const repeats = api.warnings({ now: end, hours: 24, limit: 1000 })!.repeats.filter((r) => r.layer === 'manholes' && r.town === '370114003');
    expect(repeats.length).toBeGreaterThanOrEqual(4);
  });

  it('do not flag the summer peak of lamp faults that comes every year', () => {
    const flagged: string[] = [];
    for (const year of [2024, 2025, 2026])
      for (let d = 0; d < 62; d += 3) {
        const now = Date.parse(`${year}-07-01T00:00:00+08:00`) + d * DAY;
        for (const a of api.warnings({ now, hours: 24 })!.anomalies) if (a.layer === 'lamps' && a.town === null) flagged.push(`${new Date(now).toISOString()} ${a.category} ${a.window}`);
      }
    expect(flagged).toEqual([]);
  });
});
