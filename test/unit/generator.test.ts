import * as turf from '@turf/turf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateFeatureCollection } from '../../src/data/validate';
import { DATA_END_MS } from '../../src/layers/common/time';
import { COLLECTION_IDS } from '../../src/layers/registry';
import { generateDataset, type GeneratedDataset } from '../../scripts/generator';
import { COVER_BATCH, STORM_NIGHT } from '../../scripts/generator/plantedEvents';
import { writeFeatureCollection } from '../../scripts/generator/write';

const within = (actual: number, expected: number, fraction: number) => Math.abs(actual - expected) <= expected * fraction;
const yearOf = (iso: string) => iso.slice(0, 4);

let generated: GeneratedDataset;
beforeAll(() => {
  generated = generateDataset();
});

describe('determinism', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('writes byte-identical files on every run with the same seed', () => {
    const again = generateDataset();
    for (const id of COLLECTION_IDS) {
      const a = mkdtempSync(join(tmpdir(), 'zq-a-'));
      const b = mkdtempSync(join(tmpdir(), 'zq-b-'));
      dirs.push(a, b);
      expect(writeFeatureCollection(b, id, again.dataset[id]).sha256, id).toBe(writeFeatureCollection(a, id, generated.dataset[id]).sha256);
    }
  });

  it('gives different data for a different seed', () => {
    const other = generateDataset(1);
    expect(other.dataset['lamp-faults'].slice(0, 20)).not.toEqual(generated.dataset['lamp-faults'].slice(0, 20));
    expect(other.dataset.manholes.slice(0, 20)).not.toEqual(generated.dataset.manholes.slice(0, 20));
  });
});

describe('boundaries', () => {
  const area = (f: Feature<Polygon | MultiPolygon>) => turf.area(f);

  it('has the 18 official towns with their 9-digit codes', () => {
    const towns = generated.dataset.towns;
    expect(towns).toHaveLength(18);
    expect(towns.map((t) => t.properties.code)).toContain('370114101');
    expect(towns.find((t) => t.properties.code === '370114101')?.properties.name).toBe('垛庄镇');
    for (const t of towns) expect(t.properties.code).toMatch(/^370114\d{3}$/);
    expect(towns.every((t) => t.properties.derived)).toBe(true);
  });

  it('partitions the district: town areas sum to the district area within 0.1%', () => {
    const district = area(generated.dataset.district[0]);
    const sum = generated.dataset.towns.reduce((a, t) => a + area(t), 0);
    expect(Math.abs(sum - district) / district).toBeLessThan(0.001);
  });

  it('leaves no gap: the district minus all towns is (nearly) empty', () => {
    const union = turf.union(turf.featureCollection(generated.dataset.towns))!;
    const gap = turf.difference(turf.featureCollection([generated.dataset.district[0], union]));
    expect(gap ? area(gap) : 0).toBeLessThan(area(generated.dataset.district[0]) * 1e-4);
  });

  it('has no overlaps between towns', () => {
    const towns = generated.dataset.towns;
    let overlap = 0;
    for (let i = 0; i < towns.length; i++) {
      for (let j = i + 1; j < towns.length; j++) {
        const inter = turf.intersect(turf.featureCollection([towns[i], towns[j]]));
        if (inter) overlap += area(inter);
      }
    }
    expect(overlap).toBeLessThan(1000); // m², across the whole district of ~1,714 km²
  });

  it('keeps every town seat inside its own town', () => {
    for (const t of generated.dataset.towns) expect(turf.booleanPointInPolygon(t.properties.seat, t), t.properties.name).toBe(true);
  });
});

describe('volumes match the 2021 figures', () => {
  it('has exactly 14,187 poles carrying 25,286 lamps, 914 of them retrofitted in 2021', () => {
    const lamps = generated.dataset.lamps;
    expect(lamps).toHaveLength(14_187);
    expect(lamps.reduce((a, f) => a + f.properties.lampCount, 0)).toBe(25_286);
    const retrofit = lamps.filter((f) => f.properties.retrofit2021);
    expect(retrofit).toHaveLength(914);
    expect(new Set(retrofit.map((f) => f.properties.road))).toEqual(new Set(['经十东路', '开先大道', '龙泉路']));
  });

  it('has about 8,800 lamp faults in each full year, 5,800 of them bulbs in 2021', () => {
    const faults = generated.dataset['lamp-faults'];
    for (const year of ['2021', '2022', '2023', '2024', '2025']) {
      expect(within(faults.filter((f) => yearOf(f.properties.reportedAt) === year).length, 8_800, 0.01), year).toBe(true);
    }
    expect(faults.filter((f) => yearOf(f.properties.reportedAt) === '2021' && f.properties.cause === 'lightSource')).toHaveLength(5_800);
  });

  it('has about 47,000 manhole covers of every kind and 1,000+ defects a year', () => {
    const covers = generated.dataset.manholes;
    expect(within(covers.length, 47_000, 0.01)).toBe(true);
    expect(new Set(covers.map((c) => c.properties.kind)).size).toBe(8);
    const defects2021 = generated.dataset['manhole-defects'].filter((d) => yearOf(d.properties.reportedAt) === '2021');
    expect(defects2021.length).toBeGreaterThanOrEqual(1_000);
    expect(defects2021.length).toBeLessThan(1_200);
  });

  it('demolished 169 patches of about 239,300 m² in 2021, 2,220 m² greened', () => {
    const demolished = generated.dataset.patches.filter((p) => p.properties.status === 'demolished' && p.properties.disposedAt!.startsWith('2021'));
    expect(demolished).toHaveLength(169);
    expect(within(demolished.reduce((a, p) => a + p.properties.areaM2, 0), 239_300, 0.01)).toBe(true);
    expect(demolished.reduce((a, p) => a + p.properties.greenedM2, 0)).toBe(2_220);
  });

  it('has patches that cross town boundaries', () => {
    const towns = generated.dataset.towns;
    const crossing = generated.dataset.patches.filter((p) => towns.filter((t) => turf.booleanIntersects(p, t)).length > 1);
    expect(crossing.length).toBeGreaterThan(50);
  });

  it('rectified 109 railway-corridor items in 2021 with the reported quantities', () => {
    const items = generated.dataset['railway-issues'].filter((i) => yearOf(i.properties.reportedAt) === '2021');
    expect(items).toHaveLength(109);
    expect(items.every((i) => i.properties.closedAt?.startsWith('2021'))).toBe(true);
    const total = (category: string) => items.filter((i) => i.properties.category === category).reduce((a, i) => a + i.properties.quantity, 0);
    expect(total('garbage')).toBe(8_618);
    expect(total('dustNet')).toBe(21_320);
    expect(total('film')).toBe(2_960);
    expect(total('dangerousTree')).toBe(1_416);
  });
});

describe('realism', () => {
  it('keeps the district lighting rate above 99% at every hour, with some towns visibly worse', () => {
    const lamps = new Map(generated.dataset.lamps.map((l) => [l.id, l]));
    const total = 25_286;
    const events: [number, number][] = [];
    for (const f of generated.dataset['lamp-faults']) {
      const start = Date.parse(f.properties.reportedAt);
      const end = f.properties.handledAt ? Date.parse(f.properties.handledAt) : DATA_END_MS;
      events.push([start, f.properties.lampsAffected], [end, -f.properties.lampsAffected]);
    }
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let dark = 0;
    let worst = 0;
    for (const [, delta] of events) worst = Math.max(worst, (dark += delta));
    expect(1 - worst / total).toBeGreaterThan(0.99);

    const faultHours = new Map<string, number>();
    for (const f of generated.dataset['lamp-faults']) {
      const end = f.properties.handledAt ? Date.parse(f.properties.handledAt) : DATA_END_MS;
      const town = f.properties.townCode;
      faultHours.set(town, (faultHours.get(town) ?? 0) + ((end - Date.parse(f.properties.reportedAt)) / 3.6e6) * f.properties.lampsAffected);
    }
    const lampsByTown = new Map<string, number>();
    for (const l of lamps.values()) lampsByTown.set(l.properties.townCode, (lampsByTown.get(l.properties.townCode) ?? 0) + l.properties.lampCount);
    const hours = (DATA_END_MS - Date.parse('2021-01-01T00:00:00+08:00')) / 3.6e6;
    const rates = [...lampsByTown].map(([town, n]) => 1 - (faultHours.get(town) ?? 0) / (n * hours));
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.001);
  });

  it('puts more lamps in the urban towns than in the mountains', () => {
    const count = (code: string) => generated.dataset.lamps.filter((l) => l.properties.townCode === code).length;
    expect(count('370114001')).toBeGreaterThan(5 * count('370114101'));
  });

  it('places every asset inside the town its town code names', () => {
    const towns = new Map(generated.dataset.towns.map((t) => [t.properties.code, t]));
    const assets = [...generated.dataset.lamps, ...generated.dataset.manholes, ...generated.dataset['railway-issues']];
    const wrong = assets.filter((a) => !turf.booleanPointInPolygon(a.geometry.coordinates, towns.get(a.properties.townCode)!));
    expect(wrong.map((a) => a.id).slice(0, 5)).toEqual([]);
  });

  it('plants a storm night in one town on the last evening: its faults, on its poles, in its hours', () => {
    const end = STORM_NIGHT.from + STORM_NIGHT.minutes * 60_000;
    const inStorm = generated.dataset['lamp-faults'].filter((f) => {
      const t = Date.parse(f.properties.reportedAt);
      return f.properties.townCode === STORM_NIGHT.town && t >= STORM_NIGHT.from && t <= end;
    });
    const planted = Object.values(STORM_NIGHT.causes).reduce((a, b) => a + b, 0);
    expect(inStorm.length).toBeGreaterThanOrEqual(planted);
    expect(inStorm.length).toBeLessThan(planted + 5);
    expect(inStorm.filter((f) => f.properties.cause === 'power').length).toBeGreaterThanOrEqual(STORM_NIGHT.causes.power);
    // Ids stay in report order within the year.
    const ids2026 = generated.dataset['lamp-faults'].filter((f) => f.id.startsWith('LF-2026-'));
    expect(ids2026.every((f, i) => i === 0 || ids2026[i - 1].properties.reportedAt <= f.properties.reportedAt)).toBe(true);
  });

  it('plants a batch of covers on one road sinking in the last week, some of them repaired before', () => {
    const covers = new Map(generated.dataset.manholes.map((c) => [c.id, c]));
    const recent = generated.dataset['manhole-defects'].filter((d) => {
      const t = Date.parse(d.properties.reportedAt);
      const cover = covers.get(d.properties.assetId)!;
      return t >= COVER_BATCH.from && t <= COVER_BATCH.to && d.properties.defect === COVER_BATCH.defect && cover.properties.townCode === COVER_BATCH.town && cover.properties.kind === COVER_BATCH.kind;
    });
    const roads = new Map<string, Set<string>>();
    for (const d of recent) {
      const road = covers.get(d.properties.assetId)!.properties.road;
      roads.set(road, (roads.get(road) ?? new Set()).add(d.properties.assetId));
    }
    const batch = [...roads.values()].sort((a, b) => b.size - a.size)[0];
    expect(batch.size).toBe(COVER_BATCH.covers);
    const before = generated.dataset['manhole-defects'].filter((d) => batch.has(d.properties.assetId) && Date.parse(d.properties.reportedAt) < COVER_BATCH.from && Date.parse(d.properties.reportedAt) >= COVER_BATCH.repairedBefore.from);
    expect(new Set(before.map((d) => d.properties.assetId)).size).toBeGreaterThanOrEqual(COVER_BATCH.repairedBefore.covers);
    for (const d of before) expect(d.properties.handledAt, d.id).not.toBeNull();
  });

  it('keeps railway issues inside the corridor', () => {
    for (const i of generated.dataset['railway-issues']) expect(i.properties.distanceM).toBeLessThanOrEqual(500);
  });
});

describe('time span', () => {
  const start = Date.parse('2021-01-01T00:00:00+08:00');
  it.each(['lamp-faults', 'manhole-defects', 'railway-issues', 'patches'] as const)('puts every %s time stamp from 2021-01-01 to 2026-10-31', (id) => {
    let first = Infinity;
    let last = -Infinity;
    for (const f of generated.dataset[id]) {
      for (const [key, value] of Object.entries(f.properties)) {
        if (key === 'deadline' || typeof value !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(value)) continue;
        const t = Date.parse(value);
        first = Math.min(first, t);
        last = Math.max(last, t);
      }
    }
    expect(first).toBeGreaterThanOrEqual(start);
    expect(last).toBeLessThan(DATA_END_MS);
    expect(last).toBeGreaterThan(DATA_END_MS - 31 * 24 * 3600_000);
  });
});

describe('schema', () => {
  it.each(COLLECTION_IDS)('every %s feature is valid against its schema', (id) => {
    const result = validateFeatureCollection(id, { type: 'FeatureCollection', features: generated.dataset[id] });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.rejected.slice(0, 3)).toEqual([]);
      expect(result.value.features).toHaveLength(generated.dataset[id].length);
    }
  });
});
