import { DAY_MS } from '../stats/series/buckets';
import type { TownRow } from '../stats/townMetrics';
import type { AnomalyWindow } from '../stats/warnings/anomalies';
import type { WarningLayer, WarningsAnswer } from '../stats/warnings/warnings';
import type { WallConfig } from './wallConfig';

export const ALERT_KINDS = ['lightingRate', 'overdueCases', 'dueSoon', 'anomaly', 'cluster', 'repeat', 'newPatches', 'railwayOpen'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** One thing the command centre must act on, per town; `key` is stable while the condition lasts. */
export interface WallAlert {
  key: string;
  /**
   * Which occurrence this is: the key, and for patches the newest one's detection, for railway
   * issues the oldest one's report. An acknowledgement belongs to it, so a newer patch or another
   * breach after this one cleared pulses again.
   */
  incident: string;
  kind: AlertKind;
  town: string;
  /** The measured figure: a lighting rate, a count of cases, patches or issues. */
  value: number;
  threshold: number;
  /** Railway issues: the longest any has been open, in days. */
  oldestDays?: number;
  /** Due soon: how many of them within 2 hours. */
  critical?: number;
  /** An anomaly or a cluster: the cases it counts, over which window, and their usual range. */
  anomaly?: { layer: WarningLayer; window: AnomalyWindow; low: number; high: number; category?: string };
  /** Where the marker goes: the town's centre, or the newest patch / oldest issue. */
  position: [number, number];
}

export interface AlertCase {
  townCode: string;
  position: [number, number];
}

/** The cases behind one town's case alert: how many, and the newest patch's detection or the oldest issue's report, with where it is. */
export interface TownCaseGroup {
  town: string;
  count: number;
  at: number;
  position: [number, number];
}

/** Per town, the pending patches detected lately and the railway issues open too long (the server counts them the same, source=server). */
export interface AlertCaseGroups {
  newPatches: readonly TownCaseGroup[];
  oldRailwayIssues: readonly TownCaseGroup[];
}

/** The cases the case alerts look at: held by the page, or already grouped by the server. */
export type AlertCases =
  | {
      /** Patches still pending verification, with when they were detected. */
      pendingPatches: readonly (AlertCase & { detectedAt: number })[];
      /** Railway issues not yet closed, with when they were reported. */
      openRailwayIssues: readonly (AlertCase & { reportedAt: number })[];
    }
  | { groups: AlertCaseGroups };

export type AlertInputs = AlertCases & {
  rows: readonly TownRow[];
  /** The early warnings at `now` (the stats worker's); absent when they could not be computed. */
  warnings?: WarningsAnswer | null;
  townCenters: ReadonlyMap<string, [number, number]>;
  now: number;
  thresholds: WallConfig['alerts'];
};

/** The windows the case alerts look at: patches detected in [newSince, now], issues reported before openBefore. */
export function alertWindows(now: number, thresholds: WallConfig['alerts']) {
  return { newSince: now - thresholds.newPatchDays * DAY_MS, now, openBefore: now - thresholds.railwayOpenDays * DAY_MS };
}

/** The page's own cases grouped as the server groups them. */
export function groupAlertCases(cases: Extract<AlertCases, { pendingPatches: unknown }>, now: number, thresholds: WallConfig['alerts']): AlertCaseGroups {
  const { newSince, openBefore } = alertWindows(now, thresholds);
  const fresh = cases.pendingPatches.filter((p) => p.detectedAt >= newSince && p.detectedAt <= now).map((p) => ({ ...p, at: p.detectedAt }));
  const old = cases.openRailwayIssues.filter((i) => i.reportedAt < openBefore).map((i) => ({ ...i, at: i.reportedAt }));
  return { newPatches: groupByTown(fresh, (a, b) => b.at - a.at), oldRailwayIssues: groupByTown(old, (a, b) => a.at - b.at) };
}

/** Every alert the thresholds raise, worst kind first (as ALERT_KINDS), then by town code. */
export function evaluateAlerts(inputs: AlertInputs): WallAlert[] {
  const { rows, townCenters, now, thresholds } = inputs;
  const alerts: WallAlert[] = [];
  for (const row of rows) {
    const center = townCenters.get(row.code);
    if (!center) continue;
    const lighting = row.values.lightingRate;
    if (lighting !== null && lighting < thresholds.lightingRateMin) {
      const key = `lightingRate:${row.code}`;
      alerts.push({ key, incident: key, kind: 'lightingRate', town: row.code, value: lighting, threshold: thresholds.lightingRateMin, position: center });
    }
    const overdue = row.values.overdueCases;
    if (overdue !== null && overdue > thresholds.overdueMax) {
      const key = `overdueCases:${row.code}`;
      alerts.push({ key, incident: key, kind: 'overdueCases', town: row.code, value: overdue, threshold: thresholds.overdueMax, position: center });
    }
  }

  alerts.push(...warningAlerts(inputs.warnings ?? null, townCenters, thresholds));
  const groups = 'groups' in inputs ? inputs.groups : groupAlertCases(inputs, now, thresholds);
  for (const { town, count, at, position } of groups.newPatches) {
    const key = `newPatches:${town}`;
    alerts.push({ key, incident: `${key}@${at}`, kind: 'newPatches', town, value: count, threshold: thresholds.newPatchDays, position });
  }
  for (const { town, count, at, position } of groups.oldRailwayIssues) {
    const key = `railwayOpen:${town}`;
    alerts.push({ key, incident: `${key}@${at}`, kind: 'railwayOpen', town, value: count, threshold: thresholds.railwayOpenDays, oldestDays: Math.floor((now - at) / DAY_MS), position });
  }
  const order = (a: WallAlert) => ALERT_KINDS.indexOf(a.kind);
  return alerts.sort((a, b) => order(a) - order(b) || a.town.localeCompare(b.town));
}

/**
 * The early warnings as alerts: per town, its cases due within 8 hours (how many within 2), each
 * of its counts above their baseline, and each cell standing out (under the anomaly switch), and
 * its assets failing again. Each lasts while the condition does (one key), so an acknowledgement
 * holds until it clears; for assets failing again, until one of them fails once more.
 */
function warningAlerts(warnings: WarningsAnswer | null, townCenters: ReadonlyMap<string, [number, number]>, thresholds: WallConfig['alerts']): WallAlert[] {
  if (!warnings) return [];
  const alerts: WallAlert[] = [];
  if (thresholds.dueSoonAlerts === 'on') {
    for (const { town, counts } of warnings.dueSoonByTown) {
      const position = town === null ? undefined : townCenters.get(town);
      const urgent = counts.critical + counts.high;
      if (!position || urgent === 0) continue;
      const key = `dueSoon:${town}`;
      alerts.push({ key, incident: key, kind: 'dueSoon', town: town!, value: urgent, threshold: 8, critical: counts.critical, position });
    }
  }
  if (thresholds.anomalyAlerts === 'on') {
    // A town's category is raised only where the town's whole count is not: the storm is one alert, not one per cause.
    const townRaised = new Set(warnings.anomalies.filter((a) => a.category === null).map((a) => `${a.layer}:${a.window}:${a.town}`));
    for (const a of warnings.anomalies) {
      const position = a.town === null ? undefined : townCenters.get(a.town);
      if (!position) continue;
      if (a.category !== null && townRaised.has(`${a.layer}:${a.window}:${a.town}`)) continue;
      const key = a.category === null ? `anomaly:${a.layer}:${a.window}:${a.town}` : `anomaly:${a.layer}:${a.window}:${a.town}:${a.category}`;
      const anomaly = { layer: a.layer, window: a.window, low: a.low, high: a.high, ...(a.category === null ? {} : { category: a.category }) };
      alerts.push({ key, incident: key, kind: 'anomaly', town: a.town!, value: a.count, threshold: a.high, anomaly, position });
    }
    // A cluster's marker stands on its cell, in the town the cell's centre lies in.
    for (const c of warnings.cells) {
      if (c.town === null) continue;
      const key = `cluster:${c.layer}:${c.cell}`;
      alerts.push({ key, incident: key, kind: 'cluster', town: c.town, value: c.count, threshold: c.high, anomaly: { layer: c.layer, window: 'week', low: c.low, high: c.high }, position: c.center });
    }
  }
  if (thresholds.repeatAlerts === 'on') {
    // Per town, its poles and covers failing again; a new failure among them is a new occurrence, which pulses again.
    for (const { town, assets, last } of warnings.repeatByTown) {
      const position = town === null ? undefined : townCenters.get(town);
      if (!position || assets === 0) continue;
      const key = `repeat:${town}`;
      alerts.push({ key, incident: `${key}:${last}`, kind: 'repeat', town: town!, value: assets, threshold: 1, position });
    }
  }
  return alerts;
}

/** One group per town: its cases counted, and the first of them in `sort`'s order. */
function groupByTown<T extends AlertCase & { at: number }>(items: readonly T[], sort: (a: T, b: T) => number): TownCaseGroup[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.townCode);
    if (list) list.push(item);
    else groups.set(item.townCode, [item]);
  }
  return [...groups].map(([town, list]) => {
    const first = [...list].sort(sort)[0];
    return { town, count: list.length, at: first.at, position: first.position };
  });
}

/**
 * Acknowledgements that still mean something: those of incidents still raised. An alert that
 * clears and comes back later, or a newer incident of the same kind in the same town, is a new
 * occurrence and pulses again. What is dropped here is dropped from storage too (useWallAlerts).
 */
export function liveAcknowledgements(acknowledged: ReadonlySet<string>, alerts: readonly WallAlert[]): Set<string> {
  const raised = new Set(alerts.map((a) => a.incident));
  return new Set([...acknowledged].filter((incident) => raised.has(incident)));
}
