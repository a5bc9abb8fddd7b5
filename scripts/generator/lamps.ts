import { assessmentOf, drawRework, type CaseRules } from './assessment';
import type { Boundaries } from './boundaries';
import { roundPosition } from './geo';
import { caseLifecycle, cumulative, drawCumulative, failedCheckTimes, MS, sampleReportTime, yearlyVolumes } from './lifecycle';
import { END_MS, LAST_YEAR_MONTHS, lastMonthOf, YEARS, yearOf } from './period';
import { roadSites, selectSites } from './placement';
import type { Random } from './random';
import { RETROFIT_ROADS } from './roads';
import { SETTING_PARAMS, TOWN_PROFILES } from './towns';
import type { GeneratedFeature } from './types';

export const POLES = 14_187;
export const LAMPS = 25_286;
export const FAULTS_PER_YEAR = 8_800;
export const RETROFIT_POLES = 914;
/** 5,800 bulbs replaced in 2021: the light-source faults of that year. */
export const LIGHT_SOURCE_FAULTS_2021 = 5_800;

type Pole = GeneratedFeature<'lamps'>;
type Fault = GeneratedFeature<'lamp-faults'>;
type LampType = Pole['properties']['lampType'];
type Cause = Fault['properties']['cause'];

const POWER: Record<LampType, number[]> = { led: [60, 90, 120, 150], sodium: [150, 250, 400], metalHalide: [150, 250], solarLed: [30, 40, 60] };
const TYPE_FAULT_FACTOR: Record<LampType, number> = { led: 0.75, sodium: 1.5, metalHalide: 1.3, solarLed: 1.2 };
const MONTH_WEIGHTS = [1.1, 1.0, 0.9, 0.9, 1.0, 1.2, 1.45, 1.4, 1.1, 0.9, 0.9, 1.0];
/** Failed lamps are noticed after dark: most reports come in the evening patrol hours. */
const HOUR_WEIGHTS = [3, 2, 2, 1, 1, 1, 3, 4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 3, 5, 9, 10, 9, 7, 5];
const OTHER_CAUSES: Record<Exclude<Cause, 'lightSource'>, number> = { cable: 12, controller: 8, power: 6, pole: 4, vandalism: 4 };

function lampCountFor(cls: string, random: Random): number {
  if (cls === 'arterial') {
    const r = random.float();
    return r < 0.14 ? 1 : r < 0.94 ? 2 : 4;
  }
  if (cls === 'secondary') return random.chance(0.4) ? 2 : 1;
  return random.chance(0.12) ? 2 : 1;
}

export function generatePoles(b: Boundaries, roads: GeneratedFeature<'roads'>[], random: Random): Pole[] {
  const sites = roadSites(roads, b, { arterial: 32, secondary: 36, local: 40 }, 16);
  const urban = (code: string) => TOWN_PROFILES[code].setting === 'urban';
  const chosen = selectSites(sites, POLES, 1, (s) => RETROFIT_ROADS.includes(s.road) && urban(s.townCode));
  const counts = chosen.map((s) => lampCountFor(s.roadClass, random));
  // Adjust single poles to double (or back) until the district holds exactly 25,286 lamps.
  let diff = LAMPS - counts.reduce((a, c) => a + c, 0);
  const order = random.shuffle(counts.map((_, i) => i));
  for (const i of order) {
    if (diff > 0 && counts[i] === 1) {
      counts[i] = 2;
      diff--;
    } else if (diff < 0 && counts[i] === 2) {
      counts[i] = 1;
      diff++;
    }
  }
  if (diff !== 0) throw new Error(`could not reach ${LAMPS} lamps (${diff} left)`);

  const seq = new Map<string, number>();
  let retrofits = 0;
  return chosen.map((site, i) => {
    const setting = TOWN_PROFILES[site.townCode].setting;
    const n = (seq.get(site.townCode) ?? 0) + 1;
    seq.set(site.townCode, n);
    const installedYear = Math.min(2021, Math.round(random.range(setting === 'urban' ? 2004 : 1998, 2022)));
    const lampType: LampType =
      installedYear >= 2016
        ? setting !== 'urban' && random.chance(0.15) ? 'solarLed' : random.chance(0.9) ? 'led' : 'sodium'
        : random.weighted({ sodium: 60, metalHalide: 15, led: 25 });
    const retrofit = RETROFIT_ROADS.includes(site.road) && urban(site.townCode) && retrofits < RETROFIT_POLES;
    if (retrofit) retrofits++;
    const id = `LD-${site.townCode.slice(6)}-${String(n).padStart(5, '0')}`;
    return {
      type: 'Feature',
      id,
      geometry: { type: 'Point', coordinates: roundPosition(site.position) },
      properties: {
        id,
        road: site.road,
        townCode: site.townCode,
        lampCount: counts[i],
        lampType,
        powerW: random.pick(POWER[lampType]),
        installedYear,
        status: 'normal',
        retrofit2021: retrofit,
      },
    };
  });
}

/** The faults of each year, with `planted` ones (plantedEvents.ts) among those of their year. */
export function generateLampFaults(
  poles: Pole[],
  random: Random,
  planted: readonly { cause: Cause; pole: Pole; reportedMs: number }[],
  rules: CaseRules,
  reworkRandom: Random,
): Fault[] {
  const { category, unit } = rules.config.defaults['lamp-faults'];
  const weights = poles.map(({ properties: p }) => p.lampCount * TOWN_PROFILES[p.townCode].faultFactor * TYPE_FAULT_FACTOR[p.lampType] * (1 + (2021 - p.installedYear) * 0.02));
  const table = cumulative(weights);
  const volumes = yearlyVolumes(random, FAULTS_PER_YEAR, YEARS, LAST_YEAR_MONTHS);
  const faults: Fault[] = [];
  for (const year of YEARS) {
    const n = volumes.get(year)!;
    const lightSourceShare = year === 2021 ? LIGHT_SOURCE_FAULTS_2021 : Math.round(n * random.range(0.63, 0.68));
    const causes: Cause[] = random.shuffle(Array.from({ length: n }, (_, i) => (i < lightSourceShare ? 'lightSource' : random.weighted(OTHER_CAUSES))));
    const drafts = causes.map((cause) => ({ cause, pole: poles[drawCumulative(table, random)], reportedMs: sampleReportTime(random, year, lastMonthOf(year), MONTH_WEIGHTS, HOUR_WEIGHTS) }));
    drafts.push(...planted.filter((d) => yearOf(d.reportedMs) === year));
    drafts.sort((a, b) => a.reportedMs - b.reportedMs || a.pole.id.localeCompare(b.pole.id));
    drafts.forEach(({ cause, pole, reportedMs }, k) => {
      const params = SETTING_PARAMS[TOWN_PROFILES[pole.properties.townCode].setting];
      const lamps = pole.properties.lampCount;
      const id = `LF-${year}-${String(k + 1).padStart(6, '0')}`;
      const townCode = pole.properties.townCode;
      const rework = drawRework(reworkRandom, townCode, MS.hour * 4);
      // Drawn in the order they are written.
      const lampsAffected = cause === 'cable' || cause === 'power' ? lamps : cause === 'lightSource' ? 1 : random.int(1, lamps);
      const delays = {
        dispatch: random.range(5, 45) * MS.minute,
        handle: Math.min(random.logNormal(params.repairMedianH, 0.65), 240) * MS.hour + rework.extraMs,
        check: random.range(1, 8) * MS.hour,
        close: random.range(0.5, 4) * MS.hour,
      };
      faults.push({
        type: 'Feature',
        id,
        geometry: pole.geometry,
        properties: {
          id,
          assetId: pole.id,
          townCode,
          cause,
          lampsAffected,
          ...caseLifecycle(reportedMs, delays, rules.deadline(category, cause, reportedMs), random.weighted({ patrol: 45, hotline: 25, app: 15, sensor: 15 }), END_MS),
          ...assessmentOf(category, unit, failedCheckTimes(reportedMs, delays, rework.stepsMs, END_MS)),
        },
      });
    });
  }
  markOpenFaults(poles, faults);
  return faults;
}

/** A pole's current status follows its open fault, if any: reported → faulty, dispatched → under repair. */
function markOpenFaults(poles: Pole[], faults: Fault[]): void {
  const byId = new Map(poles.map((p) => [p.id, p]));
  for (const f of faults) {
    if (f.properties.handledAt !== null) continue;
    byId.get(f.properties.assetId)!.properties.status = f.properties.status === 'reported' ? 'faulty' : 'repairing';
  }
}
