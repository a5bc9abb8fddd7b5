import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { serverUrl, testStack } from './support';

/** Every cap of the gate (server/gate.lua), the web role's statement timeout, and what each response carries. */
const mapserv = () => serverUrl().replace(/\/citygis$/, '');
const items = (collection: string, query: string) => `${serverUrl()}/ogcapi/collections/${collection}/items?f=json&${query}`;
const tileUrl = (tile: string, extra = '') => `${mapserv()}?map=citygis&mode=tile&tilemode=gmap&tile=${tile}&layers=lamps-tiles&map.imagetype=mvt${extra}`;
const run = promisify(execFile);

const YEAR_MS = 365 * 86_400_000;
const FROM_MS = Date.UTC(2024, 0, 1);
const numbers = (n: number) => Array.from({ length: n }, (_, i) => FROM_MS + i * 3_600_000).join(',');
const codes = (n: number) => Array.from({ length: n }, (_, i) => `3701140${String(i).padStart(2, '0')}`).join(',');

async function refusal(url: string, init?: RequestInit) {
  const started = performance.now();
  const res = await fetch(url, init);
  const body = await res.text();
  return { status: res.status, ms: performance.now() - started, body, headers: res.headers };
}

describe('every cap answers 4xx with a message, never a long query', () => {
  const capped: [string, string, RegExp][] = [
    ['limit over 10,000', items('lamps', 'limit=10001'), /^limit: a whole number from 1 to 10000$/],
    ['65 towns', items('town-stats', `towns=${codes(65)}`), /^towns: at most 64 towns$/],
    ['65 KPI windows', items('kpi-windows', `windows=${numbers(130)}`), /^windows: at most 128 values$/],
    ['257 series edges', items('case-series', `edges=${numbers(257)}`), /^edges: at most 256 values$/],
    ['edges out of order', items('case-series', `edges=${FROM_MS + YEAR_MS},${FROM_MS}`), /^edges: ascending edges$/],
    ['65 assessment windows', items('assessment', `windows=${numbers(130)}`), /^windows: at most 128 values$/],
    ['a lamp unit that is not a code', items('assessment', `windows=${FROM_MS},${FROM_MS + YEAR_MS}&lampUnit=${encodeURIComponent("L'1")}`), /^lampUnit: /],
    ['over 1,000 open cases per group', items('assessment-detail', 'shown=1001'), /^shown: a whole number from 0 to 1000$/],
    ['a window ending before it starts', items('kpi-windows', `windows=${FROM_MS + YEAR_MS},${FROM_MS}`), /^windows: each window's FROM at or before its TO$/],
    ['class filters over 2,048 characters', items('town-stats', `classes=${encodeURIComponent(`{"streetLamps":{"status":[${Array(300).fill('"faulty"').join(',')}]}}`)}`), /^classes: at most 2048 characters$/],
    ['class filters that are not the app’s JSON', items('town-stats', `classes=${encodeURIComponent('{"streetLamps":["faulty"]}')}`), /^classes: a JSON object/],
    ['a time span from before 1990', items('town-stats', 'from=1900-01-01T00:00:00Z'), /^from: a year from 1990 to 2099$/],
    ['epoch times past 2100', items('case-series', `edges=${FROM_MS},${Date.UTC(2200, 0, 1)}`), /^edges: times from 1990 to 2100/],
    ['an unknown hot-spot layer', items('hot-cells', 'layers=lamps,secrets'), /^layers: /],
    ['a bbox outside the world', items('lamps', 'bbox=-200,0,10,10'), /^bbox: /],
    ['an unknown parameter', items('lamps', 'sortby=id'), /^unknown parameter sortby$/],
    ['a parameter given twice', items('lamps', 'after=a&after=b'), /^parameter after is given twice$/],
    ['a query over 6,144 characters', items('lamps', `after=a&x=${'y'.repeat(6200)}`), /longer than 6144/],
    ['a tile past zoom 20', tileUrl('0+0+21'), /^tile: /],
    ['a tile outside its zoom’s grid', tileUrl('16+3+4'), /^tile: /],
    ['a tile of a layer that is not served as tiles', `${mapserv()}?map=citygis&mode=tile&tilemode=gmap&tile=1+1+2&layers=towns&map.imagetype=mvt`, /^layers: /],
    ['a tile’s data version that is not a version', tileUrl('1+1+2', '&v=%3Cscript%3E'), /^v: letters, digits/],
    ['a tile in another format', `${mapserv()}?map=citygis&mode=tile&tilemode=gmap&tile=1+1+2&layers=lamps-tiles&map.imagetype=png`, /^map.imagetype: mvt$/],
    ['an HTML page', items('lamps', 'limit=1').replace('f=json', 'f=html'), /HTML pages are off/],
  ];

  it.each(capped)('%s: 400 with the reason, at once', async (_, url, reason) => {
    const answer = await refusal(url);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).description).toMatch(reason);
    expect(answer.ms).toBeLessThan(1000);
  });

  it('WMS and WFS are off: a WFS GetFeature (which would return whole tables) and a WMS GetMap are refused with 403', async () => {
    for (const query of ['SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=lamp-faults', 'SERVICE=WMS&REQUEST=GetMap&LAYERS=lamps&WIDTH=99999&HEIGHT=99999']) {
      const answer = await refusal(`${serverUrl()}?${query}`);
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body).description).toMatch(/WMS and WFS are off/);
    }
  });

  it('only GET and HEAD reach MapServer: POST, PUT and DELETE get 405 with Allow; a large body is cut short by lighttpd', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const answer = await refusal(items('roads', 'limit=1'), { method, body: 'after=x' });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.get('allow')).toBe('GET, HEAD');
    }
    const big = await refusal(items('roads', 'limit=1'), { method: 'POST', body: 'x'.repeat(64 * 1024) });
    expect([405, 413]).toContain(big.status);
    expect((await fetch(items('roads', 'limit=1'), { method: 'HEAD' })).status).toBe(200);
  });

  it('headers over 8 KB are refused by lighttpd before anything runs', async () => {
    const res = await fetch(items('roads', 'limit=1'), { headers: { 'x-filler': 'y'.repeat(9000) } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('an expensive question stops at the web role’s statement timeout while another request is answered meanwhile', async () => {
    // Statement timeout 150 ms for these two MapServer processes (the stack's is 20 s, too long to
    // wait for here); the six-year town statistics take ~250 ms uncached at 1x.
    const env = (query: string, path: string) => ({
      MAPSERVER_CONFIG_FILE: `${testStack.runDir}/mapserver.conf`,
      REQUEST_METHOD: 'GET',
      PATH_INFO: `/citygis/ogcapi/collections/${path}/items`,
      QUERY_STRING: query,
      PGOPTIONS: '-c statement_timeout=150',
    });
    const timed = async (query: string, path: string) => {
      const started = performance.now();
      const { stdout } = await run('/usr/lib/cgi-bin/mapserv', { env: env(query, path), maxBuffer: 64 << 20 });
      return { ms: performance.now() - started, stdout, done: performance.now() };
    };
    const uncached = `f=json&limit=100&from=2021-01-01T00:00:00.${String(Date.now() % 1000).padStart(3, '0')}Z&to=2026-12-01T00:00:00.000Z`;
    const [slow, small] = await Promise.all([timed(uncached, 'town-stats'), timed('f=json&limit=5', 'towns')]);
    expect(slow.stdout).toMatch(/"code":"NotFound"|query failed/);
    expect(slow.ms).toBeLessThan(3000);
    expect(small.stdout).toMatch(/"numberReturned":5/);
    expect(small.done).toBeLessThan(slow.done);
    // Without the cut the same question answers: the refusal above was the timeout's.
    const { stdout } = await run('/usr/lib/cgi-bin/mapserv', { env: { ...env(uncached, 'town-stats'), PGOPTIONS: '' }, maxBuffer: 64 << 20 });
    expect(stdout).toMatch(/"numberReturned":20/);
  });

  it('the web role’s own limits are set: statement_timeout 20 s, work_mem 32 MB, at most 32 connections', () => {
    expect(testStack.sql('show statement_timeout', 'citygis_web')).toBe('20s');
    expect(testStack.sql('show work_mem', 'citygis_web')).toBe('32MB');
    expect(testStack.sql(`select rolconnlimit from pg_roles where rolname = 'citygis_web'`)).toBe('32');
  });
});

describe('safe output: JSON only, never markup run on the app’s origin, and security headers on every response', () => {
  const MARKUP = `<script>alert('stored')</script><img src=x onerror=alert(1)>`;

  it('markup stored in a feature comes back only inside JSON, never as a page a browser would render', async () => {
    const road = testStack.sql(`select id from citygis.roads order by id limit 1`);
    const name = testStack.sql(`select name from citygis.roads where id = '${road}'`);
    testStack.sql(`update citygis.roads set name = $t$${MARKUP}$t$ where id = '${road}'`);
    try {
      const asked = [
        { url: items('roads', 'limit=1'), accept: 'application/json' },
        { url: items('roads', 'limit=1').replace('f=json&', ''), accept: 'text/html,application/xhtml+xml' },
        { url: `${serverUrl()}/ogcapi/collections/roads/items/${road}`, accept: 'text/html' },
        { url: `${serverUrl()}/ogcapi/collections/roads/items/${road}?f=html`, accept: 'text/html' },
      ];
      for (const { url, accept } of asked) {
        const res = await fetch(url, { headers: { accept } });
        const body = await res.text();
        expect(res.headers.get('content-type'), url).toMatch(/^application\/(geo\+)?json/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
        if (res.ok) expect(JSON.stringify(JSON.parse(body))).toContain(JSON.stringify(MARKUP).slice(1, -1));
        else expect(body).not.toContain('<script>');
      }
    } finally {
      testStack.sql(`update citygis.roads set name = $t$${name}$t$ where id = '${road}'`);
    }
  });

  it('a refusal echoes nothing a browser could run: the parameter name is escaped in its JSON', async () => {
    const res = await fetch(items('roads', `${encodeURIComponent('<img src=x onerror=alert(1)>')}=1`));
    const body = await res.text();
    expect(res.status).toBe(400);
    expect(body).not.toContain('<img');
    expect(JSON.parse(body).description).toBe('unknown parameter <img src=x onerror=alert(1)>');
  });

  it('every kind of response carries the CSP with frame-ancestors none, nosniff and a referrer policy, and no version banner', async () => {
    const urls = [
      `${testStack.origin}/`,
      `${testStack.origin}/index.html`,
      `${testStack.origin}/no-such-file.js`,
      `${serverUrl()}/ogcapi?f=json`,
      items('towns', 'limit=1'),
      `${serverUrl()}/ogcapi/collections/towns/items/no-such-town?f=json`,
      tileUrl('13442+6302+14'),
      items('towns', 'limit=0'),
      `${serverUrl()}?SERVICE=WFS`,
      items('towns', 'after=%0A'),
    ];
    for (const url of urls) {
      const res = await fetch(url);
      await res.arrayBuffer();
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, url).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(res.headers.get('server') ?? '', url).not.toMatch(/\d/);
      expect(res.headers.get('x-powered-by'), url).toBeNull();
    }
  });

  it('the app’s own page is served with its content security policy as a header (the meta tag cannot forbid framing)', async () => {
    const res = await fetch(`${testStack.origin}/`);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';.*frame-ancestors 'none'$/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('the app and its scripts are served cross-origin isolated, so the page and its workers share the columns', async () => {
    const page = await fetch(`${testStack.origin}/`);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())?.[1];
    expect(script).toBeDefined();
    for (const res of [page, await fetch(`${testStack.origin}${script}`)]) {
      expect(res.headers.get('cross-origin-opener-policy'), res.url).toBe('same-origin');
      expect(res.headers.get('cross-origin-embedder-policy'), res.url).toBe('require-corp');
    }
  });
});
