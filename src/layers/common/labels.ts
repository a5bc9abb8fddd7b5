import { z } from 'zod';

export type Lang = 'zh' | 'en';
export interface Label {
  zh: string;
  en: string;
}

/** An enumeration whose every value carries its Chinese and English label. */
export interface LabelledEnum<V extends string> {
  values: readonly V[];
  labels: Readonly<Record<V, Label>>;
  schema: z.ZodEnum<{ [K in V]: K }>;
}

export function labelledEnum<V extends string>(labels: Record<V, Label>): LabelledEnum<V> {
  const values = Object.keys(labels) as V[];
  return {
    values,
    labels,
    schema: z.enum(values as [V, ...V[]]) as unknown as z.ZodEnum<{ [K in V]: K }>,
  };
}
