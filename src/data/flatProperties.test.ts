import { describe, expect, it } from 'vitest';
import { restoreFlatProperties } from './flatProperties';

describe('restoreFlatProperties', () => {
  it('turns an empty stage time into null, and leaves a required one for validation to refuse', () => {
    const restored = restoreFlatProperties('lamp-faults', { handledAt: '', closedAt: '', reportedAt: '', cause: '' }) as Record<string, unknown>;
    expect(restored).toEqual({ handledAt: null, closedAt: null, reportedAt: '', cause: '' });
  });

  it('reads a town seat written as JSON text back into its pair', () => {
    expect(restoreFlatProperties('towns', { seat: '[117.53,36.72]', name: '[x]' })).toEqual({ seat: [117.53, 36.72], name: '[x]' });
  });

  it('keeps text that is not an array as it is', () => {
    expect(restoreFlatProperties('towns', { seat: '[117.53,' })).toEqual({ seat: '[117.53,' });
    expect(restoreFlatProperties('towns', null)).toBeNull();
  });
});
