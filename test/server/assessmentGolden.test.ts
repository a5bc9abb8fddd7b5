import { describe, expect, it } from 'vitest';
import { parseCst } from '../../src/layers/common/time';
import { addIndicatorCounts, emptyCounts, indicatorRates } from '../../src/stats/assessment/indicators';
import { caseAt, tableOf } from '../../src/stats/warnings/testCases';
import { testStack } from './support';

const MIN = 60_000;
const HOUR = 60 * MIN;
const OCT = { from: parseCst(2025, 10, 1), to: parseCst(2025, 11, 1) };

interface GoldenCase {
  id: string;
  reported: number;
  handled: number | null;
  closed: number | null;
  deadline: number;
  reworks?: number;
  source?: string;
}

const r = parseCst(2025, 10, 10, 9, 0);
/** The boundaries the engine's golden tests (indicators.test.ts) name, and those at the period's edges. */
const CASES: GoldenCase[] = [
  { id: 'on-time-to-the-minute', reported: r, handled: r + 48 * HOUR, closed: r + 48 * HOUR, deadline: r + 48 * HOUR },
  { id: 'a-minute-late', reported: r, handled: r + 48 * HOUR + MIN, closed: r + 48 * HOUR + MIN, deadline: r + 48 * HOUR },
  { id: 'sent-back-twice', reported: r, handled: r + 30 * HOUR, closed: r + 31 * HOUR, deadline: r + 48 * HOUR, reworks: 2, source: 'hotline' },
  { id: 'closed-after-the-period', reported: parseCst(2025, 10, 20), handled: parseCst(2025, 11, 3), closed: parseCst(2025, 11, 3), deadline: parseCst(2025, 10, 25) },
  { id: 'spanning-months', reported: parseCst(2025, 10, 31, 23, 0), handled: parseCst(2025, 11, 1, 8, 0), closed: parseCst(2025, 11, 1, 8, 0), deadline: parseCst(2025, 11, 2, 23, 0) },
  { id: 'closed-early', reported: parseCst(2025, 10, 30, 9, 0), handled: parseCst(2025, 10, 30, 11, 0), closed: parseCst(2025, 10, 30, 12, 0), deadline: parseCst(2025, 11, 5) },
  { id: 'handled-not-closed', reported: r, handled: r + HOUR, closed: parseCst(2025, 11, 2), deadline: r + 48 * HOUR, source: 'app' },
  // Due exactly at the period's end: due, not yet overdue; handled exactly then: not handled within it.
  { id: 'due-at-the-end-open', reported: parseCst(2025, 10, 29), handled: null, closed: null, deadline: OCT.to },
  { id: 'due-at-the-end-handled-then', reported: parseCst(2025, 10, 29), handled: OCT.to, closed: OCT.to + HOUR, deadline: OCT.to },
  // Reported at the period's first instant (in it) and at its end (in the next).
  { id: 'reported-at-the-start', reported: OCT.from, handled: OCT.from + 2 * HOUR, closed: OCT.from + 3 * HOUR, deadline: OCT.from + 48 * HOUR, source: 'sensor' },
  { id: 'reported-at-the-end', reported: OCT.to, handled: OCT.to + HOUR, closed: OCT.to + HOUR, deadline: OCT.to + 48 * HOUR },
];

const sqlTime = (t: number | null) => (t === null ? 'null' : `'${new Date(t).toISOString()}'`);

/**
 * The SQL's counts of the district for October over these cases alone: temporary tables of the
 * same names shadow the loaded ones in this session (a function's search_path puts pg_temp first),
 * so nothing is written where other tests read.
 */
function sqlCounts(cases: GoldenCase[]): Record<string, number | null> {
  const rows = cases
    .map(
      (c) =>
        `('${c.id}', 'LP-1', '370114001', 'cable', 1, '${new Date(c.reported).toISOString()}', ${sqlTime(c.handled)}, ${sqlTime(c.closed)}, ${sqlTime(c.deadline)}, 'reported', '${c.source ?? 'patrol'}', '370114001', st_setsrid(st_makepoint(117.5, 36.7), 4326), ${c.reworks ?? 0})`,
    )
    .join(',\n');
  const columns = ['registered', 'due', 'closed', 'closedOnTime', 'handleDue', 'handled', 'handledOnTime', 'reworked', 'overdue', 'publicReports', 'meanHandleMinutes', 'medianHandleMinutes'];
  const out = testStack.sql(`
    create temp table lamp_faults (like citygis.lamp_faults including defaults);
    create temp table manhole_defects (like citygis.manhole_defects including defaults);
    create temp table railway_issues (like citygis.railway_issues including defaults);
    create temp table patches (like citygis.patches including defaults);
    insert into lamp_faults (id, asset_id, town_code, cause, lamps_affected, reported_at, handled_at, closed_at, deadline, status, source, located_town, geom, reworks)
      values ${rows};
    select ${columns.map((c) => `"${c}"`).join(', ')} from citygis.assessment(array['${new Date(OCT.from).toISOString()}'::timestamptz], array['${new Date(OCT.to).toISOString()}'::timestamptz], 'LAMP') where level = 'district';`);
  const last = out.split('\n').pop()!;
  // No case in the window: no district row, as the page reads it (every count 0, no duration).
  if (!last.includes('|')) return Object.fromEntries(columns.map((c) => [c, c.endsWith('Minutes') ? null : 0]));
  const values = last.split('|');
  return Object.fromEntries(columns.map((c, k) => [c, values[k] === '' ? null : Number(values[k])]));
}

function engineCounts(cases: GoldenCase[]) {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  const table = tableOf(cases.map((c) => caseAt(c.id, c.reported, c.handled, c.deadline, { closedAt: iso(c.closed), reworks: c.reworks ?? 0, source: c.source ?? 'patrol' })));
  const into = [emptyCounts()];
  addIndicatorCounts(table, OCT.from, OCT.to, () => [0], into);
  const { meanHandleMinutes, medianHandleMinutes } = indicatorRates(into[0]);
  const counts: Record<string, unknown> = { ...into[0], meanHandleMinutes, medianHandleMinutes };
  delete counts.handleMinutes;
  return counts;
}

describe('the assessment in SQL counts the golden cases as the engine does, boundaries included', () => {
  it('every count, and the mean and median minutes to handle, equal over the cases at each boundary', () => {
    const want = engineCounts(CASES);
    expect(want).toMatchObject({ registered: 10, overdue: 2, reworked: 1 });
    expect(sqlCounts(CASES)).toEqual(want);
  });

  it.each(CASES.map((c) => [c.id, c] as const))('%s, alone', (_id, c) => {
    expect(sqlCounts([c])).toEqual(engineCounts([c]));
  });
});
