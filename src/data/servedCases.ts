import { z } from 'zod';
import type { ClassCount } from '../map/columns/countTable';
import type { TimeRange } from '../state/filters';
import { dataError, type DataError } from './errors';
import { fetchJson } from './http';
import { itemsPageUrl } from './query';
import { err, ok, type Result } from './result';
import { SERVED_CASE_LAYERS, type ServedCaseLayerId } from './servedLayers';

/**
 * The legends' counts of the case layers the server keeps (patches, railway issues): cases per
 * town and value of each filter attribute, reported (detected) in a time range, or in all time.
 */
export interface CaseCount extends ClassCount {
  layer: ServedCaseLayerId;
}

/** Case counts of every served case layer, by layer. */
export type CaseCounts = Readonly<Record<ServedCaseLayerId, readonly CaseCount[]>>;

const row = z.object({
  properties: z.object({
    layer: z.enum(SERVED_CASE_LAYERS),
    town: z.string(),
    k1: z.string(),
    k2: z.string(),
    // '' for a layer with two filters: MapServer writes an empty text as null.
    k3: z.string().nullable(),
    cases: z.number().int().nonnegative(),
  }),
});
const page = z.object({ features: z.array(row) });

/** Every row of case-counts for [from, to), or for all time without a range. */
export const caseCountsUrl = (ogcApiUrl: string, range?: TimeRange) =>
  itemsPageUrl(ogcApiUrl, 'case-counts', { limit: '10000', ...(range ? { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() } : {}) });

/** The rows of a case-counts page by layer (each with as many values as its layer has filters), or what is wrong with it. */
export function parseCaseCounts(payload: unknown): Result<CaseCounts, string> {
  const parsed = page.safeParse(payload);
  if (!parsed.success) return err(parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const byLayer: Record<ServedCaseLayerId, CaseCount[]> = { patches: [], railway: [] };
  for (const { properties: p } of parsed.data.features) {
    const values = p.layer === 'patches' ? [p.k1, p.k2, p.k3 ?? ''] : [p.k1, p.k2];
    byLayer[p.layer].push({ layer: p.layer, town: p.town, values, count: p.cases });
  }
  return ok(byLayer);
}

/** The served case layers' counts for a range (all time without one), or why they could not be read. */
export async function readCaseCounts(ogcApiUrl: string, range: TimeRange | undefined, signal?: AbortSignal): Promise<Result<CaseCounts, DataError>> {
  const url = caseCountsUrl(ogcApiUrl, range);
  const res = await fetchJson(url, 'case-counts', { signal, timeoutMs: 30_000 });
  if (!res.ok) return res;
  const counts = parseCaseCounts(res.value);
  return counts.ok ? counts : err(dataError('payload', 'case-counts', `case-counts: ${counts.error} (${url})`));
}

export const sameRange = (a: TimeRange | undefined, b: TimeRange) => a !== undefined && a.from === b.from && a.to === b.to;
