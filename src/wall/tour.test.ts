import { describe, expect, it } from 'vitest';
import { advance, currentScene, interact, nextChangeAt, startTour, step } from './tour';

const scenes = ['overview', 'streetLamps', 'hotspots'] as const;

describe('the wall tour', () => {
  it('moves on when a scene has had its time, and wraps around', () => {
    let t = startTour(scenes, 0);
    const seen = [currentScene(t)];
    for (let now = 1_000; now <= 60_000; now += 1_000) {
      const next = advance(t, now, 20_000);
      if (next !== t) seen.push(currentScene(next));
      t = next;
    }
    expect(seen).toEqual(['overview', 'streetLamps', 'hotspots', 'overview']);
  });

  it('holds while someone interacts, then gives the scene a full interval', () => {
    let t = startTour(scenes, 0);
    t = interact(t, 15_000, 60_000);
    expect(advance(t, 30_000, 20_000)).toBe(t);
    expect(nextChangeAt(t, 20_000)).toBe(75_000);
    t = advance(t, 75_000, 20_000);
    expect(currentScene(t)).toBe('overview');
    expect(t.heldUntil).toBeNull();
    expect(nextChangeAt(t, 20_000)).toBe(95_000);
    expect(currentScene(advance(t, 95_000, 20_000))).toBe('streetLamps');
  });

  it('each touch extends the hold', () => {
    let t = interact(startTour(scenes, 0), 10_000, 60_000);
    t = interact(t, 50_000, 60_000);
    expect(nextChangeAt(t, 20_000)).toBe(110_000);
  });

  it('steps by hand in both directions', () => {
    const t = startTour(scenes, 0);
    expect(currentScene(step(t, -1, 5, 1_000))).toBe('hotspots');
    expect(currentScene(step(step(t, 1, 5, 1_000), 1, 6, 1_000))).toBe('hotspots');
    expect(step(t, 1, 5, 1_000).heldUntil).toBe(1_005);
  });
});
