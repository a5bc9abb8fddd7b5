import { dataError, type DataError } from './errors';
import { err, ok, type Result } from './result';
import type { LoadProgress } from './source';

export interface FetchOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  onBytes?: (p: LoadProgress) => void;
  /** `no-cache`: asked of the server again, whatever a cache holds (a read that asks whether the data changed). */
  cache?: RequestCache;
}

async function readBody(response: Response, onBytes?: (p: LoadProgress) => void): Promise<ArrayBuffer> {
  if (!onBytes || !response.body) return response.arrayBuffer();
  const total = Number(response.headers.get('content-length')) || null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onBytes({ loaded, total, unit: 'bytes' });
  }
  const body = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) {
    body.set(c, offset);
    offset += c.byteLength;
  }
  return body.buffer;
}

/** GET a body; every failure (network, status, time-out, abort) comes back as a DataError naming the collection. */
export async function fetchBody(url: string, collection: string, options: FetchOptions): Promise<Result<ArrayBuffer, DataError>> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await fetch(url, { signal, cache: options.cache, headers: { accept: 'application/geo+json, application/json' } });
    if (!response.ok) {
      return err(dataError('http', collection, `${collection}: the server answered ${response.status} ${response.statusText} for ${url}`, response.status));
    }
    return ok(await readBody(response, options.onBytes));
  } catch (e) {
    if (options.signal?.aborted) return err(dataError('aborted', collection, `${collection}: loading was cancelled`));
    if (timeout.aborted) return err(dataError('timeout', collection, `${collection}: no answer from ${url} within ${options.timeoutMs / 1000} s`));
    return err(dataError('network', collection, `${collection}: could not reach ${url} (${e instanceof Error ? e.message : String(e)})`));
  }
}

/** GET a small JSON document (a manifest, a collection list) and parse it here. */
export async function fetchJson(url: string, collection: string, options: FetchOptions): Promise<Result<unknown, DataError>> {
  const body = await fetchBody(url, collection, options);
  if (!body.ok) return body;
  try {
    return ok(JSON.parse(new TextDecoder().decode(body.value)) as unknown);
  } catch (e) {
    return err(dataError('parse', collection, `${collection}: the response from ${url} is not valid JSON (${e instanceof Error ? e.message : String(e)})`));
  }
}
