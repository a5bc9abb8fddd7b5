import type { Position } from 'geojson';
import { useId } from 'react';
import type { OpenCase } from '../stats/assessment/report';

const WIDTH = 260;
const HEIGHT = 220;
const PAD = 8;

/**
 * A small map of one town (the others faint around it), or of the whole district without `outline`,
 * with open cases, the overdue in red: SVG, so it prints sharp and needs no WebGL.
 */
export function TownMap({ outline, context, cases }: { outline?: Position[][][]; context: Position[][][][]; cases: readonly OpenCase[] }) {
  const frame = useId();
  const ring = outline ? outline.flat(2) : context.flat(3);
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  // A margin of a tenth around the town shows the towns beside it.
  const [mx, my] = [(Math.max(...xs) - Math.min(...xs)) * 0.1, (Math.max(...ys) - Math.min(...ys)) * 0.1];
  const [x0, x1, y0, y1] = [Math.min(...xs) - mx, Math.max(...xs) + mx, Math.min(...ys) - my, Math.max(...ys) + my];
  // Degrees of longitude shrink with latitude: scale them so the town keeps its shape.
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const scale = Math.min((WIDTH - 2 * PAD) / Math.max((x1 - x0) * k, 1e-9), (HEIGHT - 2 * PAD) / Math.max(y1 - y0, 1e-9));
  const px = (p: Position) => [PAD + (p[0] - x0) * k * scale, HEIGHT - PAD - (p[1] - y0) * scale];
  const path = (polygons: Position[][][]) =>
    polygons
      .flat()
      .map((r) => `M${r.map((p) => px(p).map((v) => v.toFixed(1)).join(',')).join('L')}Z`)
      .join('');
  return (
    <svg className="report__map" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img">
      <defs>
        <clipPath id={frame}>
          <rect width={WIDTH} height={HEIGHT} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${frame})`}>
        {context.map((polygons, i) => (
          <path key={i} d={path(polygons)} fill="#f1f3f5" stroke="#ced4da" strokeWidth={0.6} />
        ))}
        {outline && <path d={path(outline)} fill="#e7f0fb" stroke="#1c5fb8" strokeWidth={1.2} />}
        {cases.map((c) => {
          const [x, y] = px([c.x, c.y]);
          return <circle key={c.id} cx={x} cy={y} r={c.overdue ? 2.6 : 2} fill={c.overdue ? '#d6336c' : '#868e96'} fillOpacity={0.85} />;
        })}
      </g>
    </svg>
  );
}
