import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromArrow, tableToArrow } from '../../src/data/columnar/arrowFile';
import { encodeTable } from '../../src/data/columnar/encodeTable';
import { featuresOf } from '../../src/data/columnar/readTable';
import { timeText } from '../../src/data/columnar/timeText';
import { caseStatus, STAGE_FIELDS } from '../../src/layers/common/lifecycle';
import { COLLECTIONS, type CollectionId } from '../../src/layers/registry';

type Props = Record<string, unknown>;
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

/** Moves an open case on by one stage, an hour after its last one; false when it has no stage left. */
function advance(stages: readonly (readonly [string, string])[], p: Props): boolean {
  const last = stages.findIndex(([status]) => status === p.status);
  if (last < 0 || last + 1 >= stages.length) return false;
  const [status, field] = stages[last + 1];
  p[field] = later(p[stages[last][1]]);
  p.status = status;
  return true;
}

/**
 * A case collection as a live source would serve it over successive reads: version 0 is the file
 * as bundled; each later version moves `changed` open cases on by one stage and reports `added`
 * new ones (copies of open cases, new ids). Each version is an Arrow file like the bundled one.
 */
export function caseVersions(data: string, id: CollectionId, versions: number, changed = 20, added = 5): Uint8Array[] {
  const bytes = readFileSync(join(data, `${id}.arrow`));
  const read = tableFromArrow(id, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!read.ok) throw new Error(read.error);
  const features = featuresOf(read.value);
  const stages = id === 'patches' ? PATCH_STAGES : CASE_STAGES;
  const out: Uint8Array[] = [new Uint8Array(bytes)];
  let serial = 9_000_000;
  for (let v = 1; v < versions; v++) {
    const open = features.filter((f) => stages.slice(0, -1).some(([status]) => status === (f.properties as Props).status));
    for (let k = 0; k < changed && k < open.length; k++) advance(stages, open[(k * 7919 + v * 104_729) % open.length].properties as Props);
    for (let k = 0; k < added && k < open.length; k++) {
      const copy = structuredClone(open[(k * 15_485_863 + v) % open.length]);
      const p = copy.properties as Props;
      const id = `${String(p.id).replace(/\d+$/, '')}${serial++}`;
      p.id = id;
      if (copy.id !== undefined) copy.id = id;
      for (const [, field] of stages.slice(1)) p[field] = null;
      p.status = stages[0][0];
      features.push(copy);
    }
    out.push(tableToArrow(encodeTable(id, features), COLLECTIONS[id].geometry));
  }
  return out;
}
