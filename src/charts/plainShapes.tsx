import type { BarShapeProps, LineDrawShapeProps } from 'recharts';

/**
 * Recharts measures in the DOM as it draws: its bar and line shapes their outline
 * (`getTotalLength`, for an entrance animation these charts turn off), a bar once as it mounts and
 * the line on every render; its axis ticks every new label's words (to wrap them) and, to space
 * them, its size. Each measure lays out the whole page first. For the case series at 10×, one new
 * range cost 0.2–1 s on the main thread, 168 ms of one such task in `getTotalLength` alone.
 * These draw the same geometry and text without measuring.
 */

/** A bar as a plain rectangle (one reaching below its base drawn from its top edge), with its cell's fill, stroke and data attributes. */
export function PlainBar(props: Partial<BarShapeProps>) {
  const { x = 0, y = 0, width = 0, height = 0, fill, stroke, className } = props;
  const data = Object.fromEntries(Object.entries(props).filter(([key]) => key.startsWith('data-')));
  return <rect className={className ?? 'recharts-rectangle'} x={x} y={height < 0 ? y + height : y} width={Math.max(0, width)} height={Math.abs(height)} fill={fill} stroke={stroke} {...data} />;
}

/** Straight segments through the points, broken at a missing one (Recharts' 'linear' line, without connectNulls). */
export function linePath(points: LineDrawShapeProps['points']): string {
  let d = '';
  let pen = false;
  for (const p of points ?? []) {
    if (p.x === null || p.y === null || p.x === undefined || p.y === undefined) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p.x},${p.y}`;
    pen = true;
  }
  return d;
}

/** A line as one plain path. */
export function PlainLine({ points, stroke, strokeWidth, strokeDasharray, clipPath }: LineDrawShapeProps) {
  return <path className="recharts-curve recharts-line-curve" d={linePath(points)} fill="none" stroke={stroke} strokeWidth={strokeWidth} strokeDasharray={strokeDasharray} clipPath={clipPath} />;
}

export interface PlainTickProps {
  x?: number;
  y?: number;
  payload?: { value?: unknown };
  index?: number;
  tickFormatter?: (value: unknown, index: number) => string;
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit';
  verticalAnchor?: 'start' | 'middle' | 'end';
  fill?: string;
  fontSize?: number;
  className?: string;
}

/** The baseline shift of one line of text anchored at its top, middle or bottom (as Recharts' Text). */
const SHIFT = { start: '0.71em', middle: '0.355em', end: '0' } as const;

/** An axis label on one line, as the axis places it (set `interval` on the axis: spacing labels measures them). */
export function PlainTick({ x, y, payload, index = 0, tickFormatter, textAnchor = 'middle', verticalAnchor = 'end', fill = '#666', fontSize, className }: PlainTickProps) {
  const value = payload?.value;
  return (
    <text x={x} y={y} dy={SHIFT[verticalAnchor]} textAnchor={textAnchor} fontSize={fontSize} fill={fill} className={className ?? 'recharts-cartesian-axis-tick-value'}>
      {tickFormatter ? tickFormatter(value, index) : String(value ?? '')}
    </text>
  );
}

export interface PlainLabelProps {
  /** The bar's box (LabelList hands its content the bar's own geometry). */
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
  fill?: string;
  fontSize?: number;
  format: (value: number) => string;
}

/** Recharts' gap between a bar and its label. */
const LABEL_OFFSET = 5;

/** A horizontal bar's value on one line, past its end (where LabelList's position "right" puts it). */
export function PlainValueLabel({ x, y, width, height, value, fill, fontSize, format }: PlainLabelProps) {
  return (
    <text x={Number(x) + Number(width) + LABEL_OFFSET} y={Number(y) + Number(height) / 2} dy="0.355em" textAnchor="start" fontSize={fontSize} fill={fill} className="recharts-text recharts-label">
      {format(Number(value))}
    </text>
  );
}
