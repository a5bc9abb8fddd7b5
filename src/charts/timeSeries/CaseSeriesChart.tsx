import { Bar, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { InTurn, useLatest } from '../turns/InTurn';
import { PlainBar, PlainLine, PlainTick } from '../plainShapes';

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

/** Chart only: reported and closed bars per bucket, and the backlog at each bucket's end as a line on its own axis. */
export function CaseSeriesChart({ data, title, names, formatCount }: CaseSeriesChartProps) {
  const latest = useLatest({ formatCount });
  return (
    <figure className="chart" aria-label={title} data-testid="case-series-chart" data-buckets={data.length}>
      <InTurn inputs={[data, names.reported, names.closed, names.backlog] as const} height={170}>
        {([points, reported, closed, backlog]) => (
          <ResponsiveContainer width="100%" height={170}>
            <ComposedChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: -12 }}>
              {/* A fixed stride of about five labels: recharts would otherwise measure every bucket's label in the DOM to space them (0.1 s at first render). */}
              <XAxis dataKey="label" tick={<PlainTick fontSize={10} />} interval={Math.max(0, Math.ceil(points.length / LABELS) - 1)} />
              <YAxis yAxisId="flow" tick={<PlainTick fontSize={10} />} interval={0} allowDecimals={false} />
              <YAxis yAxisId="backlog" orientation="right" tick={<PlainTick fontSize={10} />} interval={0} allowDecimals={false} />
              <Tooltip formatter={(v) => latest.current.formatCount(Number(v))} />
              <Legend wrapperStyle={{ fontSize: 11 }} />
              <Bar yAxisId="flow" dataKey="reported" name={reported} fill="#5c7cfa" isAnimationActive={false} shape={PlainBar} />
              <Bar yAxisId="flow" dataKey="closed" name={closed} fill="#40c057" isAnimationActive={false} shape={PlainBar} />
              <Line yAxisId="backlog" dataKey="backlog" name={backlog} stroke="#e8590c" strokeDasharray="4 2" dot={false} isAnimationActive={false} shape={PlainLine} />
            </ComposedChart>
          </ResponsiveContainer>
        )}
      </InTurn>
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
