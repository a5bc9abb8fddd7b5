import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LabelledEnum } from '../../src/layers/common/labels';
import { ENUMERATIONS } from '../../src/layers/enumerations';

const docs = readFileSync('data/README.md', 'utf8');

describe('data/README.md', () => {
  it.each(Object.entries(ENUMERATIONS))('lists every value of %s with its Chinese and English label', (name, e: LabelledEnum<string>) => {
    const line = docs.split('\n').find((l) => l.startsWith(`- \`${name}\`:`));
    expect(line, name).toBeDefined();
    for (const value of e.values) expect(line).toContain(`\`${value}\` ${e.labels[value].zh} / ${e.labels[value].en}`);
  });
});
