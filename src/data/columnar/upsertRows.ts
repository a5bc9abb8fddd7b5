import { concatTables } from './concatTables';
import type { FeatureTable } from './featureTable';
import { idIn, tableIds } from './readTable';
import { takeRows } from './takeRows';

export interface Upserted {
  table: FeatureTable;
  /** Rows of `base` a change replaced, in place. */
  updated: number;
  /** Features the changes brought that `base` did not hold, appended after its rows. */
  added: number;
}

/**
 * `base` with the features of `changes` written in by id: a feature `base` holds is replaced where
 * it stands (a case moved on a stage keeps its row, so what is drawn keeps its order), a new one is
 * appended in the order the changes first name it, and where `changes` holds an id twice, its last
 * one counts. The result is the table a whole read of the collection after the changes gives, row
 * for row.
 */
export function upsertRows(base: FeatureTable, changes: FeatureTable): Upserted {
  if (changes.length === 0) return { table: base, updated: 0, added: 0 };
  const changeIds = tableIds(changes);
  // Map keeps the order of first insertion: new features are appended in the order they first came.
  const lastRowOf = new Map<string, number>();
  for (let j = 0; j < changes.length; j++) lastRowOf.set(idIn(changeIds, j), j);
  const both = concatTables(base, changes);
  const baseIds = tableIds(base);
  const placed = new Set<string>();
  let updated = 0;
  const rows: number[] = new Array<number>(base.length);
  for (let i = 0; i < base.length; i++) {
    const id = idIn(baseIds, i);
    const j = lastRowOf.get(id);
    rows[i] = j === undefined ? i : base.length + j;
    if (j === undefined) continue;
    placed.add(id);
    updated++;
  }
  for (const [id, j] of lastRowOf) if (!placed.has(id)) rows.push(base.length + j);
  return { table: takeRows(both, Uint32Array.from(rows)), updated, added: rows.length - base.length };
}
