import { label, translate, type Lang } from '../../i18n';
import type { AssessmentConfig } from '../../assessment/config';

/** Unit code → its name: a listed unit, a town (railway issues answer to their town), or "no unit". */
export function unitNamer(config: AssessmentConfig, townName: (code: string) => string, lang: Lang): (code: string) => string {
  const names = new Map(config.units.map((u) => [u.code, label(lang, u.name)]));
  return (code) => names.get(code) ?? (code === '' ? translate(lang, 'assessmentNoUnit') : townName(code));
}
