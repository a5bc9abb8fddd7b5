import { DataFilterExtension } from '@deck.gl/extensions';
import { describe, expect, it } from 'vitest';
import { asPointSprites, PointSpriteLayer } from './pointSpriteLayer';

/** The shaders a PointSpriteLayer links, on a device that draws points up to `largest` pixels. */
function shadersOf(largest: number) {
  const layer = new PointSpriteLayer({ id: 'covers', data: [], extensions: [new DataFilterExtension({ filterSize: 1, categorySize: 2 })] });
  layer.context = { defaultShaderModules: [], device: { type: 'webgl', gl: { getParameter: () => new Float32Array([1, largest]) } } } as unknown as typeof layer.context;
  return layer.getShaders() as { vs: string; fs: string; inject: Record<string, { injection: string; order: number }>; modules: { name: string }[] };
}

describe('PointSpriteLayer', () => {
  it('draws each point as one GL point sized to its circle, capped at the largest point the device draws', () => {
    const { vs } = shadersOf(255);
    expect(vs).toContain('#define SPRITE_SIZE_MAX 255.0');
    expect(vs).toContain('gl_PointSize = min(2.0 * edgePadding * outerRadiusPixels * project.devicePixelRatio, SPRITE_SIZE_MAX)');
    expect(vs).not.toMatch(/\bin vec3 positions;/);
    expect(shadersOf(64).vs).toContain('#define SPRITE_SIZE_MAX 64.0');
  });

  it('places each pixel in the circle from where it is in the sprite, and picks a point by its vertex, not an instance', () => {
    const { vs, fs } = shadersOf(255);
    expect(fs).toContain('vec2 unitPosition = spriteEdgePadding * (gl_PointCoord * 2.0 - 1.0);');
    expect(fs).not.toContain('in vec2 unitPosition;');
    expect(vs).toContain('picking_getPickingColorFromIndex(float(gl_VertexID))');
    expect(vs).not.toContain('gl_InstanceID');
  });

  it('keeps the GPU filter, and moves a point it hides behind the far plane after the filter has run', () => {
    const { modules, inject } = shadersOf(255);
    expect(modules.map((m) => m.name)).toContain('dataFilter');
    expect(inject['vs:#main-end'].injection).toContain('gl_Position = vec4(0.0, 0.0, 2.0, 1.0)');
    expect(inject['vs:#main-end'].order).toBeGreaterThan(0);
  });

  it('refuses shaders it does not know rather than draw them wrong', () => {
    expect(() => asPointSprites({ vs: '#version 300 es\nvoid main(void) {}', fs: 'void main(void) {}' }, 255)).toThrow(/no longer holds "in vec3 positions;"/);
  });
});
