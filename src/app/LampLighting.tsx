import { formatDateTime, formatNumber, translate } from '../i18n';
import { useAppStore } from '../state/store';
import { useLampLighting } from './useLampLighting';

/** 亮灯率 of the district at a moment, with the lamps still dark behind it; the moment is shown as the last minute it covers. */
export function LampLighting({ asOf }: { asOf: number }) {
  const lang = useAppStore((s) => s.lang);
  const stats = useLampLighting(asOf);
  if (!stats || stats.lightingRate === null) return null;
  const percent = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <p className="kpi" data-testid="lighting-rate" data-rate={stats.lightingRate} data-dark={stats.faultyLampsAtEnd}>
      <span className="kpi__label">{translate(lang, 'lightingRate')}</span>
      <span className="kpi__value">{percent.format(stats.lightingRate)}</span>
      <span className="kpi__note">
        {formatNumber(lang, stats.faultyLampsAtEnd)} {translate(lang, 'lampsDark')} · {translate(lang, 'asOf')} {formatDateTime(lang, asOf - 60_000)}
      </span>
    </p>
  );
}
