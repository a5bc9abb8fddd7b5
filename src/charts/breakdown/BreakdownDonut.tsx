import { donutArcs } from './donutArcs';

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

const SIZE = 130;
const INNER = 36;
const OUTER = 60;

/**
 * Chart only: a donut of counts per class; classes the filter drops are faded and struck through
 * in the list beside it. Plain SVG: its Recharts mount was one of the load's longest tasks.
 */
export function BreakdownDonut({ slices, title, formatCount, onPick }: BreakdownDonutProps) {
  const total = slices.reduce((a, s) => a + s.count, 0);
  const arcs = donutArcs(
    slices.map((s) => s.count),
    SIZE / 2,
    INNER,
    OUTER,
  );
  return (
    <figure className="chart donut" aria-label={title} data-testid="breakdown-donut">
      <svg className="chart-surface" width={SIZE} height={SIZE} aria-hidden="true">
        {slices.map((s, i) =>
          arcs[i] ? (
            <path key={s.value} d={arcs[i]} fill={s.color} fillOpacity={s.kept ? 1 : 0.25} stroke="#fff" data-class={s.value} cursor="pointer" onClick={() => onPick(s.value)}>
              <title>{`${s.name}: ${formatCount(s.count)}`}</title>
            </path>
          ) : null,
        )}
      </svg>
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
