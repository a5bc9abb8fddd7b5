import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAssessmentConfig } from './config';

const shipped = JSON.parse(readFileSync('public/assessment.json', 'utf8')) as Record<string, unknown>;
const problemsOf = (file: unknown) => {
  const r = parseAssessmentConfig(file);
  return r.ok ? [] : r.problems;
};

describe('parseAssessmentConfig', () => {
  it('accepts the shipped tables', () => {
    expect(problemsOf(shipped)).toEqual([]);
  });

  it('refuses a category listed twice, or whose 大类 is not listed', () => {
    const categories = shipped.categories as { code: string }[];
    expect(problemsOf({ ...shipped, categories: [...categories, categories[0]] }).join()).toMatch(/listed twice/);
    expect(problemsOf({ ...shipped, categories: [...categories, { ...categories[0], code: 'S0901' }] }).join()).toMatch(/大类 S09 is not in majors/);
  });

  it('refuses a default pointing at a category or unit not listed', () => {
    const defaults = shipped.defaults as Record<string, Record<string, unknown>>;
    const bad = { ...shipped, defaults: { ...defaults, 'lamp-faults': { category: 'B0999', unit: 'NOBODY' } } };
    const problems = problemsOf(bad).join('\n');
    expect(problems).toMatch(/defaults\.lamp-faults\.category: category B0999 is not listed/);
    expect(problems).toMatch(/defaults\.lamp-faults\.unit: unit NOBODY is not listed/);
  });

  it('refuses a limit that is neither hours nor whole working days, and a band with no width', () => {
    const categories = shipped.categories as Record<string, unknown>[];
    expect(problemsOf({ ...shipped, categories: [{ ...categories[0], limit: { workingDays: 1.5 } }, ...categories.slice(1)] })).not.toEqual([]);
    expect(problemsOf({ ...shipped, categories: [{ ...categories[0], limit: { hours: 4, workingDays: 1 } }, ...categories.slice(1)] })).not.toEqual([]);
    const scoring = shipped.scoring as Record<string, Record<string, unknown>>;
    const flat = { ...shipped, scoring: { ...scoring, bands: { ...scoring.bands, reworkRate: { zero: 0.1, full: 0.1 } } } };
    expect(problemsOf(flat).join()).toMatch(/zero and full must differ/);
  });

  it('refuses weights that are all 0, and a calendar day that is not a date', () => {
    const scoring = shipped.scoring as Record<string, unknown>;
    const zero = { closureRate: 0, onTimeClosureRate: 0, onTimeHandlingRate: 0, reworkRate: 0, publicReportRate: 0 };
    expect(problemsOf({ ...shipped, scoring: { ...scoring, weights: zero } }).join()).toMatch(/at least one weight/);
    expect(problemsOf({ ...shipped, calendar: { weekend: [6, 7], holidays: ['2025-13-01'], workdays: [] } })).not.toEqual([]);
  });

  it('answers a file that is not an object with a problem, not an exception', () => {
    expect(problemsOf('[]').length).toBeGreaterThan(0);
    expect(problemsOf(null).length).toBeGreaterThan(0);
  });
});
