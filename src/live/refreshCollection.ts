import { describeIssue } from '../data/errors';
import type { DataSource, ShownCollection } from '../data/source';
import type { LoadedTable } from '../data/decode';
import type { CollectionId } from '../layers/registry';

/**
 * Reads one collection again (only what changed since `shown` where the source can tell) and
 * hands it over only if it is believable: an error, an empty answer where there was data, or an
 * answer most of whose features fail the schema (a server that changed its format) all leave the
 * data on screen as it was, and say why.
 */
export async function refreshCollection(
  source: DataSource,
  id: CollectionId,
  shown: { count: number; fingerprint?: string; held?: ShownCollection },
  apply: (fresh: LoadedTable) => void,
  signal: AbortSignal,
): Promise<string | null> {
  const result = source.getChanges && shown.held?.version ? await source.getChanges(id, shown.held, { signal }) : await source.getCollection(id, { signal });
  if (!result.ok) return result.error.message;
  // The source says nothing changed since what is shown was read.
  if (result.value === null) return null;
  const { table, rejected, fingerprint } = result.value;
  const shownCount = shown.count;
  // Nothing changed: the data on screen is current, and nothing downstream needs to recompute.
  if (fingerprint !== undefined && fingerprint === shown.fingerprint) return null;
  if (table.length === 0 && rejected.length === 0 && shownCount > 0) {
    return `${id}: the source answered with no features (${shownCount} shown before); keeping the last good data`;
  }
  if (rejected.length > 0 && rejected.length >= table.length) {
    return `${id}: ${rejected.length} of ${table.length + rejected.length} features do not match the schema (${describeIssue(rejected[0])}); keeping the last good data`;
  }
  apply(result.value);
  return null;
}
