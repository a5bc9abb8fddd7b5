import { beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type GeneratedDataset } from '../../scripts/generator';
import { CaseRules } from '../../scripts/generator/assessment';
import { TOWN_PROFILES } from '../../scripts/generator/towns';

let generated: GeneratedDataset;
const rules = new CaseRules();
beforeAll(() => {
  generated = generateDataset();
});

const caseCollections = ['lamp-faults', 'manhole-defects', 'railway-issues'] as const;
const classOf = (p: Record<string, unknown>) => String(p.cause ?? p.defect ?? p.category);

describe('the cases carry what the assessment reads', () => {
  it('gives every case a category and a unit the tables list, and a deadline from its category time limit', () => {
    const units = new Set([...rules.config.units.map((u) => u.code), ...generated.dataset.towns.map((t) => t.properties.code)]);
    const codes = new Set(rules.config.categories.map((c) => c.code));
    for (const id of caseCollections) {
      for (const { properties: p } of generated.dataset[id]) {
        const props = p as unknown as Record<string, unknown>;
        expect(codes.has(p.categoryCode!), `${p.id} ${p.categoryCode}`).toBe(true);
        expect(units.has(p.responsibleUnit!), `${p.id} ${p.responsibleUnit}`).toBe(true);
        expect(Date.parse(p.deadline), p.id).toBe(rules.deadline(p.categoryCode!, classOf(props), Date.parse(p.reportedAt)));
      }
    }
  });

  it('makes covers answer to their owner and railway issues to their town', () => {
    const covers = new Map(generated.dataset.manholes.map((c) => [c.id, c.properties]));
    for (const { properties: p } of generated.dataset['manhole-defects'].slice(0, 500)) {
      const cover = covers.get(p.assetId)!;
      expect(p.responsibleUnit).toBe(rules.unitOfOwner(cover.owner));
      expect(p.categoryCode).toBe(rules.coverCategory(cover.kind));
    }
    for (const { properties: p } of generated.dataset['railway-issues']) expect(p.responsibleUnit).toBe(p.townCode);
  });

  it('makes patches answer to their town, as 卫片图斑 with the table’s time limit', () => {
    for (const { properties: p } of generated.dataset.patches) {
      expect(p.responsibleUnit).toBe(p.townCode);
      expect(p.categoryCode).toBe('S0302');
      expect(Date.parse(p.deadline), p.id).toBe(rules.deadline('S0302', p.changeType, Date.parse(p.detectedAt)));
    }
  });

  it('sends a few percent of the handled cases back, more in the weaker towns', () => {
    const byWeakness = { strong: [0, 0], weak: [0, 0] };
    let twice = 0;
    for (const id of caseCollections) {
      for (const { properties: p } of generated.dataset[id]) {
        if (p.handledAt === null) continue;
        const group = TOWN_PROFILES[p.townCode].faultFactor >= 1.5 ? byWeakness.weak : byWeakness.strong;
        group[0]++;
        if (p.reworks! > 0) group[1]++;
        if (p.reworks === 2) twice++;
      }
    }
    const strong = byWeakness.strong[1] / byWeakness.strong[0];
    const weak = byWeakness.weak[1] / byWeakness.weak[0];
    expect(strong).toBeGreaterThan(0.01);
    expect(strong).toBeLessThan(0.04);
    expect(weak).toBeGreaterThan(strong * 1.5);
    expect(weak).toBeLessThan(0.08);
    expect(twice).toBeGreaterThan(0);
  });

  it('records each failed check as an event: one per rework, in order, after the dispatch and before the handling that passed', () => {
    let listed = 0;
    for (const id of caseCollections) {
      for (const { properties: p } of generated.dataset[id]) {
        const checks = (p.failedChecks ?? []).map((t) => Date.parse(t));
        expect(checks.length, p.id).toBe(p.reworks);
        listed += checks.length;
        let previous = Date.parse(p.dispatchedAt ?? p.reportedAt);
        for (const t of checks) {
          expect(t, p.id).toBeGreaterThanOrEqual(previous);
          previous = t;
        }
        if (p.handledAt !== null && checks.length > 0) expect(checks[checks.length - 1], p.id).toBeLessThan(Date.parse(p.handledAt));
      }
    }
    expect(listed).toBeGreaterThan(1000);
  });

  it('keeps the on-time share of every layer plausible: most cases handled by their deadline, the mountain towns less', () => {
    for (const id of caseCollections) {
      const handled = generated.dataset[id].filter((f) => f.properties.handledAt !== null);
      const onTime = handled.filter((f) => Date.parse(f.properties.handledAt!) <= Date.parse(f.properties.deadline)).length / handled.length;
      expect(onTime, id).toBeGreaterThan(0.75);
      expect(onTime, id).toBeLessThan(1);
    }
    const shareOnTime = (setting: string) => {
      const faults = generated.dataset['lamp-faults'].filter((f) => f.properties.handledAt !== null && TOWN_PROFILES[f.properties.townCode].setting === setting);
      return faults.filter((f) => Date.parse(f.properties.handledAt!) <= Date.parse(f.properties.deadline)).length / faults.length;
    };
    expect(shareOnTime('mountain')).toBeLessThan(shareOnTime('urban') - 0.1);
  });
});
