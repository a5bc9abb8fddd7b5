import { label, translate, type Lang } from '../../i18n';
import type { AssessmentConfig } from '../../assessment/config';

/** Unit code → its name: a listed unit, a town (railway issues answer to their town), or "no unit". */
export function unitNamer(config: AssessmentConfig, townName: (code: string) => string, lang: Lang): (code: string) => string {
  const names = new Map(config.units.map((u) => [u.code, label(lang, u.name)]));
  return (code) => names.get(code) ?? (code === '' ? translate(lang, 'assessmentNoUnit') : townName(code));
}

/** The names the assessment shows: towns, units and the config's categories. */
export function assessmentNames(config: AssessmentConfig, townName: (code: string) => string, lang: Lang): { town(code: string): string; unit(code: string): string; category(code: string): string } {
  const categories = new Map(config.categories.map((c) => [c.code, label(lang, c.name)]));
  return { town: townName, unit: unitNamer(config, townName, lang), category: (code) => categories.get(code) ?? code };
}
