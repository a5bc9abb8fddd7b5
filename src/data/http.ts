import { dataError, type DataError } from './errors';
import { err, ok, type Result } from './result';
import type { LoadProgress } from './source';

export interface FetchJsonOptions {
  signal?: AbortSignal;
  timeoutMs: number;
  onBytes?: (p: LoadProgress) => void;
}

async function readBody(response: Response, onBytes?: (p: LoadProgress) => void): Promise<string> {
  if (!onBytes || !response.body) return response.text();
  const total = Number(response.headers.get('content-length')) || null;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    onBytes({ loaded, total, unit: 'bytes' });
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** GET a JSON document; every failure (network, status, time-out, abort, bad JSON) comes back as a DataError. */
export async function fetchJson(url: string, collection: string, options: FetchJsonOptions): Promise<Result<unknown, DataError>> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let text: string;
  try {
    const response = await fetch(url, { signal, headers: { accept: 'application/geo+json, application/json' } });
    if (!response.ok) {
      return err(dataError('http', collection, `${collection}: the server answered ${response.status} ${response.statusText} for ${url}`, response.status));
    }
    text = await readBody(response, options.onBytes);
  } catch (e) {
    if (options.signal?.aborted) return err(dataError('aborted', collection, `${collection}: loading was cancelled`));
    if (timeout.aborted) return err(dataError('timeout', collection, `${collection}: no answer from ${url} within ${options.timeoutMs / 1000} s`));
    return err(dataError('network', collection, `${collection}: could not reach ${url} (${e instanceof Error ? e.message : String(e)})`));
  }
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (e) {
    return err(dataError('parse', collection, `${collection}: the response from ${url} is not valid JSON (${e instanceof Error ? e.message : String(e)})`));
  }
}
