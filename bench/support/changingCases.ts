import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromArrow, tableToArrow } from '../../src/data/columnar/arrowFile';
import { encodeTable } from '../../src/data/columnar/encodeTable';
import { featuresOf } from '../../src/data/columnar/readTable';
import { COLLECTIONS, type CollectionId } from '../../src/layers/registry';
import { publishCaseChanges } from '../../test/support/caseChanges';

/** The features of a bundled case collection, read from its Arrow file. */
function bundledCases(data: string, id: CollectionId) {
  const bytes = readFileSync(join(data, `${id}.arrow`));
  const read = tableFromArrow(id, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!read.ok) throw new Error(read.error);
  return { bytes: new Uint8Array(bytes), features: featuresOf(read.value) };
}

/**
 * A case collection as a live source would serve it over successive reads: version 0 is the file
 * as bundled; each later version moves `changed` open cases on by one stage and reports `added`
 * new ones (publishCaseChanges). Each version is a whole Arrow file like the bundled one.
 */
export function caseVersions(data: string, id: CollectionId, versions: number, changed = 20, added = 5): Uint8Array[] {
  const { bytes, features } = bundledCases(data, id);
  const out: Uint8Array[] = [bytes];
  for (let v = 1; v < versions; v++) {
    publishCaseChanges(id, features, v, changed, added);
    out.push(tableToArrow(encodeTable(id, features), COLLECTIONS[id].geometry));
  }
  return out;
}

/** The same publications as change files: what each one adds or changes, as GeoJSON text (see the static source's manifest). */
export function caseChangeFiles(data: string, id: CollectionId, publications: number, changed = 20, added = 5): string[] {
  const { features } = bundledCases(data, id);
  return Array.from({ length: publications }, (_, i) => JSON.stringify({ type: 'FeatureCollection', features: publishCaseChanges(id, features, i + 1, changed, added) }));
}
