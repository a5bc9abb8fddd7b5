import { label, translate, type Lang } from '../i18n';
import { DOMAIN_LAYER_IDS, DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';
import type { Filters } from '../state/filters';
import { isoDay } from '../state/timePresets';

export interface ClassFilterText {
  key: string;
  layer: DomainLayerId;
  field: string;
  text: string;
}

/** Each restricted attribute as a sentence ("窨井盖 · 井盖类型: 雨水、燃气"), as chips and exports show it. */
export function classFilterTexts(filters: Filters, lang: Lang): ClassFilterText[] {
  return DOMAIN_LAYER_IDS.flatMap((layer) =>
    DOMAIN_LAYERS[layer].filters.flatMap((f) => {
      const kept = filters.classes[layer][f.field];
      if (!kept) return [];
      const values = kept.map((v) => label(lang, f.classes.labels[v])).join(lang === 'zh' ? '、' : ', ') || '∅';
      return [{ key: `${layer}.${f.field}`, layer, field: f.field, text: `${label(lang, DOMAIN_LAYERS[layer].title)} · ${label(lang, f.title)}: ${values}` }];
    }),
  );
}

/** The global range as two local dates, the last one included. */
export function rangeText(filters: Filters): string {
  return `${isoDay(filters.time.from)} – ${isoDay(filters.time.to - 1)}`;
}

/** Every filter in one line, for a file to say what it holds. */
export function filtersText(filters: Filters, lang: Lang, townName: (code: string) => string): string {
  const town = filters.town ? townName(filters.town) : translate(lang, 'wholeDistrict');
  return [town, ...classFilterTexts(filters, lang).map((c) => c.text)].join(lang === 'zh' ? '；' : '; ');
}
