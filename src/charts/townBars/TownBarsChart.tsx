import { useWidth } from '../useWidth';

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

/** In px: a row per town, its bar, the tick before its name, the names' column, the room for the values past the longest bar, the gap before a value. */
const ROW = 17;
const BAR = 14;
const TICK = 6;
const NAMES = 112;
const VALUES = 48;
const GAP = 5;
const AXIS = '#666';

const barColor = (b: TownBar) => (b.selected ? '#1565c0' : b.bottom ? '#e03131' : '#74c0fc');

/** The bars' lengths in pixels: the largest value spans the plot; none is drawn below zero. */
export function barLengths(values: readonly number[], plot: number): number[] {
  const largest = Math.max(0, ...values);
  return values.map((v) => (largest > 0 && v > 0 ? (v / largest) * plot : 0));
}

/**
 * Chart only: one horizontal bar per town in rank order; the bottom three marked in colour and with
 * ⚠, a click picks the town. Plain SVG in pixels from the box's width: it was a Recharts chart
 * whose mount, once the statistics completed, was one of the load's longest tasks at 10×.
 */
export function TownBarsChart({ bars, title, formatValue, onSelectTown }: TownBarsChartProps) {
  const [box, width] = useWidth<HTMLDivElement>();
  const height = Math.max(120, bars.length * ROW + 10);
  const lengths = barLengths(
    bars.map((b) => b.value),
    Math.max(0, width - NAMES - VALUES),
  );
  return (
    <figure className="chart" aria-label={title} data-testid="town-bars">
      <div ref={box} style={{ width: '100%', height }}>
        {width > 0 && (
          <svg className="chart-surface" width={width} height={height} aria-hidden="true">
            <line x1={NAMES} x2={NAMES} y1={0} y2={bars.length * ROW} stroke={AXIS} />
            {bars.map((b, i) => {
              const middle = i * ROW + ROW / 2;
              return (
                <g key={b.code} className="town-bar" data-town={b.code} onClick={() => onSelectTown(b.code)} cursor="pointer">
                  <title>{`${b.tag} ${b.name}: ${formatValue(b.value)}`}</title>
                  <line x1={NAMES - TICK} x2={NAMES} y1={middle} y2={middle} stroke={AXIS} />
                  <text x={NAMES - TICK - 2} y={middle} dy="0.355em" textAnchor="end" fontSize={11} fill={AXIS}>
                    {`${b.tag} ${b.name}`}
                  </text>
                  <rect className="chart-bar" x={NAMES} y={middle - BAR / 2} width={lengths[i]} height={BAR} fill={barColor(b)} stroke={b.selected ? '#0b3d91' : undefined} data-town={b.code} />
                  <text x={NAMES + lengths[i] + GAP} y={middle} dy="0.355em" fontSize={10} fill={barColor(b)}>
                    {formatValue(b.value)}
                  </text>
                </g>
              );
            })}
          </svg>
        )}
      </div>
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
