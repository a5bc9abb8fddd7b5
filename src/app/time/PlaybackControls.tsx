import { useEffect, useState } from 'react';
import { translate } from '../../i18n';
import { FULL_SPAN } from '../../state/filters';
import { PLAYBACK_SPEEDS, PLAYBACK_WINDOWS, stepWindow, type PlaybackWindow } from '../../state/playback';
import { useAppStore } from '../../state/store';

/** One playback step every second at 1×. */
const STEP_MS = 1000;

/** Time playback: the global range becomes a day, week or month that steps forward, animating the map and every panel together. */
export function PlaybackControls() {
  const lang = useAppStore((s) => s.lang);
  const length = useAppStore((s) => s.panels.playWindow);
  const speed = useAppStore((s) => s.panels.playSpeed);
  const setPanel = useAppStore((s) => s.setPanel);
  const [playing, setPlaying] = useState(false);

  const step = (direction: 1 | -1): boolean => {
    const s = useAppStore.getState();
    const next = stepWindow(s.filters.time, s.panels.playWindow, direction, { from: FULL_SPAN.from, to: Math.max(FULL_SPAN.to, s.asOf) });
    if (next) s.setTimeRange(next);
    return next !== null;
  };

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      if (!step(1)) setPlaying(false);
    }, STEP_MS / speed);
    return () => window.clearInterval(timer);
  }, [playing, speed]);

  return (
    <div className="playback" role="group" aria-label={translate(lang, 'playback')} data-testid="playback" data-playing={playing}>
      <button type="button" onClick={() => step(-1)} aria-label={translate(lang, 'stepBack')} data-testid="step-back">
        ◀
      </button>
      <button type="button" onClick={() => setPlaying((p) => !p)} aria-pressed={playing} data-testid="play">
        {playing ? `■ ${translate(lang, 'pause')}` : `▶ ${translate(lang, 'play')}`}
      </button>
      <button type="button" onClick={() => step(1)} aria-label={translate(lang, 'stepForward')} data-testid="step-forward">
        ▶
      </button>
      <select aria-label={translate(lang, 'windowLength')} value={length} onChange={(e) => setPanel('playWindow', e.target.value as PlaybackWindow)} data-testid="play-window">
        {PLAYBACK_WINDOWS.map((w) => (
          <option key={w} value={w}>
            {translate(lang, `window_${w}`)}
          </option>
        ))}
      </select>
      <select aria-label={translate(lang, 'speed')} value={speed} onChange={(e) => setPanel('playSpeed', Number(e.target.value))} data-testid="play-speed">
        {PLAYBACK_SPEEDS.map((v) => (
          <option key={v} value={v}>
            {v}×
          </option>
        ))}
      </select>
    </div>
  );
}
