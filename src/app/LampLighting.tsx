import { formatDateTime, formatNumber, translate } from '../i18n';
import { useAppStore } from '../state/store';
import { useTownName } from './details/useTownName';
import { useLampLighting } from './useLampLighting';
import { StatsNote } from './stats/StatsNote';

/** 亮灯率 of the district at a moment, with the lamps still dark behind it; the moment is shown as the last minute it covers. */
export function LampLighting({ asOf }: { asOf: number }) {
  const lang = useAppStore((s) => s.lang);
  const answer = useLampLighting(asOf);
  const townName = useTownName();
  const { lightingRate: rate, darkLamps, town, reading } = answer;
  if (reading.state === 'unavailable') return <StatsNote lang={lang} reading={reading} testid="lighting-stats" />;
  if (rate === null) return null;
  const percent = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <>
      <p className="kpi" data-testid="lighting-rate" data-rate={rate} data-dark={darkLamps} data-town={town ?? ''}>
        <span className="kpi__label">
          {town ? `${townName(town)} · ` : ''}
          {translate(lang, 'lightingRate')}
        </span>
        <span className="kpi__value">{percent.format(rate)}</span>
        <span className="kpi__note">
          {formatNumber(lang, darkLamps)} {translate(lang, 'lampsDark')} · {translate(lang, 'asOf')} {formatDateTime(lang, asOf - 60_000)}
        </span>
      </p>
      <StatsNote lang={lang} reading={reading} testid="lighting-stats" />
    </>
  );
}
