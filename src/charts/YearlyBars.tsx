import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis } from 'recharts';
import { InTurn } from './turns/InTurn';

export interface YearlyBarsProps {
  data: { year: number; count: number }[];
  color: string;
  /** Accessible name of the chart; the numbers are also given as a table for screen readers. */
  title: string;
  formatCount: (n: number) => string;
}

/** A chart-only component: bars of a count per year, no state of its own. */
export function YearlyBars({ data, color, title, formatCount }: YearlyBarsProps) {
  return (
    <figure className="yearly" aria-label={title}>
      <InTurn width={'100%'} height={56}>
        <ResponsiveContainer width="100%" height={56}>
          <BarChart data={data} margin={{ top: 2, right: 0, bottom: 0, left: 0 }}>
            <XAxis dataKey="year" tickLine={false} axisLine={false} tick={{ fontSize: 10 }} interval={0} tickFormatter={(y: number) => `’${String(y).slice(2)}`} />
            <Tooltip formatter={(v) => formatCount(Number(v))} labelFormatter={(y) => String(y)} />
            <Bar dataKey="count" fill={color} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </InTurn>
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
