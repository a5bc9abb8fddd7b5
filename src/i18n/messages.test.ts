import { describe, expect, it } from 'vitest';
import { DOMAIN_LAYERS, DOMAIN_LAYER_IDS } from '../layers/registry';
import type { Label } from '../layers/common/labels';
import { messages } from './messages';

const CJK = /[\u3400-\u9fff]/;
/** The language switch names the other language in that language, on purpose. */
const NAMES_OTHER_LANGUAGE = new Set(['messages.language']);

function everyLabel(): [string, Label][] {
  const out: [string, Label][] = Object.entries(messages).map(([key, l]) => [`messages.${key}`, l as Label]);
  for (const id of DOMAIN_LAYER_IDS) {
    const layer = DOMAIN_LAYERS[id];
    out.push([`${id}.title`, layer.title]);
    for (const f of layer.filters) {
      out.push([`${id}.${f.field}`, f.title]);
      for (const v of f.classes.values) out.push([`${id}.${f.field}.${v}`, f.classes.labels[v]]);
    }
  }
  return out;
}

describe('every message and label', () => {
  it.each(everyLabel())('%s is complete in both languages', (key, l) => {
    expect(l.zh.trim()).not.toBe('');
    expect(l.en.trim()).not.toBe('');
    if (!NAMES_OTHER_LANGUAGE.has(key)) expect(l.en).not.toMatch(CJK);
  });
});
