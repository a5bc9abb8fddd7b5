import type { FieldDisplay } from './definition';
import { caseSource, caseStatus } from './lifecycle';

export const idField: FieldDisplay = { label: { zh: '编号', en: 'ID' } };
export const assetIdField: FieldDisplay = { label: { zh: '设施编号', en: 'Asset ID' } };
export const townField: FieldDisplay = { label: { zh: '所属镇街', en: 'Town' }, format: 'town' };
export const roadField: FieldDisplay = { label: { zh: '所在道路', en: 'Road' } };
export const deadlineField: FieldDisplay = { label: { zh: '处置时限', en: 'Deadline' }, format: 'time' };

/** The stages of a case, shared by lamp faults, manhole defects and railway issues. */
export const lifecycleFields = {
  reportedAt: { label: { zh: '上报时间', en: 'Reported' }, format: 'time' },
  dispatchedAt: { label: { zh: '派遣时间', en: 'Dispatched' }, format: 'time' },
  handledAt: { label: { zh: '处置时间', en: 'Handled' }, format: 'time' },
  checkedAt: { label: { zh: '核查时间', en: 'Checked' }, format: 'time' },
  closedAt: { label: { zh: '结案时间', en: 'Closed' }, format: 'time' },
  deadline: deadlineField,
  status: { label: { zh: '案件状态', en: 'Case status' }, enum: caseStatus },
  source: { label: { zh: '问题来源', en: 'Source' }, enum: caseSource },
} as const satisfies Record<string, FieldDisplay>;
