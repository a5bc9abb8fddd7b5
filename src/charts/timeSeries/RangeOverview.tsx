import { useState } from 'react';
import { InTurn, useLatest } from '../turns/InTurn';
import { PlainBar, PlainTick } from '../plainShapes';
import { Bar, BarChart, Cell, ReferenceArea, ResponsiveContainer, XAxis } from 'recharts';

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

// Recharts 3 reports the active index as a string ("12"), version 2 as a number.
const indexOf = (value: unknown) => (typeof value === 'number' || (typeof value === 'string' && value !== '') ? Number(value) : Number.NaN);

/**
 * Chart only: the whole span's reports per month, with the selected range as a window; dragging
 * across the bars (a brush) selects the months dragged over, a click selects one month.
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
  const latest = useLatest({ dragFrom, finish });
  const windowFrom = dragFrom ?? (first >= 0 ? first : null);
  const windowTo = dragFrom !== null ? (dragTo ?? dragFrom) : first >= 0 ? last : null;
  return (
    <figure className="chart chart--overview" aria-label={`${title}. ${hint}`} data-testid="range-overview" data-months={data.length} data-first={first} data-last={last}>
      <InTurn inputs={[data, windowFrom, windowTo] as const} height={64}>
        {([bars, from, to]) => (
          <ResponsiveContainer width="100%" height={64}>
            <BarChart
              data={bars}
              margin={{ top: 2, right: 4, bottom: 0, left: 4 }}
              barCategoryGap={1}
              onMouseDown={(s) => {
                const i = indexOf(s.activeTooltipIndex);
                if (Number.isFinite(i)) {
                  setDragFrom(i);
                  setDragTo(i);
                }
              }}
              onMouseMove={(s) => {
                const i = indexOf(s.activeTooltipIndex);
                if (latest.current.dragFrom !== null && Number.isFinite(i)) setDragTo(i);
              }}
              onMouseUp={() => latest.current.finish()}
              onMouseLeave={() => latest.current.dragFrom !== null && latest.current.finish()}
            >
              <XAxis dataKey="label" tick={<PlainTick fontSize={9} />} interval={11} tickLine={false} />
              <Bar dataKey="count" isAnimationActive={false} shape={PlainBar}>
                {bars.map((b, i) => (
                  <Cell key={b.label} fill={from !== null && to !== null && i >= Math.min(from, to) && i <= Math.max(from, to) ? '#1565c0' : '#adb5bd'} />
                ))}
              </Bar>
              {from !== null && to !== null && (
                <ReferenceArea x1={bars[Math.min(from, to)].label} x2={bars[Math.max(from, to)].label} fill="#1565c0" fillOpacity={0.12} ifOverflow="visible" />
              )}
            </BarChart>
          </ResponsiveContainer>
        )}
      </InTurn>
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
