import { describe, expect, it } from 'vitest';
import { lampFaultProperties } from '../streetLamps/schema';

const fault = {
  id: 'LF-1',
  assetId: 'LD-1',
  townCode: '370114001',
  cause: 'cable',
  lampsAffected: 2,
  reportedAt: '2025-10-10T09:00:00+08:00',
  dispatchedAt: '2025-10-10T09:20:00+08:00',
  handledAt: '2025-10-11T15:00:00+08:00',
  checkedAt: '2025-10-11T17:00:00+08:00',
  closedAt: '2025-10-11T18:00:00+08:00',
  deadline: '2025-10-13T09:00:00+08:00',
  status: 'closed',
  source: 'patrol',
  reworks: 2,
  failedChecks: ['2025-10-10T18:00:00+08:00', '2025-10-11T10:00:00+08:00'],
};
const problems = (p: Record<string, unknown>) => {
  const r = lampFaultProperties.safeParse(p);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('a case’s failed checks', () => {
  it('are taken in order between the dispatch and the handling, one per rework', () => {
    expect(problems(fault)).toEqual([]);
    // Older files have neither.
    expect(problems({ ...fault, reworks: undefined, failedChecks: undefined })).toEqual([]);
  });

  it('are refused when they do not match the reworks counted', () => {
    expect(problems({ ...fault, reworks: 1 })).toEqual(['reworks: is 1 but 2 failed checks are listed']);
  });

  it('are refused out of order, before the dispatch or after the handling', () => {
    const wrong = 'failedChecks: failed checks must be in order, after the dispatch and before the handling';
    expect(problems({ ...fault, failedChecks: [fault.failedChecks[1], fault.failedChecks[0]] })).toEqual([wrong]);
    expect(problems({ ...fault, failedChecks: ['2025-10-10T09:10:00+08:00', fault.failedChecks[1]] })).toEqual([wrong]);
    expect(problems({ ...fault, failedChecks: [fault.failedChecks[0], '2025-10-11T16:00:00+08:00'] })).toEqual([wrong]);
  });

  it('are times with their offset', () => {
    expect(problems({ ...fault, failedChecks: ['yesterday', fault.failedChecks[1]] })[0]).toMatch(/^failedChecks\.0: /);
  });
});
