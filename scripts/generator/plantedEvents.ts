import { parseCst } from '../../src/layers/common/time';
import type { Random } from './random';
import type { GeneratedFeature } from './types';

type Pole = GeneratedFeature<'lamps'>;
type Cover = GeneratedFeature<'manholes'>;
type Cause = GeneratedFeature<'lamp-faults'>['properties']['cause'];
type DefectType = GeneratedFeature<'manhole-defects'>['properties']['defect'];

/**
 * Events planted in the default data, so that a new user sees the early warnings work on the first
 * screen (README, "Early warning"). The summer peak of lamp faults that comes every year is the
 * data's own rhythm and must not be flagged.
 */
/** A storm on the last evening: power, cable and lamp failures in one urban town (圣井街道), in four and a half hours. */
export const STORM_NIGHT = {
  town: '370114006',
  from: parseCst(2026, 10, 31, 19, 0),
  minutes: 270,
  causes: { power: 14, cable: 12, lightSource: 8, controller: 4 } satisfies Partial<Record<Cause, number>>,
};

/** A batch of sewage covers on one road of 枣园街道 sinking in the last week; four of them had been repaired in September. */
export const COVER_BATCH = {
  town: '370114003',
  kind: 'sewage' as Cover['properties']['kind'],
  covers: 12,
  defect: 'sunken' as DefectType,
  from: parseCst(2026, 10, 25, 6, 0),
  to: parseCst(2026, 10, 31, 22, 0),
  repairedBefore: { covers: 4, from: parseCst(2026, 9, 3), to: parseCst(2026, 9, 24) },
};

const time = (random: Random, from: number, to: number) => Math.round(random.range(from, to) / 60_000) * 60_000;

/** The storm's faults: each on a pole of the town, at a minute of the storm. */
export function stormFaults(poles: readonly Pole[], random: Random): { cause: Cause; pole: Pole; reportedMs: number }[] {
  const inTown = poles.filter((p) => p.properties.townCode === STORM_NIGHT.town);
  return Object.entries(STORM_NIGHT.causes).flatMap(([cause, n]) =>
    Array.from({ length: n }, () => ({ cause: cause as Cause, pole: random.pick(inTown), reportedMs: time(random, STORM_NIGHT.from, STORM_NIGHT.from + STORM_NIGHT.minutes * 60_000) })),
  );
}

/** The batch's defects: one per cover in the last week, and an earlier one on the first few. */
export function coverBatchDefects(covers: readonly Cover[], random: Random): { cover: Cover; defect: DefectType; reportedMs: number }[] {
  const candidates = covers.filter((c) => c.properties.townCode === COVER_BATCH.town && c.properties.kind === COVER_BATCH.kind);
  const perRoad = new Map<string, Cover[]>();
  for (const c of candidates) perRoad.set(c.properties.road, [...(perRoad.get(c.properties.road) ?? []), c]);
  const [, onRoad] = [...perRoad].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0];
  const batch = onRoad.slice(0, COVER_BATCH.covers);
  const { repairedBefore } = COVER_BATCH;
  return [
    ...batch.slice(0, repairedBefore.covers).map((cover) => ({ cover, defect: COVER_BATCH.defect, reportedMs: time(random, repairedBefore.from, repairedBefore.to) })),
    ...batch.map((cover) => ({ cover, defect: COVER_BATCH.defect, reportedMs: time(random, COVER_BATCH.from, COVER_BATCH.to) })),
  ];
}
