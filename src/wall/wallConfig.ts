export { isWallAddress } from './wallAddress';
import { z } from 'zod';
import { sameOriginPath } from '../data/sameOriginPath';
import { MAX_TIMER_MS } from '../live/timerDelay';
import { DAY_MS, startOfDay } from '../stats/series/buckets';
import { presetRange } from '../state/timePresets';
import type { TimeRange } from '../state/filters';
import { SCENE_IDS, type SceneId } from './scenes';

export const WALL_WINDOWS = ['today', 'last7Days', 'last30Days', 'thisMonth', 'thisYear'] as const;
export type WallWindow = (typeof WALL_WINDOWS)[number];

const seconds = (min: number, max: number) => z.coerce.number().finite().min(min).max(max);

/** One schema for the config file and the address: a wall is set up by whichever its operator can reach. */
export const wallConfigSchema = z.object({
  scenes: z.array(z.enum(SCENE_IDS)).min(1),
  /** How long each scene of the tour stays. */
  sceneSeconds: seconds(5, 3600),
  /** After someone touches the wall, how long it stays still before the tour resumes. */
  idleSeconds: seconds(5, 3600),
  refreshSeconds: seconds(1, 86_400),
  /** A refresh that has not answered by then has failed. */
  timeoutSeconds: seconds(1, 600),
  /** The longest wait between retries while a source is down. */
  retryMaxSeconds: seconds(1, 3600),
  window: z.enum(WALL_WINDOWS),
  alerts: z.object({
    /** A town whose lighting rate falls below this share (0–1) raises an alert. */
    lightingRateMin: z.coerce.number().min(0).max(1),
    /** A town with more overdue cases than this raises an alert. */
    overdueMax: z.coerce.number().int().min(0),
    /** Patches detected within this many days and not yet verified are "new". */
    newPatchDays: z.coerce.number().int().min(1).max(366),
    /** A railway issue open longer than this many days raises an alert. */
    railwayOpenDays: z.coerce.number().int().min(1).max(3650),
    /** A town with cases due within 8 hours raises an alert (the early warnings). */
    dueSoonAlerts: z.enum(['on', 'off']),
    /** A town whose cases of the last day or week are far above their baseline raises an alert. */
    anomalyAlerts: z.enum(['on', 'off']),
    /** A town with poles failing 3 times or covers twice in 90 days raises an alert. */
    repeatAlerts: z.enum(['on', 'off']),
  }),
  /** Rebuild the map and panels every this many hours (0: never); data stays loaded. At most what a timer holds. */
  reinitHours: z.coerce.number().min(0).max(Math.floor(MAX_TIMER_MS / 3_600_000)),
});

export type WallConfig = z.infer<typeof wallConfigSchema>;

export const DEFAULT_WALL_CONFIG: WallConfig = {
  scenes: [...SCENE_IDS],
  sceneSeconds: 20,
  idleSeconds: 60,
  refreshSeconds: 60,
  timeoutSeconds: 20,
  retryMaxSeconds: 300,
  window: 'last30Days',
  alerts: { lightingRateMin: 0.99, overdueMax: 20, newPatchDays: 7, railwayOpenDays: 30, dueSoonAlerts: 'on', anomalyAlerts: 'on', repeatAlerts: 'on' },
  reinitHours: 0,
};

/** Address parameter → where its value goes in the config. */
const PARAMS: Record<string, (value: string) => unknown> = {
  scenes: (v) => ({ scenes: v.split(',').filter(Boolean) }),
  interval: (v) => ({ sceneSeconds: v }),
  idle: (v) => ({ idleSeconds: v }),
  refresh: (v) => ({ refreshSeconds: v }),
  timeout: (v) => ({ timeoutSeconds: v }),
  retryMax: (v) => ({ retryMaxSeconds: v }),
  window: (v) => ({ window: v }),
  reinit: (v) => ({ reinitHours: v }),
  lighting: (v) => ({ alerts: { lightingRateMin: Number(v) / 100 } }),
  overdue: (v) => ({ alerts: { overdueMax: v } }),
  patchDays: (v) => ({ alerts: { newPatchDays: v } }),
  railwayDays: (v) => ({ alerts: { railwayOpenDays: v } }),
  dueSoon: (v) => ({ alerts: { dueSoonAlerts: v } }),
  anomalies: (v) => ({ alerts: { anomalyAlerts: v } }),
  repeats: (v) => ({ alerts: { repeatAlerts: v } }),
};

export interface ConfigProblem {
  where: string;
  message: string;
}

type Layer = Partial<Omit<WallConfig, 'alerts'>> & { alerts?: Partial<WallConfig['alerts']> };

/** Lays `layer` over `base`, keeping each valid setting and reporting each invalid one (which keeps the base value). */
function overlay(base: WallConfig, layer: Layer, where: string, problems: ConfigProblem[]): WallConfig {
  const next: WallConfig = { ...base, alerts: { ...base.alerts } };
  const shape = wallConfigSchema.shape;
  for (const [key, value] of Object.entries(layer) as [keyof WallConfig, unknown][]) {
    if (!Object.hasOwn(shape, key)) {
      problems.push({ where, message: `unknown setting "${key}"` });
      continue;
    }
    if (key === 'alerts') {
      if (typeof value !== 'object' || value === null) {
        problems.push({ where, message: '"alerts" must be an object' });
        continue;
      }
      const alertShape = shape.alerts.shape;
      for (const [k, v] of Object.entries(value)) {
        const schema = Object.hasOwn(alertShape, k) ? alertShape[k as keyof typeof alertShape] : undefined;
        const parsed = schema?.safeParse(v);
        if (parsed?.success) (next.alerts as Record<string, unknown>)[k] = parsed.data;
        else problems.push({ where, message: schema ? `alerts.${k}: ${parsed!.error.issues[0].message}` : `unknown alert "${k}"` });
      }
      continue;
    }
    const parsed = shape[key].safeParse(value);
    if (parsed.success) (next as Record<string, unknown>)[key] = parsed.data;
    else problems.push({ where, message: `${key}: ${parsed.error.issues[0].message}` });
  }
  return next;
}

/** Defaults, then the config file (if any), then the address. */
export function resolveWallConfig(file: unknown, search: string): { config: WallConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  let config = DEFAULT_WALL_CONFIG;
  if (file !== undefined && file !== null) {
    if (typeof file === 'object' && !Array.isArray(file)) config = overlay(config, file as Layer, 'wall.json', problems);
    else problems.push({ where: 'wall.json', message: 'expected an object' });
  }
  const params = new URLSearchParams(search);
  for (const [name, toLayer] of Object.entries(PARAMS)) {
    const value = params.get(name);
    if (value !== null) config = overlay(config, toLayer(value) as Layer, `?${name}`, problems);
  }
  return { config, problems };
}


/** The config file's path: `?wallConfig=/path.json` (same origin only) or `/wall.json` under the app's base. */
export function wallConfigPath(search: string, base: string): string {
  return sameOriginPath(new URLSearchParams(search).get('wallConfig')) ?? `${base}/wall.json`;
}

/** The window's range as of a moment; a rolling window moves on at local (China) midnight. */
export function windowRange(window: WallWindow, asOf: number): TimeRange {
  if (window === 'last30Days') return { from: startOfDay(asOf - 1) - 29 * DAY_MS, to: asOf };
  return presetRange(window, asOf);
}

export type { SceneId };
