import type { CaseRules } from './assessment';
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { formatCst, parseCst } from '../../src/layers/common/time';
import type { Boundaries } from './boundaries';
import { offsetMeters, RegionLookup, round, roundCoords } from './geo';
import { MS } from './lifecycle';
import { END_MS, YEARS } from './period';
import { partitionInteger, type Random } from './random';
import type { SourceFacts } from './sources';
import { TOWN_PROFILES } from './towns';
import type { GeneratedFeature } from './types';

/** Zhangqiu 2021: 169 illegal structures demolished, 239,300 m² in all, 2,220 m² greened afterwards. */
export const DEMOLISHED_2021 = 169;
export const DEMOLISHED_AREA_2021 = 239_300;
export const GREENED_2021 = 2_220;

type Patch = GeneratedFeature<'patches'>;
type Props = Patch['properties'];

const BATCH_DAYS: Record<string, [number, number]> = { Q1: [3, 15], Q2: [6, 15], Q3: [9, 15], Q4: [12, 10] };
const PATCHES_PER_BATCH: Record<number, number> = { 2021: 125, 2022: 112, 2023: 100, 2024: 92, 2025: 85, 2026: 78 };
const SETTING_WEIGHT = { urban: 0.4, suburban: 1, rural: 1.3, mountain: 1.1 };
const CHANGE: Record<Props['changeType'], number> = { newBuilding: 40, extension: 15, hardening: 20, excavation: 10, stacking: 15 };
const LAND: Record<string, Record<Props['landType'], number>> = {
  urban: { construction: 60, cultivated: 10, grassland: 15, unused: 15, forest: 0, water: 0 },
  other: { cultivated: 45, construction: 20, forest: 12, grassland: 10, unused: 10, water: 3 },
};

interface Draft {
  id: string;
  batchId: string;
  detectedMs: number;
  center: Position;
  corners: [number, number][];
  scale: number;
  townCode: string;
  village: string;
  verdict: 'illegal' | 'legal' | 'falsePositive';
  outcome: 'demolished' | 'confiscated' | 'legalised';
  verifiedMs: number;
  rectifyMs: number;
  disposedMs: number;
  greenedM2: number;
  landType: Props['landType'];
  changeType: Props['changeType'];
}

/** An irregular quadrilateral of about `areaM2`, as corner offsets in metres around its centre. */
function quadCorners(areaM2: number, random: Random): [number, number][] {
  const aspect = random.range(1, 2.5);
  const w = Math.sqrt(areaM2 / aspect) / 2;
  const h = Math.sqrt(areaM2 * aspect) / 2;
  const a = random.range(0, Math.PI);
  return [[-w, -h], [w, -h], [w, h], [-w, h]].map(([x, y]) => {
    const jx = x * random.range(0.93, 1.07);
    const jy = y * random.range(0.93, 1.07);
    return [jx * Math.cos(a) - jy * Math.sin(a), jx * Math.sin(a) + jy * Math.cos(a)];
  });
}

function ring(d: Draft): Position[] {
  const pts = d.corners.map(([x, y]) => offsetMeters(d.center, x * d.scale, y * d.scale));
  return roundCoords([...pts, pts[0]], 7);
}

const areaOf = (d: Draft) => turf.area(turf.polygon([ring(d)]));

/** A point on the line between two towns: the two sides 60 m apart lie in different towns. */
function boundarySite(b: Boundaries, lookup: RegionLookup<string>, random: Random): Position {
  for (;;) {
    const town = random.pick(b.towns);
    const rings = town.geometry.type === 'Polygon' ? town.geometry.coordinates : town.geometry.coordinates.flat();
    const r = random.pick(rings);
    const i = random.int(0, r.length - 2);
    const t = random.float();
    const p: Position = [r[i][0] + (r[i + 1][0] - r[i][0]) * t, r[i][1] + (r[i + 1][1] - r[i][1]) * t];
    const bearing = turf.bearing(r[i], r[i + 1]) + 90;
    const side = (d: number) => lookup.find(offsetMeters(p, Math.sin((bearing * Math.PI) / 180) * d, Math.cos((bearing * Math.PI) / 180) * d));
    const a = side(30);
    const c = side(-30);
    if (a && c && a !== c) return p;
  }
}

function interiorSite(town: Boundaries['towns'][number], random: Random): Position {
  const [w, s, e, n] = turf.bbox(town);
  for (;;) {
    const p: Position = [random.range(w, e), random.range(s, n)];
    if (turf.booleanPointInPolygon(p, town)) return p;
  }
}

function draftPatches(b: Boundaries, facts: SourceFacts, random: Random): Draft[] {
  const lookup = new RegionLookup(b.towns.map((t) => ({ feature: t, value: t.properties.code })));
  const townWeights = b.towns.map((t) => t.properties.areaKm2 * SETTING_WEIGHT[t.properties.setting]);
  const drafts: Draft[] = [];
  for (const year of YEARS) {
    for (const [quarter, [month, day]] of Object.entries(BATCH_DAYS)) {
      const batchMs = year === 2026 && quarter === 'Q4' ? parseCst(2026, 10, 20) : parseCst(year, month, day);
      if (batchMs >= END_MS) continue;
      const batchId = `${year}${quarter}`;
      const count = Math.round(PATCHES_PER_BATCH[year] * random.range(0.9, 1.1));
      for (let k = 0; k < count; k++) {
        const crossing = random.chance(0.07);
        const center = crossing ? boundarySite(b, lookup, random) : interiorSite(b.towns[random.weightedIndex(townWeights)], random);
        const townCode = lookup.find(center) ?? b.towns[0].properties.code;
        const area = crossing ? random.range(2500, 12000) : Math.min(Math.max(random.logNormal(900, 0.8), 120), 20000);
        const detectedMs = batchMs + random.int(0, 3) * MS.day + random.int(9, 17) * MS.hour;
        const verifiedMs = detectedMs + random.range(3, 25) * MS.day;
        const rectifyMs = verifiedMs + random.range(3, 20) * MS.day;
        drafts.push({
          id: `TB-${batchId}-${String(k + 1).padStart(4, '0')}`,
          batchId,
          detectedMs,
          center,
          corners: quadCorners(area, random),
          scale: 1,
          townCode,
          village: random.pick(facts.villagesByTown.get(townCode) ?? ['']),
          verdict: random.weighted({ illegal: 55, legal: 20, falsePositive: 25 }),
          outcome: random.weighted({ demolished: 78, confiscated: 6, legalised: 16 }),
          verifiedMs,
          rectifyMs,
          disposedMs: rectifyMs + random.range(15, 150) * MS.day,
          greenedM2: 0,
          landType: random.weighted(LAND[TOWN_PROFILES[townCode].setting === 'urban' ? 'urban' : 'other']),
          changeType: random.weighted(CHANGE),
        });
      }
    }
  }
  return drafts;
}

const YEAR_2022 = parseCst(2022, 1, 1);
const demolishedIn2021 = (d: Draft) => d.verdict === 'illegal' && d.outcome === 'demolished' && d.disposedMs < YEAR_2022;

/** Makes 2021 match the report: exactly 169 demolitions, 239,300 m² between them, 2,220 m² greened. */
function match2021(drafts: Draft[], random: Random): void {
  let done = drafts.filter(demolishedIn2021);
  for (const d of done.slice(DEMOLISHED_2021)) d.disposedMs = YEAR_2022 + random.range(5, 60) * MS.day;
  const spare = drafts.filter((d) => d.verdict === 'illegal' && !demolishedIn2021(d) && d.rectifyMs + 11 * MS.day < YEAR_2022);
  for (const d of spare.slice(0, Math.max(0, DEMOLISHED_2021 - done.length))) {
    d.outcome = 'demolished';
    d.disposedMs = random.range(d.rectifyMs + 10 * MS.day, YEAR_2022 - MS.day);
  }
  done = drafts.filter(demolishedIn2021);
  if (done.length !== DEMOLISHED_2021) throw new Error(`2021 demolitions: ${done.length}`);
  for (let pass = 0; pass < 3; pass++) {
    const factor = DEMOLISHED_AREA_2021 / done.reduce((a, d) => a + areaOf(d), 0);
    for (const d of done) d.scale *= Math.sqrt(factor);
  }
  const largest = [...done].sort((a, b) => areaOf(b) - areaOf(a)).slice(0, 6);
  partitionInteger(GREENED_2021, largest.length, random).forEach((m2, i) => (largest[i].greenedM2 = m2));
}

function toFeature(d: Draft, rules: CaseRules): Patch {
  const category = rules.config.defaults.patches.category;
  const at = (ms: number) => (ms < END_MS ? formatCst(ms) : null);
  const verified = at(d.verifiedMs);
  const illegal = d.verdict === 'illegal' && verified !== null;
  const rectify = illegal ? at(d.rectifyMs) : null;
  const disposed = rectify !== null ? at(d.disposedMs) : null;
  const status: Props['status'] = verified === null ? 'pending' : !illegal ? d.verdict : rectify === null ? 'illegal' : disposed === null ? 'rectifying' : d.outcome;
  const coordinates = [ring(d)];
  return {
    type: 'Feature',
    id: d.id,
    geometry: { type: 'Polygon', coordinates },
    properties: {
      id: d.id,
      batchId: d.batchId,
      detectedAt: formatCst(d.detectedMs),
      areaM2: round(turf.area(turf.polygon(coordinates)), 1),
      landType: d.landType,
      changeType: d.changeType,
      townCode: d.townCode,
      village: d.village,
      status,
      verifiedAt: verified,
      rectifyStartedAt: rectify,
      disposedAt: disposed,
      deadline: formatCst(rules.deadline(category, d.changeType, d.detectedMs)),
      greenedM2: status === 'demolished' ? d.greenedM2 : 0,
      // A patch has no check stage, so no rework: only its category and its town as the unit.
      categoryCode: category,
      responsibleUnit: d.townCode,
    },
  };
}

export function generatePatches(b: Boundaries, facts: SourceFacts, random: Random, rules: CaseRules): Patch[] {
  const drafts = draftPatches(b, facts, random);
  match2021(drafts, random);
  return drafts.map((d) => toFeature(d, rules));
}
