import { existsSync } from 'node:fs';
import { testStack } from '../support';

/**
 * A fingerprint of every row the stack serves (each table of the citygis schema but the answer
 * caches: its row count and a hash of every row), and of the web role's powers: equal before and
 * after an attack means it changed nothing.
 */
export function databaseFingerprint(): string {
  const tables = testStack
    .sql(`select tablename from pg_tables where schemaname = 'citygis' and tablename not like '%\\_cache' escape '\\' order by 1`)
    .split('\n');
  const rows = tables.map((t) => `${t}:${testStack.sql(`select count(*) || '/' || coalesce(sum(hashtext(t::text)::bigint), 0) from citygis.${t} t`)}`);
  const role = testStack.sql(`select rolsuper, rolcreaterole, rolcreatedb, rolbypassrls from pg_roles where rolname = 'citygis_web'`);
  return [...rows, `citygis_web:${role}`, `pwned-file:${existsSync('/tmp/citygis-pwned')}`].join('\n');
}
