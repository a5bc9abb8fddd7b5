import type { Label } from './labels';
import { STAGE_FIELDS, caseStatus } from './lifecycle';

export interface TimelineStage {
  field: string;
  label: Label;
  /** Epoch ms, or null for a stage not reached yet. */
  at: number | null;
  /** Minutes since the stage before it (null when either is not reached). */
  minutesSincePrevious: number | null;
}

export interface CaseTimeline {
  stages: TimelineStage[];
  /** When a check failed and sent the case back to handling (epoch ms, in order): events between dispatch and handling. */
  failedChecks: number[];
  deadline: number;
  /** The case reached its last stage. */
  finished: boolean;
  /** Finished after its deadline, or still open past it at `asOf`. */
  overdue: boolean;
  /** Minutes from the first stage to the last reached one, or to `asOf` while open. */
  totalMinutes: number;
}

const CASE_STAGES: readonly { field: string; label: Label }[] = STAGE_FIELDS.map((field, i) => ({ field, label: caseStatus.labels[caseStatus.values[i]] }));

/** A violation patch is detected, verified, rectified and disposed of (false positives and legal ones stop at verification). */
const PATCH_STAGES: readonly { field: string; label: Label }[] = [
  { field: 'detectedAt', label: { zh: '下发', en: 'Detected' } },
  { field: 'verifiedAt', label: { zh: '核查', en: 'Verified' } },
  { field: 'rectifyStartedAt', label: { zh: '整改', en: 'Rectifying' } },
  { field: 'disposedAt', label: { zh: '处置完成', en: 'Disposed' } },
];
const PATCH_CLOSED_AT_VERIFICATION = new Set(['legal', 'falsePositive']);

const parse = (v: unknown) => (typeof v === 'string' ? Date.parse(v) : null);

/** The stages of a case or patch with their durations and whether it ran past its deadline, as of `asOf`. */
export function caseTimeline(properties: Record<string, unknown>, asOf: number): CaseTimeline {
  const isPatch = 'detectedAt' in properties;
  const stageDefs = isPatch ? PATCH_STAGES : CASE_STAGES;
  let previous: number | null = null;
  const stages = stageDefs.map(({ field, label }) => {
    const at = parse(properties[field]);
    const minutesSincePrevious = at !== null && previous !== null ? Math.round((at - previous) / 60_000) : null;
    if (at !== null) previous = at;
    return { field, label, at, minutesSincePrevious };
  });
  const reached = stages.filter((s) => s.at !== null);
  const last = reached[reached.length - 1]?.at ?? asOf;
  const finished = isPatch
    ? stages[3].at !== null || (stages[1].at !== null && PATCH_CLOSED_AT_VERIFICATION.has(String(properties.status)))
    : stages[stages.length - 1].at !== null;
  const deadline = parse(properties.deadline) ?? Infinity;
  const end = finished ? last : asOf;
  const failedChecks = Array.isArray(properties.failedChecks) ? properties.failedChecks.map(parse).filter((t): t is number => t !== null && Number.isFinite(t)) : [];
  return {
    stages,
    failedChecks,
    deadline,
    finished,
    overdue: end > deadline,
    totalMinutes: Math.round((end - (stages[0].at ?? end)) / 60_000),
  };
}
