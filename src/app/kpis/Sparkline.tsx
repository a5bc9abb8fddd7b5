import { sparkPoints } from './sparkPoints';

const WIDTH = 100;
const HEIGHT = 28;

/**
 * A KPI's sub-window values as a small line (gaps joined), drawn in the card's text colour. Plain
 * SVG: a chart library's line measures its path on every render, and a row of cards re-rendered
 * with each new range made that the largest cost of showing their figures.
 */
export function Sparkline({ values }: { values: (number | null)[] }) {
  const points = sparkPoints(values, WIDTH, HEIGHT, 2);
  return (
    <svg className="sparkline" width="100%" height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" focusable="false">
      {points && <polyline points={points} fill="none" stroke="currentColor" strokeWidth={1.5} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />}
    </svg>
  );
}
