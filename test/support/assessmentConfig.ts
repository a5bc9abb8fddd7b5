import { readFileSync } from 'node:fs';
import { parseAssessmentConfig, type AssessmentConfig } from '../../src/assessment/config';

/** The assessment tables the app ships (public/assessment.json), checked as the app checks them. */
export function shippedAssessmentConfig(): AssessmentConfig {
  const parsed = parseAssessmentConfig(JSON.parse(readFileSync('public/assessment.json', 'utf8')));
  if (!parsed.ok) throw new Error(`public/assessment.json: ${parsed.problems.join('; ')}`);
  return parsed.config;
}
