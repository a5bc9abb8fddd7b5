/**
 * The SVG points of a sparkline over `values` (nulls skipped, the line joined over them), in a box
 * of `width` × `height` less `pad` on each side: evenly spaced in x, scaled in y from zero (or the
 * lowest value, if below zero) to the highest. Null when fewer than two values are known.
 */
export function sparkPoints(values: readonly (number | null)[], width: number, height: number, pad: number): string | null {
  const known = values.flatMap((v, i) => (v === null || !Number.isFinite(v) ? [] : [[i, v] as const]));
  if (known.length < 2) return null;
  const low = Math.min(0, ...known.map(([, v]) => v));
  const high = Math.max(...known.map(([, v]) => v));
  const span = high - low || 1;
  const step = (width - 2 * pad) / Math.max(1, values.length - 1);
  const round = (n: number) => Math.round(n * 100) / 100;
  return known.map(([i, v]) => `${round(pad + i * step)},${round(height - pad - ((v - low) / span) * (height - 2 * pad))}`).join(' ');
}
