import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../stats/series/buckets';
import type { TownRow } from '../stats/townMetrics';
import { evaluateAlerts, groupAlertCases, liveAcknowledgements, type AlertInputs } from './alerts';
import type { WarningsAnswer } from '../stats/warnings/warnings';
import { DEFAULT_WALL_CONFIG } from './wallConfig';

const NOW = Date.UTC(2026, 10, 30, 4);
const row = (code: string, lightingRate: number | null, overdueCases: number | null) => ({ code, values: { lightingRate, overdueCases } }) as unknown as TownRow;
const centers = new Map<string, [number, number]>([
  ['370114001', [117.5, 36.7]],
  ['370114002', [117.4, 36.8]],
]);
const base: AlertInputs = { rows: [], townCenters: centers, pendingPatches: [], openRailwayIssues: [], now: NOW, thresholds: DEFAULT_WALL_CONFIG.alerts };

const warnings = (over: Partial<WarningsAnswer>): WarningsAnswer => ({
  now: NOW,
  hours: 24,
  dueSoonCounts: { critical: 0, high: 0, watch: 0 },
  dueSoonByTown: [],
  dueSoonByUnit: [],
  repeatByTown: [],
  dueSoon: [],
  repeatCount: 0,
  repeats: [],
  anomalies: [],
  cells: [],
  forecast: [],
  ...over,
});

describe('wall alerts', () => {
  it('raises a town whose lighting rate is below the threshold, not one at it', () => {
    const alerts = evaluateAlerts({ ...base, rows: [row('370114001', 0.985, 0), row('370114002', 0.99, 0)] });
    expect(alerts).toEqual([
      { key: 'lightingRate:370114001', incident: 'lightingRate:370114001', kind: 'lightingRate', town: '370114001', value: 0.985, threshold: 0.99, position: [117.5, 36.7] },
    ]);
  });

  it('raises overdue cases above N, not at N, and ignores towns without figures', () => {
    const alerts = evaluateAlerts({ ...base, rows: [row('370114001', null, 21), row('370114002', null, 20), row('370114999', 0.5, 99)] });
    expect(alerts.map((a) => a.key)).toEqual(['overdueCases:370114001']);
  });

  it('counts patches still pending and detected within the last N days, marking the newest', () => {
    const patch = (townCode: string, daysAgo: number, x: number) => ({ townCode, detectedAt: NOW - daysAgo * DAY_MS, position: [x, 36] as [number, number] });
    const alerts = evaluateAlerts({ ...base, pendingPatches: [patch('370114001', 3, 1), patch('370114001', 1, 2), patch('370114001', 8, 3), patch('370114002', 30, 4)] });
    expect(alerts).toEqual([{ key: 'newPatches:370114001', incident: `newPatches:370114001@${NOW - DAY_MS}`, kind: 'newPatches', town: '370114001', value: 2, threshold: 7, position: [2, 36] }]);
  });

  it('counts railway issues open longer than N days, marking the oldest', () => {
    const issue = (daysAgo: number, x: number) => ({ townCode: '370114002', reportedAt: NOW - daysAgo * DAY_MS, position: [x, 36] as [number, number] });
    const [alert, ...rest] = evaluateAlerts({ ...base, openRailwayIssues: [issue(31, 1), issue(90.5, 2), issue(29, 3)] });
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ kind: 'railwayOpen', value: 2, oldestDays: 90, position: [2, 36] });
  });

  it('raises the same alerts from the server’s groups (source=server) as from the cases themselves', () => {
    const patch = (townCode: string, daysAgo: number, x: number) => ({ townCode, detectedAt: NOW - daysAgo * DAY_MS, position: [x, 36] as [number, number] });
    const issue = (daysAgo: number, x: number) => ({ townCode: '370114002', reportedAt: NOW - daysAgo * DAY_MS, position: [x, 37] as [number, number] });
    const cases = { pendingPatches: [patch('370114001', 3, 1), patch('370114001', 1, 2), patch('370114002', 2, 5), patch('370114002', 9, 6)], openRailwayIssues: [issue(31, 1), issue(90.5, 2), issue(29, 3)] };
    const fromCases = evaluateAlerts({ ...base, ...cases });
    const groups = groupAlertCases(cases, NOW, DEFAULT_WALL_CONFIG.alerts);
    expect(groups.newPatches).toEqual([
      { town: '370114001', count: 2, at: NOW - DAY_MS, position: [2, 36] },
      { town: '370114002', count: 1, at: NOW - 2 * DAY_MS, position: [5, 36] },
    ]);
    expect(groups.oldRailwayIssues).toEqual([{ town: '370114002', count: 2, at: NOW - 90.5 * DAY_MS, position: [2, 37] }]);
    const { rows, townCenters, now, thresholds } = base;
    expect(evaluateAlerts({ rows, townCenters, now, thresholds, groups })).toEqual(fromCases);
    expect(fromCases.map((a) => a.key)).toEqual(['newPatches:370114001', 'newPatches:370114002', 'railwayOpen:370114002']);
  });

  it('orders by kind, then town', () => {
    const alerts = evaluateAlerts({ ...base, rows: [row('370114002', 0.5, 50), row('370114001', 0.5, 0)] });
    expect(alerts.map((a) => a.key)).toEqual(['lightingRate:370114001', 'lightingRate:370114002', 'overdueCases:370114002']);
  });

  it('ties an acknowledgement to its incident: a newer patch in the same town is a new incident that pulses again', () => {
    const patch = (daysAgo: number) => ({ townCode: '370114001', detectedAt: NOW - daysAgo * DAY_MS, position: [1, 36] as [number, number] });
    const [first] = evaluateAlerts({ ...base, pendingPatches: [patch(3)] });
    const acknowledged = new Set([first.incident]);
    expect([...liveAcknowledgements(acknowledged, [first])]).toEqual([first.incident]);
    const [next] = evaluateAlerts({ ...base, pendingPatches: [patch(3), patch(1)] });
    expect(next.key).toBe(first.key);
    expect(liveAcknowledgements(acknowledged, [next]).has(next.incident)).toBe(false);
  });

  it('forgets the acknowledgement of an alert that has cleared', () => {
    const alerts = evaluateAlerts({ ...base, rows: [row('370114001', 0.5, 0)] });
    expect([...liveAcknowledgements(new Set(['lightingRate:370114001', 'lightingRate:370114002']), alerts)]).toEqual(['lightingRate:370114001']);
  });

  it('raises a town with cases due within 8 hours (how many within 2), not one whose cases are due later', () => {
    const due = warnings({
      dueSoonByTown: [
        { town: '370114001', counts: { critical: 1, high: 2, watch: 5 } },
        { town: '370114002', counts: { critical: 0, high: 0, watch: 4 } },
      ],
    });
    expect(evaluateAlerts({ ...base, warnings: due })).toEqual([
      { key: 'dueSoon:370114001', incident: 'dueSoon:370114001', kind: 'dueSoon', town: '370114001', value: 3, threshold: 8, critical: 1, position: [117.5, 36.7] },
    ]);
    expect(evaluateAlerts({ ...base, warnings: due, thresholds: { ...base.thresholds, dueSoonAlerts: 'off' } })).toEqual([]);
  });

  it('raises a town’s count above its baseline, with its window and usual range, and not the district’s', () => {
    const anomaly = { layer: 'lamps' as const, window: 'day' as const, from: NOW - DAY_MS, to: NOW, count: 39, expected: 2, low: 0, high: 5, p: 1e-30, seasonal: 1 };
    const found = warnings({ anomalies: [{ ...anomaly, town: '370114002', category: null }, { ...anomaly, town: null, category: 'power' }] });
    expect(evaluateAlerts({ ...base, warnings: found })).toEqual([
      { key: 'anomaly:lamps:day:370114002', incident: 'anomaly:lamps:day:370114002', kind: 'anomaly', town: '370114002', value: 39, threshold: 5, anomaly: { layer: 'lamps', window: 'day', low: 0, high: 5 }, position: [117.4, 36.8] },
    ]);
    expect(evaluateAlerts({ ...base, warnings: found, thresholds: { ...base.thresholds, anomalyAlerts: 'off' } })).toEqual([]);
  });

  it('raises a town’s category above its baseline only where the town’s whole count is not raised', () => {
    const anomaly = { layer: 'lamps' as const, window: 'day' as const, from: NOW - DAY_MS, to: NOW, count: 9, expected: 1, low: 0, high: 3, p: 1e-9, seasonal: 1 };
    const alone = warnings({ anomalies: [{ ...anomaly, town: '370114002', category: 'cable' }] });
    expect(evaluateAlerts({ ...base, warnings: alone }).map((a) => [a.key, a.anomaly?.category])).toEqual([['anomaly:lamps:day:370114002:cable', 'cable']]);
    const withTown = warnings({ anomalies: [{ ...anomaly, town: '370114002', category: null }, { ...anomaly, town: '370114002', category: 'cable' }] });
    expect(evaluateAlerts({ ...base, warnings: withTown }).map((a) => a.key)).toEqual(['anomaly:lamps:day:370114002']);
  });

  it('raises a cluster on its cell, in its town, under the anomaly switch; not one outside the towns', () => {
    const cell = { layer: 'manholes' as const, cell: '8830a45b17fffff', town: '370114001', center: [117.51, 36.71] as [number, number], boundary: [], from: NOW - 7 * DAY_MS, to: NOW, count: 6, expected: 0, low: 0, high: 0, p: 0 };
    const found = warnings({ cells: [cell, { ...cell, cell: '8830a45b13fffff', town: null }] });
    expect(evaluateAlerts({ ...base, warnings: found })).toEqual([
      { key: 'cluster:manholes:8830a45b17fffff', incident: 'cluster:manholes:8830a45b17fffff', kind: 'cluster', town: '370114001', value: 6, threshold: 0, anomaly: { layer: 'manholes', window: 'week', low: 0, high: 0 }, position: [117.51, 36.71] },
    ]);
    expect(evaluateAlerts({ ...base, warnings: found, thresholds: { ...base.thresholds, anomalyAlerts: 'off' } })).toEqual([]);
  });

  it('raises a town with assets failing again, as a new occurrence when one of them fails once more; not outside the towns', () => {
    const found = warnings({ repeatByTown: [{ town: '370114001', assets: 2, last: NOW - DAY_MS }, { town: null, assets: 1, last: NOW }] });
    const [alert] = evaluateAlerts({ ...base, warnings: found });
    expect(evaluateAlerts({ ...base, warnings: found })).toHaveLength(1);
    expect(alert).toEqual({ key: 'repeat:370114001', incident: `repeat:370114001:${NOW - DAY_MS}`, kind: 'repeat', town: '370114001', value: 2, threshold: 1, position: [117.5, 36.7] });
    const again = evaluateAlerts({ ...base, warnings: warnings({ repeatByTown: [{ town: '370114001', assets: 2, last: NOW }] }) })[0];
    expect(again.key).toBe(alert.key);
    expect(again.incident).not.toBe(alert.incident);
    expect(evaluateAlerts({ ...base, warnings: found, thresholds: { ...base.thresholds, repeatAlerts: 'off' } })).toEqual([]);
  });

  it('puts the early warnings after the lighting and overdue alerts and before the patches', () => {
    const alerts = evaluateAlerts({
      ...base,
      rows: [row('370114002', 0.9, 0)],
      pendingPatches: [{ townCode: '370114001', detectedAt: NOW - DAY_MS, position: [1, 36] }],
      warnings: warnings({ dueSoonByTown: [{ town: '370114001', counts: { critical: 1, high: 0, watch: 0 } }] }),
    });
    expect(alerts.map((a) => a.kind)).toEqual(['lightingRate', 'dueSoon', 'newPatches']);
  });
});
