import { formatClockDate, formatClockTime, formatNumber, label, translate } from '../i18n';
import type { Lang } from '../layers/common/labels';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS } from '../layers/registry';
import { useShallow } from 'zustand/react/shallow';
import { useHealthStore } from '../live/healthStore';
import { collectionSize, useAppStore, type CollectionState } from '../state/store';
import { isStale } from '../live/refreshLoop';
import { SCENES, type SceneId } from './scenes';
import type { TourState } from './tour';
import { useNow } from '../app/useNow';

/** Title, the scene and where the tour is, each source's freshness, and the clock (China time). */
export function WallHeader({ lang, tour, scene, staleAfterMs, configProblems }: { lang: Lang; tour: TourState; scene: SceneId; staleAfterMs: number; configProblems: string[] }) {
  const now = useNow();
  const health = useHealthStore((s) => s.health);
  const caseCounts = useAppStore(useShallow((s) => DOMAIN_LAYER_IDS.map((id) => collectionSize(s.collections[DOMAIN_LAYERS[id].cases]) ?? 0)));
  // Features the last refresh refused (it was applied without them): a data problem like a stale source.
  const refused = useAppStore(
    useShallow((s) => DOMAIN_LAYER_IDS.map((id) => [...new Set([DOMAIN_LAYERS[id].features, DOMAIN_LAYERS[id].cases])].reduce((n, c) => n + rejectedCount(s.collections[c]), 0))),
  );
  const heldFor = tour.heldUntil !== null ? Math.max(0, Math.ceil((tour.heldUntil - now) / 1000)) : null;
  return (
    <header className="wall-header">
      <h1>{translate(lang, 'wall_title')}</h1>
      <div className="wall-header__scene" data-testid="wall-scene" data-scene={scene}>
        <span>{label(lang, SCENES[scene].title)}</span>
        <span className="wall-header__step">
          {tour.index + 1}/{tour.scenes.length}
        </span>
        {heldFor !== null && (
          <span className="wall-header__paused" data-testid="tour-paused">
            ⏸ {translate(lang, 'wall_paused')} · {formatNumber(lang, heldFor)} {translate(lang, 'wall_resumesIn')}
          </span>
        )}
      </div>
      <ul className="wall-sources">
        {DOMAIN_LAYER_IDS.map((id, i) => {
          const h = health[id];
          const stale = h ? isStale(h, now, staleAfterMs) : false;
          const retryIn = h?.nextAttemptAt ? Math.max(0, Math.ceil((h.nextAttemptAt - now) / 1000)) : null;
          return (
            <li key={id} className={`wall-source${stale ? ' wall-source--stale' : ''}`} data-testid={`source-${id}`} data-stale={stale} data-failures={h?.failures ?? 0} data-cases={caseCounts[i]} data-refreshing={h?.refreshing ?? false} data-last-success={h?.lastSuccessAt ?? ''} data-refused={refused[i]} title={h?.lastError ?? undefined}>
              <span className="wall-source__name">{label(lang, DOMAIN_LAYERS[id].title)}</span>
              <span className="wall-source__time">{h?.lastSuccessAt ? formatClockTime(h.lastSuccessAt) : '—'}</span>
              {refused[i] > 0 && (
                <span className="wall-source__badge" data-testid={`partial-${id}`}>
                  ⚠ {formatNumber(lang, refused[i])} {translate(lang, 'wall_refused')}
                </span>
              )}
              {stale && (
                <span className="wall-source__badge" data-testid={`stale-${id}`}>
                  {translate(lang, 'wall_stale')}
                  {h?.refreshing ? ` · ${translate(lang, 'wall_retrying')}` : retryIn !== null ? ` · ${translate(lang, 'wall_retryIn')} ${retryIn}${translate(lang, 'wall_seconds')}` : ''}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {configProblems.length > 0 && (
        <span className="wall-header__problems" title={configProblems.join('\n')} data-testid="config-problems">
          ⚠ {translate(lang, 'wall_configProblems')} {configProblems.length}
        </span>
      )}
      <time className="wall-clock" dateTime={new Date(now).toISOString()} data-testid="wall-clock">
        <span className="wall-clock__date">{formatClockDate(lang, now)}</span> <span className="wall-clock__time">{formatClockTime(now)}</span>
      </time>
    </header>
  );
}

const rejectedCount = (c: CollectionState | undefined) => (c?.status === 'loaded' ? c.rejected.length : 0);
