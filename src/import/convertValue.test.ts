import { describe, expect, it } from 'vitest';
import { convertValue, parseTimestamp } from './convertValue';
import { importTarget } from './targets';

const lampField = (name: string) => importTarget('lamps').fields.find((f) => f.name === name)!;

describe('parseTimestamp', () => {
  it.each([
    ['2021-03-05T14:20:00+08:00', '2021-03-05T14:20:00+08:00'],
    ['2021-03-05T06:20:00Z', '2021-03-05T14:20:00+08:00'],
    ['2021-03-05T14:20+08:00', '2021-03-05T14:20:00+08:00'],
    ['2021-03-05 14:20', '2021-03-05T14:20:00+08:00'],
    ['2021/3/5 9:05:30', '2021-03-05T09:05:30+08:00'],
    ['2021年3月5日', '2021-03-05T00:00:00+08:00'],
    ['2024-02-29', '2024-02-29T00:00:00+08:00'],
    ['2021-03-05T14:20:00', '2021-03-05T14:20:00+08:00'],
  ])('reads %s as China time', (text, iso) => {
    expect(parseTimestamp(text)).toBe(iso);
  });

  it.each(['2021-02-29', '2021-13-01', '2021-03-05 24:00', '03/05/2021', '上周三', '2021-03-05T14:20:00+0800x'])('refuses %s', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
});

describe('convertValue', () => {
  it('reads enumerations by code, Chinese label or English label', () => {
    for (const raw of ['faulty', 'FAULTY', '故障', 'Faulty']) expect(convertValue(lampField('status'), raw)).toEqual({ ok: true, value: 'faulty' });
  });

  it('reads numbers written with thousands separators, and refuses fractions for integers', () => {
    expect(convertValue(lampField('powerW'), '1,250')).toEqual({ ok: true, value: 1250 });
    expect(convertValue(lampField('lampCount'), '1.5')).toMatchObject({ ok: false, reason: { code: 'badNumber' } });
    expect(convertValue(lampField('lampCount'), 'NaN')).toMatchObject({ ok: false, reason: { code: 'badNumber' } });
    expect(convertValue(lampField('lampCount'), 'Infinity')).toMatchObject({ ok: false, reason: { code: 'badNumber' } });
  });

  it('reads yes / no in the forms ledgers use', () => {
    expect(convertValue(lampField('retrofit2021'), '是')).toEqual({ ok: true, value: true });
    expect(convertValue(lampField('retrofit2021'), '否')).toEqual({ ok: true, value: false });
    expect(convertValue(lampField('retrofit2021'), '')).toEqual({ ok: true, value: null });
  });

  it('says a required value is missing only when the field has no fallback', () => {
    expect(convertValue(lampField('road'), '  ')).toEqual({ ok: false, reason: { code: 'missingField', field: 'road' } });
    expect(convertValue(lampField('id'), '')).toEqual({ ok: true, value: null });
  });
});
