import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { InTurn } from '../turns/InTurn';

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

/**
 * A town's name on the axis as plain SVG text: Recharts' own tick measures every word in the DOM
 * to wrap it, on each render, which the names (one line each) never need.
 */
function TownTick({ x, y, payload }: { x?: number; y?: number; payload?: { value?: string } }) {
  return (
    <text x={x} y={y} dy="0.355em" textAnchor="end" fontSize={11} fill="#666" className="recharts-cartesian-axis-tick-value">
      {payload?.value}
    </text>
  );
}

/** Chart only: one horizontal bar per town in rank order; the bottom three marked in colour and with ⚠, a click picks the town. */
export function TownBarsChart({ bars, title, formatValue, onSelectTown }: TownBarsChartProps) {
  const data = bars.map((b) => ({ ...b, axis: `${b.tag} ${b.name}` }));
  return (
    <figure className="chart" aria-label={title} data-testid="town-bars">
      <InTurn width={'100%'} height={Math.max(120, bars.length * 17 + 10)}>
        <ResponsiveContainer width="100%" height={Math.max(120, bars.length * 17 + 10)}>
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 48, bottom: 0, left: 0 }}>
            <XAxis type="number" hide />
            <YAxis type="category" dataKey="axis" width={112} tick={<TownTick />} interval={0} />
            <Tooltip formatter={(v) => formatValue(Number(v))} />
            {/* The town of the bar drawn under the pointer (its payload), not of the same index in newer data. */}
            <Bar dataKey="value" isAnimationActive={false} onClick={(entry) => onSelectTown((entry.payload as TownBar).code)} cursor="pointer">
              {data.map((b) => (
                <Cell key={b.code} data-town={b.code} fill={b.selected ? '#1565c0' : b.bottom ? '#e03131' : '#74c0fc'} stroke={b.selected ? '#0b3d91' : undefined} />
              ))}
              <LabelList dataKey="value" position="right" formatter={(v) => formatValue(Number(v))} style={{ fontSize: 10 }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
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
