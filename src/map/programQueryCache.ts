/** GL_TRANSFORM_FEEDBACK_VARYINGS */
const TRANSFORM_FEEDBACK_VARYINGS = 0x8c83;

type ProgramParameterQuery = (this: WebGL2RenderingContext, program: WebGLProgram, pname: GLenum) => unknown;
type LinkProgram = (this: WebGL2RenderingContext, program: WebGLProgram) => void;

const installed = new WeakSet<object>();

/**
 * Answers a linked program's count of transform-feedback varyings from memory after the first
 * time it is asked. luma.gl asks it each time it wraps a program for a new attribute layout (each
 * deck.gl layer's first frame, and after), and Chromium sends that one question to the GPU process
 * and waits for the answer behind every frame queued before it: on a software GPU, 100 ms to
 * 1.5 s of main thread at 10× data, where the program and its answer had not changed. The count is
 * fixed when a program links, so linking it again forgets the answer. Every other query passes through.
 */
export function cacheTransformFeedbackCounts(proto: { getProgramParameter: ProgramParameterQuery; linkProgram: LinkProgram }): void {
  if (installed.has(proto)) return;
  installed.add(proto);
  const ask = proto.getProgramParameter;
  const link = proto.linkProgram;
  const counts = new WeakMap<WebGLProgram, unknown>();
  proto.getProgramParameter = function (program, pname) {
    if (pname !== TRANSFORM_FEEDBACK_VARYINGS || !program) return ask.call(this, program, pname);
    if (counts.has(program)) return counts.get(program);
    const count = ask.call(this, program, pname);
    counts.set(program, count);
    return count;
  };
  proto.linkProgram = function (program) {
    if (program) counts.delete(program);
    link.call(this, program);
  };
}
