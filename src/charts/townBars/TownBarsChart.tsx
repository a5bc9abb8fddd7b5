import { useMemo } from 'react';
import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { InTurn, useLatest } from '../turns/InTurn';
import { PlainBar, PlainTick, PlainValueLabel } from '../plainShapes';

export interface TownBar {
  code: string;
  name: string;
  value: number;
  /** Shown after the name: the rank, and ⚠ for the bottom three. */
  tag: string;
  bottom: boolean;
  selected: boolean;
}

export interface TownBarsChartProps {
  bars: TownBar[];
  title: string;
  formatValue: (v: number) => string;
  onSelectTown(code: string): void;
}

/** Chart only: one horizontal bar per town in rank order; the bottom three marked in colour and with ⚠, a click picks the town. */
export function TownBarsChart({ bars, title, formatValue, onSelectTown }: TownBarsChartProps) {
  const latest = useLatest({ formatValue, onSelectTown });
  const data = useMemo(() => bars.map((b) => ({ ...b, axis: `${b.tag} ${b.name}` })), [bars]);
  return (
    <figure className="chart" aria-label={title} data-testid="town-bars">
      <InTurn inputs={[data] as const} height={Math.max(120, bars.length * 17 + 10)}>
        {([rows]) => (
          <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 17 + 10)}>
            <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 48, bottom: 0, left: 0 }}>
              <XAxis type="number" hide />
              <YAxis type="category" dataKey="axis" width={112} tick={<PlainTick fontSize={11} />} interval={0} />
              <Tooltip formatter={(v) => latest.current.formatValue(Number(v))} />
              {/* The town of the bar drawn under the pointer (its payload), not of the same index in newer data. */}
              <Bar dataKey="value" isAnimationActive={false} shape={PlainBar} onClick={(entry) => latest.current.onSelectTown((entry.payload as TownBar).code)} cursor="pointer">
                {rows.map((b) => (
                  <Cell key={b.code} data-town={b.code} fill={b.selected ? '#1565c0' : b.bottom ? '#e03131' : '#74c0fc'} stroke={b.selected ? '#0b3d91' : undefined} />
                ))}
                <LabelList dataKey="value" position="right" content={<PlainValueLabel fontSize={10} format={(v) => latest.current.formatValue(v)} />} />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        )}
      </InTurn>
      {/* The bars as text (a town is picked from the keyboard in the town select or the town table). */}
      <ol className="visually-hidden">
        {bars.map((b) => (
          <li key={b.code} data-town={b.code} data-selected={b.selected}>
            {b.tag} {b.name}: {formatValue(b.value)}
          </li>
        ))}
      </ol>
    </figure>
  );
}
