import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAssessmentConfig, type AssessmentConfig } from '../../src/assessment/config';
import { deadlineAfter, limitOf, workingDayTest } from '../../src/assessment/deadline';
import { formatCst } from '../../src/layers/common/time';
import { MS } from './lifecycle';
import type { Random } from './random';
import { TOWN_PROFILES } from './towns';

const CONFIG_FILE = fileURLToPath(new URL('../../public/assessment.json', import.meta.url));

/** The assessment tables the generated cases follow: their categories, units and time limits. */
export class CaseRules {
  readonly config: AssessmentConfig;
  private readonly isWorkingDay: (day: number) => boolean;
  private readonly unitByName: Map<string, string>;

  constructor(file: unknown = JSON.parse(readFileSync(CONFIG_FILE, 'utf8'))) {
    const parsed = parseAssessmentConfig(file);
    if (!parsed.ok) throw new Error(`public/assessment.json: ${parsed.problems.join('; ')}`);
    this.config = parsed.config;
    this.isWorkingDay = workingDayTest(parsed.config.calendar);
    this.unitByName = new Map(parsed.config.units.map((u) => [u.name.zh, u.code]));
  }

  /** The deadline of a case of this category and class, reported at `reportedMs`. */
  deadline(category: string, condition: string, reportedMs: number): number {
    const limit = limitOf(this.config, category, condition);
    if (!limit) throw new Error(`category ${category} has no time limit`);
    return deadlineAfter(reportedMs, limit, this.isWorkingDay);
  }

  coverCategory(kind: string): string {
    const d = this.config.defaults['manhole-defects'];
    return d.categoryByKind[kind] ?? d.category;
  }

  unitOfOwner(owner: string): string {
    const unit = this.unitByName.get(owner);
    if (!unit) throw new Error(`no unit is named ${owner}`);
    return unit;
  }

  railwayCategory(cls: string): string {
    const code = this.config.defaults['railway-issues'].categoryByClass[cls];
    if (!code) throw new Error(`no category for railway issues of class ${cls}`);
    return code;
  }
}

export interface Rework {
  /** Failed checks, each sending the case back to handling. */
  count: number;
  /** The time they add before the handling that passes. */
  extraMs: number;
  /** Each attempt sent back, in order (minutes). */
  stepsMs: number[];
}

/** A few percent of cases fail their check, more in the towns whose networks fail more; a few of those twice. */
export function drawRework(random: Random, townCode: string, stageScaleMs: number): Rework {
  const chance = 0.022 * TOWN_PROFILES[townCode].faultFactor;
  let count = 0;
  if (random.chance(chance)) count = random.chance(0.25) ? 2 : 1;
  const stepsMs = Array.from({ length: count }, () => Math.round(random.range(1, 6) * stageScaleMs / MS.minute) * MS.minute);
  return { count, extraMs: stepsMs.reduce((a, b) => a + b, 0), stepsMs };
}

/**
 * The assessment fields of a generated case, in the order they are written: its failed checks are
 * those before the end of the data (a case still in handling then has not failed its later ones).
 */
export function assessmentOf(categoryCode: string, responsibleUnit: string, failedChecks: readonly number[]) {
  return { categoryCode, responsibleUnit, reworks: failedChecks.length, ...(failedChecks.length > 0 ? { failedChecks: failedChecks.map(formatCst) } : {}) };
}
