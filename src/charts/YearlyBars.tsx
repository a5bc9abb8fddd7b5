export interface YearlyBarsProps {
  data: { year: number; count: number }[];
  color: string;
  /** Accessible name of the chart; the numbers are also given as a table for screen readers. */
  title: string;
  formatCount: (n: number) => string;
}

const HEIGHT = 40;

/**
 * A chart-only component: bars of a count per year, no state of its own. Plain SVG, not Recharts:
 * six bars need no scales or store, and each panel's Recharts chart mounted in one synchronous
 * commit of 50–130 ms while a city-scale page loaded.
 */
export function YearlyBars({ data, color, title, formatCount }: YearlyBarsProps) {
  const max = Math.max(1, ...data.map((d) => d.count));
  const width = 100 / Math.max(1, data.length);
  return (
    <figure className="yearly" aria-label={title}>
      <svg className="yearly__bars" viewBox={`0 0 100 ${HEIGHT}`} preserveAspectRatio="none" width="100%" height={HEIGHT} aria-hidden="true">
        {data.map((d, i) => {
          const h = (d.count / max) * HEIGHT;
          return (
            <rect key={d.year} x={i * width + width * 0.1} y={HEIGHT - h} width={width * 0.8} height={h} fill={color}>
              <title>{`${d.year}: ${formatCount(d.count)}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="yearly__years" aria-hidden="true">
        {data.map((d) => (
          <span key={d.year}>{`’${String(d.year).slice(2)}`}</span>
        ))}
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {data.map((d) => (
            <tr key={d.year}>
              <th scope="row">{d.year}</th>
              <td>{formatCount(d.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
