/**
 * What an attacker sends: SQL injection payloads, each also wrapped in the line breaks and line
 * separators that slipped past MapServer 8.0.0's validation patterns, and every place a request
 * value is substituted into the server's SQL (server/mapserver/*.map) or read by the tile path.
 */

/** Payloads that would change SQL if a value became SQL text (some would sleep 3 s, some write, some read secrets). */
export const PAYLOADS: readonly string[] = [
  "'",
  "''",
  "' or '1'='1",
  "' or 1=1 --",
  "x' or 'x'='x",
  "') or ('1'='1",
  "1)) or ((1=1",
  "' and (select pg_sleep(3)) is null and id > '",
  "'||pg_sleep(3)||'",
  "'; select pg_sleep(3); --",
  '1; select pg_sleep(3)',
  "2021-01-01T00:00:00Z'::timestamptz + (select pg_sleep(3))::text::interval --",
  "0,1'); select pg_sleep(3); --",
  "' union select null, null, null --",
  "' union select rolname, rolpassword, null from pg_authid --",
  "x' and 1 = cast((select rolpassword from pg_authid limit 1) as int) --",
  "' or pg_read_file('/etc/passwd') is not null --",
  "'; copy (select 1) to program 'touch /tmp/citygis-pwned'; --",
  "'; update citygis.lamps set status = 'pwned'; --",
  "'; delete from citygis.lamp_faults; --",
  "'; drop table citygis.lamps; --",
  "'; alter role citygis_web superuser; --",
  "'; set role postgres; --",
  "$$; select 1; $$",
  "'/**/or/**/1=1/**/--",
  "' OR 1=1 #",
  "\\' or 1=1 --",
  "\" or \"1\"=\"1",
  "E'\\x27' or 1=1",
  "chr(39) || 'x'",
  "x'::text || (select current_setting('data_directory')) || '",
  '%27%20or%201%3D1',
  '%2527',
  '%250A%27',
  '{"streetLamps":{"status":["x\'); select pg_sleep(3); --"]}}',
  '{"streetLamps":{"status":["faulty"]}}\'); select 1; --',
  '[]',
  '{}}',
  '1e400',
  '-1',
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  'A'.repeat(5000),
  '9'.repeat(400),
  'lamps-tiles\' or \'1',
];

/** Line breaks and separators, each put before or after a payload. */
export const LINE_SEPARATORS: readonly string[] = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085'];

/** Every payload as it is, and wrapped once in a line separator (before for even ones, after for odd), all separators used. */
export function wrappedPayloads(): string[] {
  return PAYLOADS.flatMap((p, i) => {
    const sep = LINE_SEPARATORS[i % LINE_SEPARATORS.length];
    return [p, i % 2 === 0 ? `${sep}${p}` : `${p}${sep}`];
  });
}

/** One substituted parameter of one endpoint: the path under the stack's /mapserv, and the other parameters of a request that works. */
export interface Slot {
  path: string;
  parameter: string;
  others: Record<string, string>;
}

const ITEMS_BASE = { f: 'json', limit: '5' };
const TIME = { from: '2025-06-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z' };
const FILTER = { towns: '370114001', classes: '{}' };

const items = (collection: string, parameters: Record<string, string>): Slot[] =>
  Object.keys(parameters).map((parameter) => ({ path: `/citygis/ogcapi/collections/${collection}/items`, parameter, others: { ...ITEMS_BASE, ...parameters } }));

/** Every parameter the mapfiles substitute, per collection, plus the tile request's own. */
export const SLOTS: readonly Slot[] = [
  ...['district', 'towns', 'roads', 'railways', 'railway-corridor'].flatMap((c) => items(c, { after: '' })),
  ...['lamps', 'manholes'].flatMap((c) => items(c, { after: '', prefix: '', town: '', classes: '{}' })),
  ...['lamp-faults', 'manhole-defects'].flatMap((c) => items(c, { after: '', prefix: '', asset: '', ...TIME })),
  ...['patches', 'railway-issues'].flatMap((c) => items(c, { after: '', prefix: '', town: '', classes: '{}', ...TIME })),
  ...items('case-counts', { after: '', ...TIME }),
  ...items('case-alerts', { after: '', since: TIME.from, until: TIME.to, before: TIME.from }),
  ...items('warnings', { after: '', now: TIME.to, hours: '24', shown: '5', ...FILTER }),
  ...items('town-stats', { ...TIME, ...FILTER }),
  ...items('case-series', { edges: '1748707200000,1751299200000', ...FILTER }),
  ...items('kpi-windows', { windows: '1748707200000,1751299200000', ...FILTER }),
  ...items('assessment', { after: '', windows: '1748707200000,1751299200000', lampUnit: 'LAMP' }),
  ...items('assessment-detail', { after: '', ...TIME, lampUnit: 'LAMP', shown: '5' }),
  ...['hour-week', 'hot-cells'].flatMap((c) => items(c, { ...TIME, ...FILTER, layers: 'lamps,manholes,railway' })),
  ...['tile', 'layers', 'map', 'mode', 'tilemode', 'map.imagetype', 'v'].map((parameter) => ({
    path: '',
    parameter,
    others: { map: 'citygis', mode: 'tile', tilemode: 'gmap', tile: '13442 6302 14', layers: 'lamps-tiles', 'map.imagetype': 'mvt', v: '1a2b3c4d' },
  })),
];

/** The slot's query with `value` in its parameter, form-encoded as a browser or curl would send it. */
export const queryWith = (slot: Slot, value: string) => new URLSearchParams({ ...slot.others, [slot.parameter]: value }).toString();

/** What would show that a payload read what the web role may not: a password hash, a system file, the server's version or folders. */
export const LEAK_MARKERS: readonly RegExp[] = [/SCRAM-SHA-256\$/, /root:x:0:0/, /PostgreSQL \d+\.\d+ on/, /\/var\/lib\/postgresql|\.server-test\/pg/];
