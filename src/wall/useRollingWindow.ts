import { useEffect } from 'react';
import { DATA_END_MS } from '../layers/common/time';
import { useHealthStore } from '../live/healthStore';
import { DAY_MS, startOfDay } from '../stats/series/buckets';
import { useAppStore } from '../state/store';
import { windowRange, type WallWindow } from './wallConfig';

/**
 * Keeps the global range on the wall's window. With live data the window ends now: it moves on
 * after every successful refresh and rolls over at local midnight (a timer set for it). The
 * bundled data is read as of its end.
 */
export function useRollingWindow(window: WallWindow, live: boolean): void {
  const lastRefresh = useHealthStore((s) => Math.max(0, ...Object.values(s.health).map((h) => h?.lastSuccessAt ?? 0)));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = () => {
      const now = Date.now();
      const asOf = live ? now : DATA_END_MS;
      const { setAsOf, setTimeRange } = useAppStore.getState();
      setAsOf(asOf);
      setTimeRange(windowRange(window, asOf));
      if (live) timer = setTimeout(apply, startOfDay(now) + DAY_MS - now + 1);
    };
    apply();
    return () => clearTimeout(timer);
  }, [window, live, lastRefresh]);
}
