import { niceTicks } from '../niceTicks';
import { useWidth } from '../useWidth';

export interface SeriesPoint {
  label: string;
  reported: number;
  closed: number;
  backlog: number;
}

export interface CaseSeriesChartProps {
  data: SeriesPoint[];
  title: string;
  names: { reported: string; closed: string; backlog: string };
  formatCount: (n: number) => string;
}

/** About as many bucket labels as fit the panel's width (the dashboard's narrowest). */
const LABELS = 5;
const HEIGHT = 150;
/** Room for the axes' labels (px): the counts left, the backlog right, the buckets below. */
const LEFT = 40;
const RIGHT = 36;
const TOP = 6;
const BOTTOM = 18;
const AXIS = '#666';
const SERIES_COLORS = { reported: '#5c7cfa', closed: '#40c057', backlog: '#e8590c' } as const;

/** Where a bucket's two bars go in its band (px from the band's left edge): a tenth of the band free each side, 2 px between. */
function barsIn(band: number): { reported: number; closed: number; width: number } {
  const inner = band * 0.8;
  const width = Math.max(1, (inner - 2) / 2);
  return { reported: band * 0.1, closed: band * 0.1 + width + 2, width };
}

/**
 * Chart only: reported and closed bars per bucket, and the backlog at each bucket's end as a dashed
 * line on its own axis. Plain SVG in pixels from the box's width: it was a Recharts chart whose
 * mount, as the statistics completed, was one of the load's longest tasks at 10×.
 */
export function CaseSeriesChart({ data, title, names, formatCount }: CaseSeriesChartProps) {
  const [box, width] = useWidth<HTMLDivElement>();
  const plot = { width: Math.max(0, width - LEFT - RIGHT), height: HEIGHT - TOP - BOTTOM };
  const flowTicks = niceTicks(Math.max(0, ...data.map((d) => Math.max(d.reported, d.closed))));
  const backlogTicks = niceTicks(Math.max(0, ...data.map((d) => d.backlog)));
  const yOf = (ticks: number[]) => (v: number) => TOP + plot.height - (v / ticks[ticks.length - 1]) * plot.height;
  const flowY = yOf(flowTicks);
  const backlogY = yOf(backlogTicks);
  const band = data.length > 0 ? plot.width / data.length : 0;
  const bars = barsIn(band);
  const every = Math.max(1, Math.ceil(data.length / LABELS));
  const line = data.map((d, i) => `${i === 0 ? 'M' : 'L'}${LEFT + band * (i + 0.5)},${backlogY(d.backlog)}`).join('');
  return (
    <figure className="chart" aria-label={title} data-testid="case-series-chart" data-buckets={data.length}>
      <div ref={box} style={{ width: '100%', height: HEIGHT }}>
        {width > 0 && (
          <svg className="chart-surface" width={width} height={HEIGHT} aria-hidden="true" fontSize={10}>
            {flowTicks.map((t) => (
              <text key={`f${t}`} x={LEFT - 4} y={flowY(t)} dy="0.355em" textAnchor="end" fill={AXIS}>
                {t}
              </text>
            ))}
            {backlogTicks.map((t) => (
              <text key={`b${t}`} x={LEFT + plot.width + 4} y={backlogY(t)} dy="0.355em" fill={AXIS}>
                {t}
              </text>
            ))}
            <line x1={LEFT} x2={LEFT + plot.width} y1={TOP + plot.height} y2={TOP + plot.height} stroke={AXIS} />
            {data.map((d, i) => {
              const left = LEFT + band * i;
              return (
                <g key={d.label} className="series-bucket">
                  <title>{`${d.label}\n${names.reported}: ${formatCount(d.reported)}\n${names.closed}: ${formatCount(d.closed)}\n${names.backlog}: ${formatCount(d.backlog)}`}</title>
                  <rect x={left} y={TOP} width={band} height={plot.height} fill="transparent" />
                  <rect className="chart-bar" data-series="reported" x={left + bars.reported} y={flowY(d.reported)} width={bars.width} height={TOP + plot.height - flowY(d.reported)} fill={SERIES_COLORS.reported} />
                  <rect className="chart-bar" data-series="closed" x={left + bars.closed} y={flowY(d.closed)} width={bars.width} height={TOP + plot.height - flowY(d.closed)} fill={SERIES_COLORS.closed} />
                  {i % every === 0 && (
                    <text x={left + band / 2} y={HEIGHT - BOTTOM + 4} dy="0.71em" textAnchor="middle" fill={AXIS}>
                      {d.label}
                    </text>
                  )}
                </g>
              );
            })}
            <path d={line} fill="none" stroke={SERIES_COLORS.backlog} strokeDasharray="4 2" strokeWidth={1.5} pointerEvents="none" />
          </svg>
        )}
      </div>
      <ul className="legend chart-legend">
        {(['reported', 'closed', 'backlog'] as const).map((key) => (
          <li key={key} data-class={key}>
            <span className={`legend__swatch chart-legend__${key === 'backlog' ? 'line' : 'bar'}`} style={{ background: SERIES_COLORS[key] }} aria-hidden="true" />
            {names[key]}
          </li>
        ))}
      </ul>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{names.reported}</th>
            <th scope="col">{names.closed}</th>
            <th scope="col">{names.backlog}</th>
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{formatCount(d.reported)}</td>
              <td>{formatCount(d.closed)}</td>
              <td>{formatCount(d.backlog)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
