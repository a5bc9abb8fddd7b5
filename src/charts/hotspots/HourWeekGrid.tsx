import { formatNumber, translate, type Lang } from '../../i18n';

const WEEKDAYS = {
  zh: ['周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/**
 * Chart only: reports by weekday (rows) and hour (columns), darker for more. It is a real table,
 * so it is its own text alternative: every cell carries its count for screen readers.
 */
export function HourWeekGrid({ lang, grid }: { lang: Lang; grid: readonly number[] }) {
  const max = Math.max(1, ...grid);
  const title = translate(lang, 'hourWeekTitle');
  return (
    <table className="hour-week" data-testid="hour-week-grid" aria-label={title}>
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col" />
          {Array.from({ length: 24 }, (_, h) => (
            <th key={h} scope="col" className="hour-week__hour">
              {h % 6 === 0 ? h : <span className="visually-hidden">{h}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS[lang].map((day, d) => (
          <tr key={day}>
            <th scope="row">{day}</th>
            {Array.from({ length: 24 }, (_, h) => {
              const n = grid[d * 24 + h];
              return (
                <td key={h} data-count={n} title={`${day} ${h}:00 · ${formatNumber(lang, n)}`} style={{ background: `rgb(229 57 53 / ${Math.round((n / max) * 100)}%)` }}>
                  <span className="visually-hidden">{formatNumber(lang, n)}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
