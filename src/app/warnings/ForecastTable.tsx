import { formatNumber, translate, type Lang } from '../../i18n';
import type { WarningsAnswer } from '../../stats/warnings/warnings';
import { CASES_TITLE } from './warningLayers';
import { WarningSection } from './WarningSection';

/** The next 7 days of each case layer in the towns kept: expected reports with their range, and where the backlog is heading. */
export function ForecastTable({ lang, forecast }: { lang: Lang; forecast: WarningsAnswer['forecast'] }) {
  const round = (x: number) => formatNumber(lang, Math.round(x));
  return (
    <WarningSection lang={lang} testid="forecast" total={forecast.length} title="forecast" rule="forecastRule" none="noForecast">
      <table className="forecast-table" data-testid="forecast-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{translate(lang, 'layers')}</span>
            </th>
            <th scope="col">{translate(lang, 'forecastDaily')}</th>
            <th scope="col">{translate(lang, 'forecastReported')}</th>
            <th scope="col">{translate(lang, 'forecastBacklog')}</th>
          </tr>
        </thead>
        <tbody>
          {forecast.map((f) => (
            <tr key={f.layer} data-layer={f.layer} data-expected={f.total.expected} data-backlog={f.backlog[f.backlog.length - 1]}>
              <th scope="row">{translate(lang, CASES_TITLE[f.layer])}</th>
              <td className="forecast-table__daily" data-daily={f.daily.join(',')}>
                {f.daily.map(round).join(' ')}
              </td>
              <td>
                {round(f.total.expected)} ({formatNumber(lang, f.total.low)}–{formatNumber(lang, f.total.high)})
              </td>
              <td>
                {formatNumber(lang, f.backlogNow)} → {round(f.backlog[f.backlog.length - 1])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </WarningSection>
  );
}
