import { z } from 'zod';
import { labelledEnum } from './labels';
import { timestamp } from './time';
import { timeValue, type RowRule } from './rowRules';

/** The stages a case passes through; its status is the last stage reached. */
export const caseStatus = labelledEnum({
  reported: { zh: '已上报', en: 'Reported' },
  dispatched: { zh: '已派遣', en: 'Dispatched' },
  handled: { zh: '已处置', en: 'Handled' },
  checked: { zh: '已核查', en: 'Checked' },
  closed: { zh: '已结案', en: 'Closed' },
});
export type CaseStatus = (typeof caseStatus.values)[number];

export const caseSource = labelledEnum({
  patrol: { zh: '巡查发现', en: 'Patrol' },
  hotline: { zh: '12345热线', en: '12345 hotline' },
  app: { zh: '市民随手拍', en: 'Citizen app' },
  sensor: { zh: '物联感知', en: 'IoT sensor' },
});

/** The time stamp of each stage, in the order of caseStatus.values. */
export const STAGE_FIELDS = ['reportedAt', 'dispatchedAt', 'handledAt', 'checkedAt', 'closedAt'] as const;

export const caseLifecycleShape = {
  reportedAt: timestamp,
  dispatchedAt: timestamp.nullable(),
  handledAt: timestamp.nullable(),
  checkedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  deadline: timestamp,
  status: caseStatus.schema,
  source: caseSource.schema,
};

type Lifecycle = { [K in (typeof STAGE_FIELDS)[number]]: string | number | null } & { status: CaseStatus };

/** Stages must be reached in order, without gaps, and the status must name the last one. */
export function checkLifecycle(p: Lifecycle, ctx: z.RefinementCtx): void {
  let last = -1;
  let previous = -Infinity;
  for (let i = 0; i < STAGE_FIELDS.length; i++) {
    const value = p[STAGE_FIELDS[i]];
    if (value === null) continue;
    if (last !== i - 1) {
      ctx.addIssue({ code: 'custom', path: [STAGE_FIELDS[i]], message: `set although ${STAGE_FIELDS[i - 1]} is empty` });
    }
    const t = timeValue(value);
    if (t < previous) ctx.addIssue({ code: 'custom', path: [STAGE_FIELDS[i]], message: 'earlier than the stage before it' });
    previous = t;
    last = i;
  }
  if (last >= 0 && caseStatus.values[last] !== p.status) {
    ctx.addIssue({ code: 'custom', path: ['status'], message: `is "${p.status}" but the last stage reached is ${STAGE_FIELDS[last]}` });
  }
}

export const lifecycleRule: RowRule<Lifecycle> = { fields: [...STAGE_FIELDS, 'status'], check: checkLifecycle };
