import { assessmentOf, drawRework, type CaseRules } from './assessment';
import type { Boundaries } from './boundaries';
import { RegionLookup, roundPosition } from './geo';
import { caseLifecycle, cumulative, drawCumulative, failedCheckTimes, MS, sampleReportTime, yearlyVolumes } from './lifecycle';
import { END_MS, LAST_YEAR_MONTHS, lastMonthOf, YEARS, yearOf } from './period';
import { roadSites, selectSites } from './placement';
import type { Random } from './random';
import { TOWN_PROFILES } from './towns';
import type { GeneratedFeature } from './types';

export const COVERS = 47_236;
export const DEFECTS_PER_YEAR = 1_060;

type Cover = GeneratedFeature<'manholes'>;
type Defect = GeneratedFeature<'manhole-defects'>;
type Kind = Cover['properties']['kind'];
type DefectType = Defect['properties']['defect'];

const URBAN_KINDS: Record<Kind, number> = { rain: 28, sewage: 24, water: 12, power: 10, telecom: 13, gas: 6, heating: 5, other: 2 };
const RURAL_KINDS: Record<Kind, number> = { rain: 30, sewage: 25, water: 15, power: 12, telecom: 10, gas: 3, heating: 1, other: 4 };
const OWNERS: Record<Kind, string[]> = {
  rain: ['章丘区城市管理局（排水管理处）'],
  sewage: ['章丘区城市管理局（排水管理处）', '章丘区污水处理有限公司'],
  water: ['章丘区自来水有限公司'],
  power: ['国网济南市章丘区供电公司'],
  telecom: ['中国电信章丘分公司', '中国移动章丘分公司', '中国联通章丘分公司'],
  gas: ['章丘港华燃气有限公司'],
  heating: ['章丘区热力有限公司'],
  other: ['章丘区交通运输局', '章丘区园林和林业绿化局'],
};
const KIND_DEFECT_FACTOR: Record<Kind, number> = { rain: 1.3, sewage: 1.3, water: 0.9, power: 0.8, telecom: 1.0, gas: 0.6, heating: 0.9, other: 1.0 };
/** How often each defect occurs and how long its repair takes; the deadlines come from public/assessment.json. */
const DEFECT_TIMING: Record<DefectType, { weight: number; medianH: number }> = {
  damaged: { weight: 35, medianH: 20 },
  missing: { weight: 15, medianH: 3 },
  sunken: { weight: 25, medianH: 60 },
  loose: { weight: 25, medianH: 30 },
};
const MONTH_WEIGHTS = [0.9, 0.9, 1.0, 1.0, 1.1, 1.2, 1.4, 1.4, 1.1, 1.0, 0.9, 0.9];
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 7, 9, 9, 8, 7, 6, 7, 8, 8, 8, 7, 6, 4, 3, 2, 2, 1];

export function generateCovers(b: Boundaries, roads: GeneratedFeature<'roads'>[], random: Random): Cover[] {
  const sites = roadSites(roads, b, { arterial: 14, secondary: 16, local: 18 }, 0);
  const chosen = selectSites(sites, COVERS, 0.85, () => false);
  const lookup = new RegionLookup(b.towns.map((t) => ({ feature: t, value: t.properties.code })));
  const seq = new Map<string, number>();
  return chosen.map((site) => {
    // Covers sit a few metres off the road's centre line; the town is the one they end up in.
    const position = roundPosition([site.position[0] + random.range(-3e-5, 3e-5), site.position[1] + random.range(-3e-5, 3e-5)]);
    const townCode = lookup.find(position) ?? site.townCode;
    const n = (seq.get(townCode) ?? 0) + 1;
    seq.set(townCode, n);
    const urban = TOWN_PROFILES[townCode].setting !== 'rural' && TOWN_PROFILES[townCode].setting !== 'mountain';
    const kind = random.weighted(urban ? URBAN_KINDS : RURAL_KINDS);
    const id = `JG-${townCode.slice(6)}-${String(n).padStart(5, '0')}`;
    return {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: position },
      properties: { id, kind, owner: random.pick(OWNERS[kind]), road: site.road, townCode, status: 'normal' },
    };
  });
}

/** The defects of each year, with `planted` ones (plantedEvents.ts) among those of their year. */
export function generateDefects(
  covers: Cover[],
  random: Random,
  planted: readonly { cover: Cover; defect: DefectType; reportedMs: number }[],
  rules: CaseRules,
  reworkRandom: Random,
): Defect[] {
  const table = cumulative(covers.map(({ properties: p }) => KIND_DEFECT_FACTOR[p.kind] * Math.sqrt(TOWN_PROFILES[p.townCode].faultFactor)));
  const volumes = yearlyVolumes(random, DEFECTS_PER_YEAR, YEARS, LAST_YEAR_MONTHS);
  const weights = Object.fromEntries(Object.entries(DEFECT_TIMING).map(([k, v]) => [k, v.weight])) as Record<DefectType, number>;
  const defects: Defect[] = [];
  for (const year of YEARS) {
    const drafts = Array.from({ length: volumes.get(year)! }, () => ({
      cover: covers[drawCumulative(table, random)],
      defect: random.weighted(weights),
      reportedMs: sampleReportTime(random, year, lastMonthOf(year), MONTH_WEIGHTS, HOUR_WEIGHTS),
    }));
    drafts.push(...planted.filter((d) => yearOf(d.reportedMs) === year));
    drafts.sort((a, b) => a.reportedMs - b.reportedMs || a.cover.id.localeCompare(b.cover.id));
    drafts.forEach(({ cover, defect, reportedMs }, k) => {
      const timing = DEFECT_TIMING[defect];
      const id = `JD-${year}-${String(k + 1).padStart(5, '0')}`;
      const category = rules.coverCategory(cover.properties.kind);
      const rework = drawRework(reworkRandom, cover.properties.townCode, MS.hour * 6);
      const delays = {
        dispatch: random.range(10, 90) * MS.minute,
        handle: Math.min(random.logNormal(timing.medianH, 0.6), 30 * 24) * MS.hour + rework.extraMs,
        check: random.range(2, 24) * MS.hour,
        close: random.range(0.5, 8) * MS.hour,
      };
      defects.push({
        type: 'Feature',
        id,
        geometry: cover.geometry,
        properties: {
          id,
          assetId: cover.id,
          townCode: cover.properties.townCode,
          defect,
          ...caseLifecycle(reportedMs, delays, rules.deadline(category, defect, reportedMs), random.weighted({ patrol: 50, hotline: 30, app: 20, sensor: 0 }), END_MS),
          ...assessmentOf(category, rules.unitOfOwner(cover.properties.owner), failedCheckTimes(reportedMs, delays, rework.stepsMs, END_MS)),
        },
      });
    });
  }
  const byId = new Map(covers.map((c) => [c.id, c]));
  for (const d of defects) if (d.properties.handledAt === null) byId.get(d.properties.assetId)!.properties.status = 'defective';
  return defects;
}
