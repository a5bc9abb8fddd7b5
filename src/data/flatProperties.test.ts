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

  it('reads a case’s failed checks written as JSON text back into their list, though the field is optional', () => {
    const restored = restoreFlatProperties('lamp-faults', { failedChecks: '["2025-10-10T18:00:00+08:00","2025-10-11T10:00:00+08:00"]', checkedAt: '' }) as Record<string, unknown>;
    expect(restored.failedChecks).toEqual(['2025-10-10T18:00:00+08:00', '2025-10-11T10:00:00+08:00']);
    // None, written empty or as an empty list, is left out as the file leaves it out.
    for (const none of ['', []]) expect(restoreFlatProperties('lamp-faults', { failedChecks: none })).toEqual({});
  });

  it('keeps text that is not an array as it is', () => {
    expect(restoreFlatProperties('towns', { seat: '[117.53,' })).toEqual({ seat: '[117.53,' });
    expect(restoreFlatProperties('towns', null)).toBeNull();
  });
});
