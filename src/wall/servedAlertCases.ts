import { z } from 'zod';
import { dataError, type DataError } from '../data/errors';
import { fetchJson } from '../data/http';
import { itemsPageUrl } from '../data/query';
import { err, ok, type Result } from '../data/result';
import type { AlertCaseGroups, TownCaseGroup } from './alerts';

const row = z.object({
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: z.object({ kind: z.enum(['newPatches', 'railwayOpen']), town: z.string(), cases: z.number().int().positive(), at: z.number() }),
});
const page = z.object({ features: z.array(row) });

const iso = (ms: number) => new Date(ms).toISOString();

/** The case-alerts question for these windows (alertWindows). */
export const caseAlertsUrl = (ogcApiUrl: string, w: { newSince: number; now: number; openBefore: number }) =>
  itemsPageUrl(ogcApiUrl, 'case-alerts', { limit: '1000', since: iso(w.newSince), until: iso(w.now), before: iso(w.openBefore) });

/** A case-alerts page as the wall's groups, or what is wrong with it. */
export function parseCaseAlerts(payload: unknown): Result<AlertCaseGroups, string> {
  const parsed = page.safeParse(payload);
  if (!parsed.success) return err(parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const groups = (kind: 'newPatches' | 'railwayOpen'): TownCaseGroup[] =>
    parsed.data.features.filter((f) => f.properties.kind === kind).map((f) => ({ town: f.properties.town, count: f.properties.cases, at: f.properties.at, position: f.geometry.coordinates }));
  return ok({ newPatches: groups('newPatches'), oldRailwayIssues: groups('railwayOpen') });
}

/** The server's grouping of the wall's case alerts (source=server: the page holds neither patches nor railway issues). */
export async function readCaseAlerts(ogcApiUrl: string, w: { newSince: number; now: number; openBefore: number }, signal?: AbortSignal): Promise<Result<AlertCaseGroups, DataError>> {
  const url = caseAlertsUrl(ogcApiUrl, w);
  const res = await fetchJson(url, 'case-alerts', { signal, timeoutMs: 30_000 });
  if (!res.ok) return res;
  const groups = parseCaseAlerts(res.value);
  return groups.ok ? groups : err(dataError('payload', 'case-alerts', `case-alerts: ${groups.error} (${url})`));
}
