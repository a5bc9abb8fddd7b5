import { useState, type MouseEvent } from 'react';

export interface OverviewBucket {
  label: string;
  from: number;
  to: number;
  count: number;
}

export interface RangeOverviewProps {
  data: OverviewBucket[];
  /** The selected range, drawn as a window over the buckets it touches. */
  selected: { from: number; to: number };
  title: string;
  hint: string;
  onSelect(range: { from: number; to: number }): void;
}

const HEIGHT = 64;
/** Height of the bars' area; the month labels sit below it. */
const BARS = 50;
/** A label every this many months (each January, as the data starts in one). */
const LABEL_EVERY = 12;
/** About how many months of the plot a label spans in the dashboard's column ("2026年1月" at 9 px). */
const LABEL_MONTHS = 9;
const SELECTED = '#1565c0';
const OTHER = '#adb5bd';

/** The bucket under a pointer, from where it is across the plot. */
function bucketAt(e: MouseEvent<SVGSVGElement>, buckets: number): number {
  const box = e.currentTarget.getBoundingClientRect();
  const at = Math.floor(((e.clientX - box.left) / Math.max(1, box.width)) * buckets);
  return Math.min(buckets - 1, Math.max(0, at));
}

/** A bucket's left edge and width in percent of the plot: bars placed so need no measuring of the page. */
const percent = (i: number, buckets: number) => `${(i * 100) / buckets}%`;

/**
 * Chart only: the whole span's reports per month, with the selected range as a window; dragging
 * across the bars (a brush) selects the months dragged over, a click selects one month. Plain SVG
 * placed in percent, not Recharts: its mount as the statistics completed was one task of 0.4–0.6 s
 * at 10× (Recharts' store, its Cell children and its measuring of the page).
 */
export function RangeOverview({ data, selected, title, hint, onSelect }: RangeOverviewProps) {
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dragTo, setDragTo] = useState<number | null>(null);
  const inSelection = (b: OverviewBucket) => b.to > selected.from && b.from < selected.to;
  const first = data.findIndex(inSelection);
  const last = data.length - 1 - [...data].reverse().findIndex(inSelection);
  const finish = () => {
    if (dragFrom !== null && dragTo !== null) {
      const [a, b] = dragFrom <= dragTo ? [dragFrom, dragTo] : [dragTo, dragFrom];
      onSelect({ from: data[a].from, to: data[b].to });
    }
    setDragFrom(null);
    setDragTo(null);
  };
  const windowFrom = dragFrom ?? (first >= 0 ? first : null);
  const windowTo = dragFrom !== null ? (dragTo ?? dragFrom) : first >= 0 ? last : null;
  const [low, high] = windowFrom !== null && windowTo !== null ? [Math.min(windowFrom, windowTo), Math.max(windowFrom, windowTo)] : [-1, -2];
  const max = Math.max(1, ...data.map((b) => b.count));
  const n = Math.max(1, data.length);
  const barWidth = `${(100 / n) * 0.8}%`;
  return (
    <figure className="chart chart--overview" aria-label={`${title}. ${hint}`} data-testid="range-overview" data-months={data.length} data-first={first} data-last={last}>
      <svg
        className="overview__plot"
        width="100%"
        height={HEIGHT}
        aria-hidden="true"
        onMouseDown={(e) => {
          if (data.length === 0) return;
          const i = bucketAt(e, data.length);
          setDragFrom(i);
          setDragTo(i);
        }}
        onMouseMove={(e) => dragFrom !== null && data.length > 0 && setDragTo(bucketAt(e, data.length))}
        onMouseUp={finish}
        onMouseLeave={() => dragFrom !== null && finish()}
      >
        {low >= 0 && <rect className="overview__window" x={percent(low, n)} width={percent(high - low + 1, n)} y={0} height={BARS} fill={SELECTED} fillOpacity={0.12} />}
        {data.map((b, i) => {
          const h = (b.count / max) * (BARS - 2);
          return (
            <rect key={b.label} x={percent(i + 0.1, n)} width={barWidth} y={BARS - h} height={h} fill={i >= low && i <= high ? SELECTED : OTHER} data-month={i}>
              <title>{`${b.label}: ${b.count}`}</title>
            </rect>
          );
        })}
        {data.map((b, i) =>
          // From its month's left edge, so that the first is not cut off at the plot's edge; none too near the right one.
          i % LABEL_EVERY === 0 && (i === 0 || i + LABEL_MONTHS <= n) ? (
            <text key={b.label} x={percent(i, n)} y={HEIGHT - 2} fontSize={9} fill="#666">
              {b.label}
            </text>
          ) : null,
        )}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {data.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
