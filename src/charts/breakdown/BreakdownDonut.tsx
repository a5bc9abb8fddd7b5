import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { InTurn, useLatest } from '../turns/InTurn';

export interface Slice {
  value: string;
  name: string;
  count: number;
  color: string;
  /** Whether the current filter keeps this class. */
  kept: boolean;
}

export interface BreakdownDonutProps {
  slices: Slice[];
  title: string;
  formatCount: (n: number) => string;
  onPick(value: string): void;
}

/** Chart only: a donut of counts per class; classes the filter drops are faded and struck through in the list beside it. */
export function BreakdownDonut({ slices, title, formatCount, onPick }: BreakdownDonutProps) {
  const latest = useLatest({ formatCount, onPick });
  const total = slices.reduce((a, s) => a + s.count, 0);
  return (
    <figure className="chart donut" aria-label={title} data-testid="breakdown-donut">
      <InTurn inputs={[slices] as const} width={130} height={130}>
        {([drawn]) => (
          <ResponsiveContainer width={130} height={130}>
            <PieChart>
              <Pie data={drawn} dataKey="count" nameKey="name" innerRadius={36} outerRadius={60} isAnimationActive={false} onClick={(_, i) => latest.current.onPick(drawn[i].value)} cursor="pointer">
                {drawn.map((s) => (
                  <Cell key={s.value} fill={s.color} fillOpacity={s.kept ? 1 : 0.25} data-class={s.value} />
                ))}
              </Pie>
              <Tooltip formatter={(v) => latest.current.formatCount(Number(v))} />
            </PieChart>
          </ResponsiveContainer>
        )}
      </InTurn>
      <ul className="donut__legend">
        {slices.map((s) => (
          <li key={s.value} data-class={s.value} data-count={s.count}>
            <button type="button" aria-pressed={s.kept} onClick={() => onPick(s.value)} className={s.kept ? '' : 'donut__dropped'}>
              <span className="legend__swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.name} <span className="donut__count">{formatCount(s.count)}</span>
              <span className="donut__share">{total > 0 ? ` ${((s.count / total) * 100).toFixed(1)}%` : ''}</span>
            </button>
          </li>
        ))}
      </ul>
    </figure>
  );
}
