import { describe, expect, it } from 'vitest';
import { encodeTable } from './encodeTable';
import { keepDrawnGeometry, sameGeometry } from './keepGeometry';
import { withTriangles } from './polygonTriangles';

const patch = (id: string, status: string, x: number) => ({
  type: 'Feature' as const,
  geometry: { type: 'Polygon' as const, coordinates: [[[x, 36], [x + 0.01, 36], [x + 0.01, 36.01], [x, 36]]] },
  properties: { id, status },
});

describe('keepDrawnGeometry', () => {
  it('gives a fresh read with unchanged shapes the drawn geometry and triangles, and its own properties', () => {
    const drawn = withTriangles(encodeTable('patches', [patch('a', 'pending', 117), patch('b', 'pending', 117.1)]));
    const fresh = withTriangles(encodeTable('patches', [patch('a', 'illegal', 117), patch('b', 'pending', 117.1)]));
    const kept = keepDrawnGeometry(drawn, fresh);
    expect(kept.geometry).toBe(drawn.geometry);
    expect(kept.triangles).toBe(drawn.triangles);
    expect(kept.properties).toBe(fresh.properties);
  });

  it('keeps the fresh geometry when a shape moved, one was added, or nothing was drawn before', () => {
    const drawn = withTriangles(encodeTable('patches', [patch('a', 'pending', 117)]));
    const moved = encodeTable('patches', [patch('a', 'pending', 117.2)]);
    const added = encodeTable('patches', [patch('a', 'pending', 117), patch('b', 'pending', 117.1)]);
    expect(keepDrawnGeometry(drawn, moved)).toBe(moved);
    expect(keepDrawnGeometry(drawn, added)).toBe(added);
    expect(keepDrawnGeometry(null, moved)).toBe(moved);
    expect(sameGeometry(drawn.geometry, encodeTable('patches', [patch('a', 'falsePositive', 117)]).geometry)).toBe(true);
  });
});
