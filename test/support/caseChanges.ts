import { timeText } from '../../src/data/columnar/timeText';
import { caseStatus, STAGE_FIELDS } from '../../src/layers/common/lifecycle';
import type { CollectionId } from '../../src/layers/registry';

type Props = Record<string, unknown>;
export interface CaseFeature {
  type?: 'Feature';
  id?: string | number;
  geometry: unknown;
  properties: unknown;
}
const HOUR = 3_600_000;

const later = (text: unknown) => timeText(Date.parse(String(text)) + HOUR, 8 * 60, false);

/** A case's stages as [status, time field] in order; a patch's path is pending → illegal → rectifying → demolished. */
const PATCH_STAGES = [
  ['pending', 'detectedAt'],
  ['illegal', 'verifiedAt'],
  ['rectifying', 'rectifyStartedAt'],
  ['demolished', 'disposedAt'],
] as const;
const CASE_STAGES = caseStatus.values.map((status, i) => [status, STAGE_FIELDS[i]] as const);
const stagesOf = (id: CollectionId) => (id === 'patches' ? PATCH_STAGES : CASE_STAGES);

/** Moves an open case on by one stage, an hour after its last one; false when it has no stage left. */
function advance(stages: readonly (readonly [string, string])[], p: Props): boolean {
  const last = stages.findIndex(([status]) => status === p.status);
  if (last < 0 || last + 1 >= stages.length) return false;
  const [status, field] = stages[last + 1];
  p[field] = later(p[stages[last][1]]);
  p.status = status;
  return true;
}

/** Moves an open case on through every stage left, an hour apart, to its last (closed, demolished). */
export function closeCase(id: CollectionId, properties: unknown): void {
  while (advance(stagesOf(id), properties as Props));
}

/**
 * One publication of a live case collection, as its source would make it: `changed` open cases
 * moved on by one stage and `added` new ones (copies of open cases with new ids, at their first
 * stage). `features` is updated in place to the collection after the publication; the features
 * the publication holds (new copies of those changed, then those added) are returned.
 */
export function publishCaseChanges<F extends CaseFeature>(id: CollectionId, features: F[], round: number, changed = 20, added = 5, serial = 9_000_000 + round * 1000): F[] {
  const stages = stagesOf(id);
  const open = features.filter((f) => stages.slice(0, -1).some(([status]) => status === (f.properties as Props).status));
  const published: F[] = [];
  const moved = new Set<F>();
  for (let k = 0; k < changed && k < open.length; k++) {
    const f = open[(k * 7919 + round * 104_729) % open.length];
    if (moved.has(f)) continue;
    if (advance(stages, f.properties as Props)) moved.add(f);
  }
  published.push(...[...moved].map((f) => structuredClone(f)));
  for (let k = 0; k < added && k < open.length; k++) {
    const copy = structuredClone(open[(k * 15_485_863 + round) % open.length]);
    const p = copy.properties as Props;
    const newId = `${String(p.id).replace(/\d+$/, '')}${serial + k}`;
    p.id = newId;
    if (copy.id !== undefined) copy.id = newId;
    for (const [, field] of stages.slice(1)) p[field] = null;
    p.status = stages[0][0];
    features.push(copy);
    published.push(structuredClone(copy));
  }
  return published;
}
