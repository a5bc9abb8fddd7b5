/**
 * A ring's slices as SVG paths, in the order given, counterclockwise from three o'clock (as
 * Recharts drew them), each spanning its share of the total. A slice of the whole ring is drawn as
 * two halves; a slice of nothing is an empty path.
 */
export function donutArcs(counts: readonly number[], centre: number, inner: number, outer: number): string[] {
  const total = counts.reduce((a, c) => a + Math.max(0, c), 0);
  let start = 0;
  return counts.map((count) => {
    const sweep = total > 0 ? (Math.max(0, count) / total) * 2 * Math.PI : 0;
    const from = start;
    start += sweep;
    if (sweep === 0) return '';
    if (sweep >= 2 * Math.PI - 1e-9) return `${ring(centre, inner, outer, 0, Math.PI)}${ring(centre, inner, outer, Math.PI, 2 * Math.PI)}`;
    return ring(centre, inner, outer, from, from + sweep);
  });
}

const round = (v: number) => Math.round(v * 100) / 100;
/** A point at an angle (radians, counterclockwise from three o'clock, y pointing down). */
const at = (centre: number, r: number, angle: number) => `${round(centre + r * Math.cos(angle))},${round(centre - r * Math.sin(angle))}`;

function ring(centre: number, inner: number, outer: number, from: number, to: number): string {
  const large = to - from > Math.PI ? 1 : 0;
  return `M${at(centre, outer, from)}A${outer},${outer} 0 ${large} 0 ${at(centre, outer, to)}L${at(centre, inner, to)}A${inner},${inner} 0 ${large} 1 ${at(centre, inner, from)}Z`;
}
