import { describe, expect, it } from 'vitest';
import { builtBundle } from '../support/bundle';

/**
 * What a desk or a wall downloads before its first map, read from the production build: the entry
 * chunk, then the dashboard's (or the wall's) chunk, each with every chunk it imports statically.
 * Panels below the fold, the charts and everything a question loads later are not in it.
 */
const bundle = builtBundle();
const before = (chunk: string) => new Set([...bundle.staticClosure(bundle.entry), ...bundle.staticClosure(bundle.chunk(chunk))]);

describe('the production build', () => {
  it('needs at most 800 KB of gzipped JavaScript before the dashboard’s first map', () => {
    const kb = bundle.gzipBytes(before('startApp-')) / 1024;
    expect(kb).toBeGreaterThan(100);
    expect(kb).toBeLessThanOrEqual(800);
  });

  it('loads the charts (Recharts) and the server’s statistics reader (H3) only when they are asked for', () => {
    const first = before('startApp-');
    for (const lazy of ['TimeSeriesContainer-', 'TownBarsContainer-', 'BreakdownContainer-', 'HotspotsContainer-', 'CaseTrendContainer-', 'serverAnswers-', 'startWall-']) {
      expect(first.has(bundle.chunk(lazy)), lazy).toBe(false);
    }
    // By what they contain, whatever their chunks are called.
    const text = [...first].map(bundle.read).join('\n');
    expect(text).not.toContain('recharts-wrapper');
    expect(text).not.toContain('cellToBoundary');
  });

  it('gives the wall its own chunk: a wall never loads the dashboard, a desk never loads the wall', () => {
    const wall = before('startWall-');
    expect(wall.has(bundle.chunk('startApp-'))).toBe(false);
    expect(before('startApp-').has(bundle.chunk('startWall-'))).toBe(false);
  });

  it('publishes no source maps', () => {
    expect(bundle.assets.filter((f) => f.endsWith('.map'))).toEqual([]);
  });
});
