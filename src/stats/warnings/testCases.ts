import type { Feature, Point } from 'geojson';
import { buildCaseTable, LIFECYCLE_FIELDS, type CaseTable } from '../cases/caseTable';
import { buildTownIndex } from '../towns/townIndex';

// The warnings' tests' cases: one town, lamp faults with one cause.
const towns = buildTownIndex([{ code: '370114001', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } }]);

/** A case reported, handled (and closed) and due at the given moments. */
export function caseAt(id: string, reported: number, handled: number | null, deadline: number, extra: Record<string, unknown> = {}): Feature<Point, Record<string, unknown>> {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [0.5, 0.5] },
    properties: { reportedAt: iso(reported), handledAt: iso(handled), closedAt: iso(handled), deadline: iso(deadline), cause: 'cable', ...extra },
  };
}
export const tableOf = (cases: Feature<Point, Record<string, unknown>>[]): CaseTable => buildCaseTable(cases, towns, { ...LIFECYCLE_FIELDS, category: 'cause' }, ['cable']);

