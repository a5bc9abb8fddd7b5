import { describe, expect, it } from 'vitest';
import { cacheTransformFeedbackCounts } from './programQueryCache';

const TRANSFORM_FEEDBACK_VARYINGS = 0x8c83;
const LINK_STATUS = 0x8b82;

/** A context whose GPU answers are counted: each is a round trip that waits for the GPU. */
function countingContext() {
  const asked: [object, number][] = [];
  const varyings = new Map<object, number>();
  const proto = {
    getProgramParameter(program: object, pname: number): unknown {
      asked.push([program, pname]);
      return pname === TRANSFORM_FEEDBACK_VARYINGS ? (varyings.get(program) ?? 0) : true;
    },
    linkProgram(program: object) {
      varyings.set(program, (varyings.get(program) ?? 0) + 1);
    },
  };
  cacheTransformFeedbackCounts(proto as never);
  const gl = Object.create(proto) as typeof proto;
  return { gl, asked, roundTrips: (pname: number) => asked.filter(([, p]) => p === pname).length };
}

describe('cacheTransformFeedbackCounts', () => {
  it('asks the GPU for a linked program’s transform-feedback varyings once, and answers again from memory', () => {
    const { gl, roundTrips } = countingContext();
    const program = {};
    gl.linkProgram(program);
    expect(gl.getProgramParameter(program, TRANSFORM_FEEDBACK_VARYINGS)).toBe(1);
    expect(gl.getProgramParameter(program, TRANSFORM_FEEDBACK_VARYINGS)).toBe(1);
    expect(gl.getProgramParameter(program, TRANSFORM_FEEDBACK_VARYINGS)).toBe(1);
    expect(roundTrips(TRANSFORM_FEEDBACK_VARYINGS)).toBe(1);
  });

  it('asks again for a program linked again, and for each program apart', () => {
    const { gl, roundTrips } = countingContext();
    const first = {};
    const second = {};
    gl.linkProgram(first);
    gl.linkProgram(second);
    gl.getProgramParameter(first, TRANSFORM_FEEDBACK_VARYINGS);
    gl.getProgramParameter(second, TRANSFORM_FEEDBACK_VARYINGS);
    gl.linkProgram(first);
    expect(gl.getProgramParameter(first, TRANSFORM_FEEDBACK_VARYINGS)).toBe(2);
    expect(roundTrips(TRANSFORM_FEEDBACK_VARYINGS)).toBe(3);
  });

  it('passes every other question through, each time', () => {
    const { gl, roundTrips } = countingContext();
    const program = {};
    gl.linkProgram(program);
    gl.getProgramParameter(program, LINK_STATUS);
    gl.getProgramParameter(program, LINK_STATUS);
    expect(roundTrips(LINK_STATUS)).toBe(2);
  });

  it('installs once on a prototype, however often it is called', () => {
    const { gl, roundTrips } = countingContext();
    cacheTransformFeedbackCounts(Object.getPrototypeOf(gl));
    const program = {};
    gl.linkProgram(program);
    gl.getProgramParameter(program, TRANSFORM_FEEDBACK_VARYINGS);
    gl.getProgramParameter(program, TRANSFORM_FEEDBACK_VARYINGS);
    expect(roundTrips(TRANSFORM_FEEDBACK_VARYINGS)).toBe(1);
  });
});
