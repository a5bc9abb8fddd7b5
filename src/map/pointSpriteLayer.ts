import { ScatterplotLayer } from '@deck.gl/layers';
import { Model } from '@luma.gl/engine';

/** The largest point a WebGL context draws, in device pixels (the spec allows as little as 1). */
const ALIASED_POINT_SIZE_RANGE = 0x846d;

/** A piece of deck.gl's shader source that this layer rewrites: missing after an upgrade, the layer must not draw wrong. */
function replaceOnce(source: string, from: string, to: string): string {
  if (!source.includes(from)) throw new Error(`PointSpriteLayer: deck.gl's scatterplot shader no longer holds "${from}"`);
  return source.replace(from, to);
}

/** ScatterplotLayer's shaders drawing each point as one GL point (a sprite) instead of an instanced square of two triangles. */
export function asPointSprites(shaders: { vs: string; fs: string }, maxPointSize: number): { vs: string; fs: string; inject: Record<string, { injection: string; order: number }> } {
  let vs = replaceOnce(shaders.vs, 'in vec3 positions;', 'const vec3 positions = vec3(0.0);');
  vs = replaceOnce(vs, 'picking_getPickingColorFromInstanceID()', 'picking_getPickingColorFromIndex(float(gl_VertexID))');
  vs = replaceOnce(vs, 'out float outerRadiusPixels;', 'out float outerRadiusPixels;\nout float spriteEdgePadding;');
  vs = replaceOnce(vs, 'unitPosition = edgePadding * positions.xy;', 'unitPosition = vec2(0.0);\nspriteEdgePadding = edgePadding;\ngl_PointSize = min(2.0 * edgePadding * outerRadiusPixels * project.devicePixelRatio, SPRITE_SIZE_MAX);');
  let fs = replaceOnce(shaders.fs, 'in vec2 unitPosition;', 'in float spriteEdgePadding;');
  fs = replaceOnce(fs, 'void main(void) {', 'void main(void) {\nvec2 unitPosition = spriteEdgePadding * (gl_PointCoord * 2.0 - 1.0);');
  return {
    vs: vs.replace('#version 300 es', `#version 300 es\n#define SPRITE_SIZE_MAX ${maxPointSize.toFixed(1)}`),
    fs,
    inject: {
      // The GPU filter hides a point by setting its position to 0: a GL point is clipped only by the
      // near and far planes, so it is moved behind the far one.
      'vs:#main-end': { injection: 'if (gl_Position == vec4(0.0)) gl_Position = vec4(0.0, 0.0, 2.0, 1.0);', order: 1000 },
    },
  };
}

/**
 * A ScatterplotLayer that draws each point as one GL point (a sprite) in a plain, not instanced,
 * draw. On a software GPU (llvmpipe) the cost of a dense point layer is per primitive, not per
 * pixel: 472,000 manhole covers took 2.3–2.9 s a frame as instanced squares and 1.0 s as sprites, and
 * quads four times larger cost the same. Everything else is ScatterplotLayer's: the same
 * attributes (per vertex instead of per instance), uniforms, picking (by vertex index), highlight
 * and filter. A point larger than the device draws is drawn at its largest (255 px on llvmpipe,
 * past 500 on desktop GPUs; our largest is about 30 px at pixel ratio 1).
 */
export class PointSpriteLayer<D = unknown, P extends object = object> extends ScatterplotLayer<D, P> {
  static override layerName = 'PointSpriteLayer';

  override initializeState() {
    super.initializeState();
    // ScatterplotLayer adds its attributes per instance; here each point is a vertex.
    for (const attribute of Object.values(this.getAttributeManager()!.getAttributes())) {
      const settings = (attribute as unknown as { settings: { stepMode?: string } }).settings;
      if (settings.stepMode === 'instance') settings.stepMode = 'dynamic';
    }
  }

  override getShaders() {
    const shaders = super.getShaders();
    const gl = (this.context.device as unknown as { gl: WebGL2RenderingContext }).gl;
    const range = gl.getParameter(ALIASED_POINT_SIZE_RANGE) as Float32Array;
    const sprites = asPointSprites({ vs: shaders.vs as string, fs: shaders.fs as string }, range[1]);
    const inject = (shaders.inject ?? {}) as Record<string, unknown>;
    if ('vs:#main-end' in inject) throw new Error('PointSpriteLayer: an extension injects at the end of the vertex shader too');
    return { ...shaders, ...sprites, inject: { ...inject, ...sprites.inject } };
  }

  override _getModel() {
    return new Model(this.context.device, {
      ...this.getShaders(),
      id: this.props.id,
      bufferLayout: this.getAttributeManager()!.getBufferLayouts({ isInstanced: false }),
      topology: 'point-list',
      isInstanced: false,
    });
  }

  override draw(options: Parameters<ScatterplotLayer['draw']>[0]) {
    (this.state.model as Model).setVertexCount(this.getNumInstances());
    super.draw(options);
  }
}
