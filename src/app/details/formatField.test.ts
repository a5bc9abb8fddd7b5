import { describe, expect, it } from 'vitest';
import { formatField } from './formatField';

const town = (code: string) => `town ${code}`;

describe('formatField', () => {
  it('writes a year as it is, and a quantity with its grouping and unit', () => {
    expect(formatField('en', { label: { zh: '安装年份', en: 'Installed' }, format: 'year' }, 2011, town)).toBe('2011');
    expect(formatField('en', { label: { zh: '功率', en: 'Power' }, unit: { zh: '瓦', en: 'W' } }, 12000, town)).toBe('12,000 W');
  });

  it('names a town by its code, and writes a missing value as a dash', () => {
    expect(formatField('zh', { label: { zh: '镇街', en: 'Town' }, format: 'town' }, '370114001', town)).toBe('town 370114001');
    expect(formatField('zh', { label: { zh: '镇街', en: 'Town' } }, '', town)).toBe('—');
  });
});
