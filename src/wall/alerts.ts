import { DAY_MS } from '../stats/series/buckets';
import type { TownRow } from '../stats/townMetrics';
import type { WallConfig } from './wallConfig';

export const ALERT_KINDS = ['lightingRate', 'overdueCases', 'newPatches', 'railwayOpen'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** One thing the command centre must act on, per town; `key` is stable while the condition lasts. */
export interface WallAlert {
  key: string;
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
      alerts.push({ key: `lightingRate:${row.code}`, kind: 'lightingRate', town: row.code, value: lighting, threshold: thresholds.lightingRateMin, position: center });
    }
    const overdue = row.values.overdueCases;
    if (overdue !== null && overdue > thresholds.overdueMax) {
      alerts.push({ key: `overdueCases:${row.code}`, kind: 'overdueCases', town: row.code, value: overdue, threshold: thresholds.overdueMax, position: center });
    }
  }

  const newSince = now - thresholds.newPatchDays * DAY_MS;
  const newest = groupByTown(pendingPatches.filter((p) => p.detectedAt >= newSince && p.detectedAt <= now), (a, b) => b.detectedAt - a.detectedAt);
  for (const [town, list] of newest) {
    alerts.push({ key: `newPatches:${town}`, kind: 'newPatches', town, value: list.length, threshold: thresholds.newPatchDays, position: list[0].position });
  }

  const openBefore = now - thresholds.railwayOpenDays * DAY_MS;
  const oldest = groupByTown(openRailwayIssues.filter((i) => i.reportedAt < openBefore), (a, b) => a.reportedAt - b.reportedAt);
  for (const [town, list] of oldest) {
    alerts.push({
      key: `railwayOpen:${town}`,
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
 * Acknowledgements that still mean something: those of alerts still raised. An alert that clears
 * and comes back later is a new occurrence and pulses again.
 */
export function liveAcknowledgements(acknowledged: ReadonlySet<string>, alerts: readonly WallAlert[]): Set<string> {
  const raised = new Set(alerts.map((a) => a.key));
  return new Set([...acknowledged].filter((key) => raised.has(key)));
}
