import { DAY_MS } from '../stats/series/buckets';
import type { TownRow } from '../stats/townMetrics';
import type { WallConfig } from './wallConfig';

export const ALERT_KINDS = ['lightingRate', 'overdueCases', 'newPatches', 'railwayOpen'] as const;
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
  /** Where the marker goes: the town's centre, or the newest patch / oldest issue. */
  position: [number, number];
}

export interface AlertCase {
  townCode: string;
  position: [number, number];
}

export interface AlertInputs {
  rows: readonly TownRow[];
  townCenters: ReadonlyMap<string, [number, number]>;
  /** Patches still pending verification, with when they were detected. */
  pendingPatches: readonly (AlertCase & { detectedAt: number })[];
  /** Railway issues not yet closed, with when they were reported. */
  openRailwayIssues: readonly (AlertCase & { reportedAt: number })[];
  now: number;
  thresholds: WallConfig['alerts'];
}

/** Every alert the thresholds raise, worst kind first (as ALERT_KINDS), then by town code. */
export function evaluateAlerts({ rows, townCenters, pendingPatches, openRailwayIssues, now, thresholds }: AlertInputs): WallAlert[] {
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

  const newSince = now - thresholds.newPatchDays * DAY_MS;
  const newest = groupByTown(pendingPatches.filter((p) => p.detectedAt >= newSince && p.detectedAt <= now), (a, b) => b.detectedAt - a.detectedAt);
  for (const [town, list] of newest) {
    const key = `newPatches:${town}`;
    alerts.push({ key, incident: `${key}@${list[0].detectedAt}`, kind: 'newPatches', town, value: list.length, threshold: thresholds.newPatchDays, position: list[0].position });
  }

  const openBefore = now - thresholds.railwayOpenDays * DAY_MS;
  const oldest = groupByTown(openRailwayIssues.filter((i) => i.reportedAt < openBefore), (a, b) => a.reportedAt - b.reportedAt);
  for (const [town, list] of oldest) {
    const key = `railwayOpen:${town}`;
    alerts.push({
      key,
      incident: `${key}@${list[0].reportedAt}`,
      kind: 'railwayOpen',
      town,
      value: list.length,
      threshold: thresholds.railwayOpenDays,
      oldestDays: Math.floor((now - list[0].reportedAt) / DAY_MS),
      position: list[0].position,
    });
  }
  const order = (a: WallAlert) => ALERT_KINDS.indexOf(a.kind);
  return alerts.sort((a, b) => order(a) - order(b) || a.town.localeCompare(b.town));
}

function groupByTown<T extends AlertCase>(items: readonly T[], sort: (a: T, b: T) => number): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.townCode);
    if (list) list.push(item);
    else groups.set(item.townCode, [item]);
  }
  for (const list of groups.values()) list.sort(sort);
  return groups;
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
