import { describe, expect, it } from 'vitest';
import { buildLayerColumns } from '../../map/columns/layerColumns';
import { NO_TOWN, withDrawnColumns } from './drawnColumns';
import { paintVertices, polygonDots } from './drawnPolygons';
import { encodeTable } from './encodeTable';
import { keepDrawnGeometry } from './keepGeometry';

type Ring = number[][];
const patch = (id: string, status: string, townCode: string, rings: Ring[]) => ({
  type: 'Feature' as const,
  geometry: { type: 'Polygon' as const, coordinates: rings },
  properties: { id, status, townCode, detectedAt: '2024-03-01T08:00:00Z' },
});
const square = (x: number, y: number, size: number): Ring => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
// A square with a hole (10 vertices), then a triangle (4 vertices).
const patches = encodeTable('patches', [
  patch('a', 'pending', '370114002', [square(117, 36.7, 0.01), square(117.004, 36.704, 0.002)]),
  patch('b', 'illegal', '370114001', [[[117.5, 36.6], [117.502, 36.6], [117.5, 36.601], [117.5, 36.6]]]),
]);
const bytes = (a: Uint8Array, from: number, count: number) => Array.from(a.subarray(from, from + count));

describe('the drawn polygons', () => {
  const drawn = withDrawnColumns(patches).drawn!;
  const polygons = drawn.polygons!;

  it('start each patch at its first vertex, holes included', () => {
    expect(Array.from(polygons.vertexStarts)).toEqual([0, 10, 14]);
  });

  it('copy each patch’s fill, outline, filter codes and minutes over every vertex of it', () => {
    for (const [feature, from, to] of [[0, 0, 10], [1, 10, 14]]) {
      for (const v of [from, to - 1]) {
        expect(bytes(polygons.fill, v * 4, 4)).toEqual(bytes(drawn.fill, feature * 4, 4));
        expect(bytes(polygons.line, v * 4, 4)).toEqual(bytes(drawn.line, feature * 4, 4));
        expect(bytes(polygons.categories, v * 4, 4)).toEqual(bytes(drawn.categories, feature * 4, 4));
        expect(polygons.minutes[v]).toBe(drawn.minutes[feature]);
      }
    }
    expect(bytes(drawn.fill, 0, 4)).not.toEqual(bytes(drawn.fill, 4, 4));
  });

  it('outline a patch in its fill at 60 %, opaque', () => {
    for (const feature of [0, 1]) {
      const fill = bytes(drawn.fill, feature * 4, 3);
      expect(bytes(drawn.line, feature * 4, 4)).toEqual([...fill.map((c) => Math.round(c * 0.6)), 255]);
    }
  });

  it('set a dot at the centre of each outer ring’s extent, of half its mean size in metres', () => {
    const dots = polygonDots(patches.geometry, patches.length, drawn.origin);
    expect(polygons.dotOffsets).toEqual(dots.offsets);
    expect(drawn.origin[0] + polygons.dotOffsets[0]).toBeCloseTo(117.005, 6);
    expect(drawn.origin[1] + polygons.dotOffsets[1]).toBeCloseTo(36.705, 6);
    const metres = (0.01 * 111_320 + 0.01 * Math.cos((36.705 * Math.PI) / 180) * 111_320) / 4;
    expect(polygons.dotRadius[0]).toBeCloseTo(metres, 1);
  });

  it('paint vertices of any number of channels', () => {
    const paint = paintVertices(Uint32Array.from([0, 2, 2, 3]), {
      fill: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
      line: new Uint8Array(12),
      categories: Uint8Array.from([1, 2, 3, 4, 5, 6]),
      minutes: Float32Array.from([7, 8, 9]),
      channels: 2,
    });
    expect(Array.from(paint.categories)).toEqual([1, 2, 1, 2, 5, 6]);
    expect(Array.from(paint.minutes)).toEqual([7, 7, 9]);
    expect(bytes(paint.fill, 8, 4)).toEqual([9, 10, 11, 12]);
  });

  it('are numbered as the page numbers its towns where it renumbers them, the worker’s left as they were', () => {
    const onlyOneTown = buildLayerColumns('patches', withDrawnColumns(patches), ['370114002']);
    const vertexTown = (c: Uint8Array, v: number) => c[v * 4 + 3];
    expect(vertexTown(onlyOneTown.polygons!.categories, 0)).toBe(0);
    expect(vertexTown(onlyOneTown.polygons!.categories, 13)).toBe(NO_TOWN);
    expect(vertexTown(polygons.categories, 0)).toBe(1);
    const both = buildLayerColumns('patches', withDrawnColumns(patches), ['370114001', '370114002']);
    expect(vertexTown(both.polygons!.categories, 0)).toBe(1);
  });

  it('keep their vertices and dots, and take the new paint, when a refresh keeps every shape', () => {
    const before = withDrawnColumns(patches);
    const fresh = withDrawnColumns(encodeTable('patches', [
      patch('a', 'illegal', '370114002', [square(117, 36.7, 0.01), square(117.004, 36.704, 0.002)]),
      patch('b', 'illegal', '370114001', [[[117.5, 36.6], [117.502, 36.6], [117.5, 36.601], [117.5, 36.6]]]),
    ]));
    const kept = keepDrawnGeometry(before, fresh).drawn!.polygons!;
    expect(kept.dotOffsets).toBe(before.drawn!.polygons!.dotOffsets);
    expect(kept.vertexStarts).toBe(before.drawn!.polygons!.vertexStarts);
    expect(kept.fill).toBe(fresh.drawn!.polygons!.fill);
    expect(bytes(kept.fill, 0, 4)).toEqual(bytes(kept.fill, 40, 4));
  });
});
