import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testStack } from './support';

/** Least privilege: what the web role (MapServer's) cannot do, who can log in, and who the processes run as. */
const asWeb = (statement: string) => testStack.sql(statement, 'citygis_web');
const refusedAsWeb = (statement: string) => {
  try {
    asWeb(statement);
  } catch (e) {
    return String((e as { stderr?: string }).stderr ?? e);
  }
  throw new Error(`the web role was allowed: ${statement}`);
};

describe('the web role may only read what it serves', () => {
  it('is no superuser and reads the published views', () => {
    expect(asWeb(`select rolsuper or rolcreaterole or rolcreatedb or rolbypassrls from pg_roles where rolname = current_user`)).toBe('f');
    expect(Number(asWeb('select count(*) from citygis.api_lamps'))).toBeGreaterThan(0);
  });

  it('cannot read pg_authid (the password hashes) nor a base table it does not serve', () => {
    expect(refusedAsWeb('select rolpassword from pg_authid')).toMatch(/permission denied for table pg_authid/);
    expect(refusedAsWeb('select * from citygis.lamp_faults limit 1')).toMatch(/permission denied/);
  });

  it('cannot write any table of the schema, nor create one, nor a temporary one', () => {
    const tables = testStack.sql(`select tablename from pg_tables where schemaname = 'citygis' order by 1`).split('\n');
    expect(tables.length).toBeGreaterThan(10);
    for (const t of tables) {
      expect(refusedAsWeb(`delete from citygis.${t} where false`), t).toMatch(/permission denied/);
      expect(refusedAsWeb(`insert into citygis.${t} select * from citygis.${t} where false`), t).toMatch(/permission denied/);
    }
    expect(refusedAsWeb('create table citygis.x (a int)')).toMatch(/permission denied/);
    expect(refusedAsWeb('create table public.x (a int)')).toMatch(/permission denied/);
    expect(refusedAsWeb('create temporary table x (a int)')).toMatch(/permission denied/);
  });

  it('cannot read files, run programs or run SQL text through the cache filler', () => {
    expect(refusedAsWeb(`select pg_read_file('/etc/passwd')`)).toMatch(/permission denied for function pg_read_file/);
    expect(refusedAsWeb(`select pg_ls_dir('.')`)).toMatch(/permission denied/);
    expect(refusedAsWeb(`copy (select 1) to program 'id'`)).toMatch(/must be superuser|pg_execute_server_program/);
    expect(refusedAsWeb(`copy citygis.lamps from '/etc/passwd'`)).toMatch(/permission denied|must be superuser|pg_read_server_files/);
    expect(refusedAsWeb(`select citygis.fill_cache('citygis.town_stats_cache', 'select 1')`)).toMatch(/permission denied for function fill_cache/);
    expect(refusedAsWeb(`set role citygis_owner`)).toMatch(/permission denied/);
    expect(refusedAsWeb(`alter role citygis_web superuser`)).toMatch(/permission denied|must be superuser/);
  });
});

describe('nobody logs in without a password over TCP', () => {
  const login = (user: string, passfile: string) =>
    execFileSync('psql', ['-w', '-qXtA', '-c', 'select 1'], {
      env: { ...process.env, PGHOST: '127.0.0.1', PGPORT: String(testStack.pgPort), PGUSER: user, PGDATABASE: 'citygis', PGPASSFILE: passfile },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it.each(['postgres', 'citygis_owner', 'citygis_web', 'citygis'])('%s without a password is refused', (user) => {
    expect(() => login(user, '/dev/null')).toThrow(/no password supplied|no pg_hba.conf entry|password authentication failed/);
  });

  it('the two roles log in with the generated passwords, kept root-only (0600 in a 0700 folder)', () => {
    const passfile = `${testStack.runDir}/secrets/pgpass`;
    expect(login('citygis_web', passfile).trim()).toBe('1');
    expect(statSync(`${testStack.runDir}/secrets`).mode & 0o777).toBe(0o700);
    for (const f of ['pgpass', 'citygis_owner.password', 'citygis_web.password']) expect(statSync(`${testStack.runDir}/secrets/${f}`).mode & 0o777, f).toBe(0o600);
    expect(readFileSync(`${testStack.runDir}/secrets/citygis_web.password`, 'utf8')).toMatch(/^[A-Za-z0-9]{30,}$/);
    // MapServer's copy holds the web role's password only, readable by www-data alone.
    const www = statSync(`${testStack.runDir}/www/pgpass`);
    expect(www.mode & 0o777).toBe(0o600);
    expect(readFileSync(`${testStack.runDir}/www/pgpass`, 'utf8')).not.toMatch(/citygis_owner/);
  });

  it('a wrong password is refused', () => {
    expect(() => login('citygis_web', '/dev/stdin')).toThrow();
  });
});

describe('the stack runs with least privilege and durable storage', () => {
  it('lighttpd and the MapServer processes run as www-data, not root', () => {
    const pid = readFileSync(`${testStack.runDir}/lighttpd.pid`, 'utf8').trim();
    const users = execFileSync('ps', ['-o', 'user=', '--ppid', pid, '-p', pid], { encoding: 'utf8' }).trim().split(/\s+/);
    expect(users.length).toBeGreaterThanOrEqual(2);
    expect(new Set(users)).toEqual(new Set(['www-data']));
  });

  it('fsync and full_page_writes are on after a load with --fast (which turned them off for the load only)', () => {
    expect(testStack.sql('show fsync')).toBe('on');
    expect(testStack.sql('show full_page_writes')).toBe('on');
    expect(testStack.sql('show synchronous_commit')).toBe('on');
  });
});
