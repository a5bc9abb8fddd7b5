import type { Feature, Point } from 'geojson';
import { buildCaseTable, LIFECYCLE_FIELDS, type CaseTable } from '../cases/caseTable';
import { buildTownIndex } from '../towns/townIndex';

// The warnings' tests' cases: lamp faults in two towns side by side (x in 0–1, 1–2).
export const TOWN_CODES = ['370114001', '370114002'];
const towns = buildTownIndex(TOWN_CODES.map((code, i) => ({ code, geometry: { type: 'Polygon' as const, coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 1], [i, 0]]] } })));

/** A case reported, handled (and closed) and due at the given moments. */
export function caseAt(id: string, reported: number, handled: number | null, deadline: number, extra: Record<string, unknown> = {}): Feature<Point, Record<string, unknown>> {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [typeof extra.x === 'number' ? extra.x : 0.5, typeof extra.y === 'number' ? extra.y : 0.5] },
    properties: { reportedAt: iso(reported), handledAt: iso(handled), closedAt: iso(handled), deadline: iso(deadline), cause: 'cable', ...extra },
  };
}
export const tableOf = (cases: Feature<Point, Record<string, unknown>>[]): CaseTable => buildCaseTable(cases, towns, { ...LIFECYCLE_FIELDS, category: 'cause' }, ['cable', 'lightSource']);

