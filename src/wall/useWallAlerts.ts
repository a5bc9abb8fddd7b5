import { useCallback, useEffect, useMemo, useState } from 'react';
import { selectFeatures, selectTable, useAppStore } from '../state/store';
import { anchorAt, propertyAt, textAt, timesOf } from '../data/columnar/readTable';
import type { TownRow } from '../stats/townMetrics';
import { alertWindows, evaluateAlerts, liveAcknowledgements, type AlertCaseGroups, type WallAlert } from './alerts';
import { readCaseAlerts } from './servedAlertCases';
import { useServerApi } from '../app/stats/serverApi';
import { useKeyedAnswer } from '../app/useKeyedAnswer';
import { figuresOf } from '../app/stats/statsReading';
import { useStatistics } from '../app/stats/useStatistics';
import type { WallConfig } from './wallConfig';

/** Acknowledged incidents (WallAlert.incident); v2: v1 held kind:town keys, which outlived their incidents. */
const STORAGE_KEY = 'zq.wall.acknowledged.v2';

function readAcknowledged(): Set<string> {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return new Set(Array.isArray(saved) ? saved.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

function writeAcknowledged(incidents: ReadonlySet<string>) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify([...incidents]));
  } catch {
    // A wall without storage keeps its acknowledgements until it reloads.
  }
}

/**
 * The alerts the thresholds raise on the current data, and which of their incidents someone has
 * acknowledged (kept in localStorage, so a soft re-initialisation or reload keeps them).
 */
export function useWallAlerts(rows: readonly TownRow[] | null, thresholds: WallConfig['alerts']) {
  const towns = useAppStore((s) => selectFeatures(s, 'towns'));
  const patches = useAppStore((s) => selectTable(s, 'patches'));
  const issues = useAppStore((s) => selectTable(s, 'railway-issues'));
  const asOf = useAppStore((s) => s.asOf);

  // The cases the rules look at change only with the data; the town figures with every statistics answer.
  const townCenters = useMemo(() => new Map(towns.map((t) => [t.properties.code, t.properties.seat as [number, number]])), [towns]);
  const pendingPatches = useMemo(() => {
    const detectedAt = timesOf(patches, 'detectedAt');
    const rows = [...Array(patches.length).keys()].filter((i) => textAt(patches, 'status', i) === 'pending');
    return rows.map((i) => ({ townCode: textAt(patches, 'townCode', i) ?? '', detectedAt: detectedAt[i], position: anchorAt(patches.geometry, i) }));
  }, [patches]);
  const openRailwayIssues = useMemo(() => {
    const reportedAt = timesOf(issues, 'reportedAt');
    const rows = [...Array(issues.length).keys()].filter((i) => propertyAt(issues, 'closedAt', i) === null);
    return rows.map((i) => ({ townCode: textAt(issues, 'townCode', i) ?? '', reportedAt: reportedAt[i], position: anchorAt(issues.geometry, i) }));
  }, [issues]);
  // source=server: the server groups the cases (the page holds none); the last good grouping stays while it is asked again.
  const served = useAppStore((s) => s.collections.patches?.status === 'served');
  const { groups: servedGroups, unavailable } = useServedAlertGroups(served, asOf, thresholds);
  // The early warnings at the wall's moment: the counts per town, not the lists.
  const warningsReading = useStatistics('warnings', [{ now: asOf, hours: 24, limit: 0 }]);
  const warnings = figuresOf(warningsReading);
  const warningsUnavailable = warningsReading.state === 'unavailable';
  const alerts: WallAlert[] = useMemo(() => {
    if (!rows) return [];
    if (served) return servedGroups ? evaluateAlerts({ rows, townCenters, groups: servedGroups, now: asOf, thresholds, warnings }) : [];
    return evaluateAlerts({ rows, townCenters, pendingPatches, openRailwayIssues, now: asOf, thresholds, warnings });
  }, [rows, townCenters, served, servedGroups, pendingPatches, openRailwayIssues, asOf, thresholds, warnings]);

  // Each time the alerts are evaluated (not while the figures are loading), acknowledgements of
  // incidents that have ended are dropped, in memory and in storage: a later breach pulses again.
  const [state, setState] = useState(() => ({ acknowledged: readAcknowledged(), alerts: null as WallAlert[] | null }));
  if (rows && (!served || servedGroups) && state.alerts !== alerts) setState({ acknowledged: liveAcknowledgements(state.acknowledged, alerts), alerts });
  useEffect(() => writeAcknowledged(state.acknowledged), [state.acknowledged]);
  const live = useMemo(() => liveAcknowledgements(state.acknowledged, alerts), [state.acknowledged, alerts]);
  const acknowledge = useCallback((incident: string) => setState((s) => ({ ...s, acknowledged: new Set(s.acknowledged).add(incident) })), []);
  return { alerts, acknowledged: live, acknowledge, caseAlertsUnavailable: unavailable, warningsUnavailable };
}

/** The server's patch and railway alerts could not be read: since when the groups shown are the last good ones (null: there were none). */
export interface CaseAlertsUnavailable {
  lastGoodAt: number | null;
}

/**
 * The server's case alert groups for the wall's windows, asked again when the windows (each
 * refresh moves them) or the cases move. While a question fails, the last good groups stay and
 * the failure is reported with their time.
 */
function useServedAlertGroups(served: boolean, asOf: number, thresholds: WallConfig['alerts']): { groups: AlertCaseGroups | null; unavailable: CaseAlertsUnavailable | null } {
  const ogcApiUrl = useServerApi((s) => s.ogcApiUrl);
  const loadedAt = useAppStore((s) =>
    (['patches', 'railway-issues'] as const)
      .map((id) => {
        const c = s.collections[id];
        return c?.status === 'served' ? c.loadedAt : 0;
      })
      .join(),
  );
  const windows = alertWindows(asOf, thresholds);
  const key = served && ogcApiUrl ? `${JSON.stringify(windows)} ${loadedAt}` : null;
  const answer = useKeyedAnswer(key, (signal) => readCaseAlerts(ogcApiUrl!, windows, signal).then((res) => ({ res, at: Date.now() })));
  const [last, setLast] = useState<{ groups: AlertCaseGroups; at: number } | null>(null);
  if (answer?.res.ok && answer.res.value !== last?.groups) setLast({ groups: answer.res.value, at: answer.at });
  if (answer?.res.ok) return { groups: answer.res.value, unavailable: null };
  return { groups: last?.groups ?? null, unavailable: answer && !answer.res.ok ? { lastGoodAt: last?.at ?? null } : null };
}
