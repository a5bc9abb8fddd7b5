import { describe, expect, it } from 'vitest';
import { caseTimeline } from './timeline';

const closedCase = {
  reportedAt: '2021-03-01T08:00:00+08:00',
  dispatchedAt: '2021-03-01T08:30:00+08:00',
  handledAt: '2021-03-01T12:00:00+08:00',
  checkedAt: '2021-03-01T13:00:00+08:00',
  closedAt: '2021-03-01T14:00:00+08:00',
  deadline: '2021-03-02T08:00:00+08:00',
  status: 'closed',
};

describe('caseTimeline', () => {
  it('gives each stage its time and the minutes since the stage before', () => {
    const t = caseTimeline(closedCase, Date.parse('2026-01-01T00:00:00+08:00'));
    expect(t.stages.map((s) => s.minutesSincePrevious)).toEqual([null, 30, 210, 60, 60]);
    expect(t.finished).toBe(true);
    expect(t.overdue).toBe(false);
    expect(t.totalMinutes).toBe(360);
  });

  it('lists the checks that failed and sent the case back, as times in order; none for a case without', () => {
    const sentBack = { ...closedCase, reworks: 1, failedChecks: ['2021-03-01T10:00:00+08:00'] };
    expect(caseTimeline(sentBack, Date.parse('2026-01-01T00:00:00+08:00')).failedChecks).toEqual([Date.parse('2021-03-01T10:00:00+08:00')]);
    expect(caseTimeline(closedCase, Date.parse('2026-01-01T00:00:00+08:00')).failedChecks).toEqual([]);
  });

  it('flags a case closed after its deadline', () => {
    const t = caseTimeline({ ...closedCase, deadline: '2021-03-01T13:59:00+08:00' }, Date.parse('2026-01-01T00:00:00+08:00'));
    expect(t.overdue).toBe(true);
  });

  it('measures an open case to the moment asked about, and flags it once past its deadline', () => {
    const open = { ...closedCase, handledAt: null, checkedAt: null, closedAt: null, status: 'dispatched' };
    const before = caseTimeline(open, Date.parse('2021-03-01T20:00:00+08:00'));
    expect(before.finished).toBe(false);
    expect(before.overdue).toBe(false);
    expect(before.totalMinutes).toBe(12 * 60);
    expect(before.stages[2]).toMatchObject({ at: null, minutesSincePrevious: null });
    expect(caseTimeline(open, Date.parse('2021-03-02T08:01:00+08:00')).overdue).toBe(true);
  });

  it('ends a patch found legal at its verification', () => {
    const patch = {
      detectedAt: '2021-01-05T09:00:00+08:00',
      verifiedAt: '2021-01-20T09:00:00+08:00',
      rectifyStartedAt: null,
      disposedAt: null,
      deadline: '2021-04-05T09:00:00+08:00',
      status: 'legal',
    };
    const t = caseTimeline(patch, Date.parse('2026-01-01T00:00:00+08:00'));
    expect(t.finished).toBe(true);
    expect(t.overdue).toBe(false);
    expect(t.stages.map((s) => s.field)).toEqual(['detectedAt', 'verifiedAt', 'rectifyStartedAt', 'disposedAt']);
    expect(t.totalMinutes).toBe(15 * 24 * 60);
  });
});
