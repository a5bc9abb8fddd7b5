import { describe, expect, it } from 'vitest';
import { reasonText, whereText } from './problemText';

describe('reasonText', () => {
  it('words a field by its label when given one, and the schema checks in Chinese', () => {
    const reason = { code: 'invalidField' as const, field: 'closedAt', detail: 'earlier than the stage before it' };
    expect(reasonText(reason, 'zh', (f) => (f === 'closedAt' ? '结案时间' : f))).toBe('字段“结案时间”不符合要求：早于上一环节的时间');
    expect(reasonText(reason, 'en')).toBe('field "closedAt": earlier than the stage before it');
  });

  it('leaves a check it has no Chinese for in its own words', () => {
    expect(reasonText({ code: 'invalidField', field: 'kmMarker', detail: 'expected a km marker such as K372+450' }, 'zh')).toContain('expected a km marker');
  });
});

describe('whereText', () => {
  it('counts CSV rows from the header, as a spreadsheet shows them, and GeoJSON features from one', () => {
    const p = { index: 0, featureId: 'ZQ-1', reason: { code: 'noGeometry' as const } };
    expect(whereText(p, true, 'zh')).toBe('第 2 行 (ZQ-1)');
    expect(whereText(p, false, 'en')).toBe('feature 1 (ZQ-1)');
  });
});
