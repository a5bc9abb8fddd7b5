import { describe, expect, it } from 'vitest';
import { localMidnight } from '../stats/series/buckets';
import { DEFAULT_WALL_CONFIG, isWallAddress, resolveWallConfig, wallConfigPath, windowRange } from './wallConfig';

describe('wall configuration', () => {
  it('takes the defaults when nothing is given', () => {
    expect(resolveWallConfig(undefined, '')).toEqual({ config: DEFAULT_WALL_CONFIG, problems: [] });
  });

  it('lays the file over the defaults and the address over the file', () => {
    const { config, problems } = resolveWallConfig(
      { sceneSeconds: 30, refreshSeconds: 120, alerts: { overdueMax: 5 } },
      '?interval=12&lighting=98.5&scenes=overview,hotspots&window=today',
    );
    expect(problems).toEqual([]);
    expect(config.sceneSeconds).toBe(12);
    expect(config.refreshSeconds).toBe(120);
    expect(config.scenes).toEqual(['overview', 'hotspots']);
    expect(config.window).toBe('today');
    expect(config.alerts).toEqual({ ...DEFAULT_WALL_CONFIG.alerts, overdueMax: 5, lightingRateMin: 0.985 });
  });

  it('keeps the previous value of every invalid setting and says which', () => {
    const { config, problems } = resolveWallConfig({ sceneSeconds: 'soon', colour: 'red', alerts: { overdueMax: -1 } }, '?refresh=0.5&scenes=nowhere&window=decade');
    expect(config).toEqual(DEFAULT_WALL_CONFIG);
    expect(problems.map((p) => p.where)).toEqual(['wall.json', 'wall.json', 'wall.json', '?scenes', '?refresh', '?window']);
    expect(problems[1].message).toContain('colour');
  });

  it('switches the early-warning alerts off by file or address, and refuses anything but on or off', () => {
    const { config, problems } = resolveWallConfig({ alerts: { anomalyAlerts: 'off' } }, '?dueSoon=off&repeats=off');
    expect(problems).toEqual([]);
    expect(config.alerts).toMatchObject({ anomalyAlerts: 'off', dueSoonAlerts: 'off', repeatAlerts: 'off' });
    const refused = resolveWallConfig(undefined, '?anomalies=false');
    expect(refused.config.alerts.anomalyAlerts).toBe('on');
    expect(refused.problems.map((p) => p.where)).toEqual(['?anomalies']);
  });

  it('refuses a rebuild interval longer than a browser timer can hold (596 h), keeping the default', () => {
    const { config, problems } = resolveWallConfig({ reinitHours: 700 }, '');
    expect(config.reinitHours).toBe(DEFAULT_WALL_CONFIG.reinitHours);
    expect(problems.map((p) => p.where)).toEqual(['wall.json']);
    expect(resolveWallConfig({ reinitHours: 596 }, '').config.reinitHours).toBe(596);
  });

  it('refuses a file that is not an object', () => {
    expect(resolveWallConfig([1, 2], '').problems).toEqual([{ where: 'wall.json', message: 'expected an object' }]);
  });

  it('is asked for by ?wall, and reads its file from the same origin only', () => {
    expect(isWallAddress('?wall=1')).toBe(true);
    expect(isWallAddress('?wall')).toBe(true);
    expect(isWallAddress('?wall=0')).toBe(false);
    expect(isWallAddress('?theme=dark')).toBe(false);
    expect(wallConfigPath('?wallConfig=/walls/centre.json', '')).toBe('/walls/centre.json');
    // A protocol-relative or schemed value would name another host: refused.
    expect(wallConfigPath('?wallConfig=//elsewhere/x.json', '/app')).toBe('/app/wall.json');
    expect(wallConfigPath('?wallConfig=https:x.json', '')).toBe('/wall.json');
    expect(wallConfigPath('?wallConfig=/\\evil.example/s.json', '')).toBe('/wall.json');
    expect(wallConfigPath('?wallConfig=/%09/evil.example/s.json', '')).toBe('/wall.json');
  });

  it('reads only its own settings: constructor or __proto__ in the file or the address is an unknown setting, not a crash', () => {
    const file = JSON.parse('{"constructor": 1, "__proto__": {"x": 1}, "toString": 2, "alerts": {"constructor": 3, "__proto__": 4, "overdueMax": 7}}');
    const { config, problems } = resolveWallConfig(file, '');
    expect(config.alerts.overdueMax).toBe(7);
    expect(problems.map((p) => p.message).sort()).toEqual(['unknown alert "__proto__"', 'unknown alert "constructor"', 'unknown setting "__proto__"', 'unknown setting "constructor"', 'unknown setting "toString"']);
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
  });

  it('rolls the window over at local midnight', () => {
    const beforeMidnight = localMidnight(2026, 10, 30) - 1;
    const afterMidnight = localMidnight(2026, 10, 30) + 1;
    expect(windowRange('today', beforeMidnight).from).toBe(localMidnight(2026, 10, 29));
    expect(windowRange('today', afterMidnight).from).toBe(localMidnight(2026, 10, 30));
    expect(windowRange('last30Days', afterMidnight)).toEqual({ from: localMidnight(2026, 10, 1), to: afterMidnight });
  });
});
