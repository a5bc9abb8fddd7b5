import { z } from 'zod';
import type { FieldDisplay } from '../layers/common/definition';
import type { GeometryKind } from '../layers/common/geometry';
import type { Label, LabelledEnum } from '../layers/common/labels';
import { COLLECTIONS, DOMAIN_LAYERS, DOMAIN_LAYER_IDS, type CollectionId } from '../layers/registry';

/** Where imported features go: one of the layers' collections, or new region boundaries. */
export type ImportTargetId = 'lamps' | 'lamp-faults' | 'manholes' | 'manhole-defects' | 'patches' | 'railway-issues' | 'regions';
export const IMPORT_TARGET_IDS: readonly ImportTargetId[] = ['lamps', 'lamp-faults', 'manholes', 'manhole-defects', 'patches', 'railway-issues', 'regions'];

/** `times`: a list of times (a case's failed checks), from a JSON list or one cell separated by ; 、 or commas. */
export type FieldKind = 'text' | 'integer' | 'number' | 'boolean' | 'enum' | 'time' | 'times';

/** What fills a field that no column is mapped to. */
export type FieldFallback = { kind: 'absent' } | { kind: 'autoId' } | { kind: 'byLocation' } | { kind: 'geodesicArea' } | { kind: 'value'; value: string | number | boolean | null } | { kind: 'copy'; field: string };

export interface TargetField {
  name: string;
  kind: FieldKind;
  label: Label;
  /** False for fields that may be empty (a stage not reached yet). */
  required: boolean;
  enum?: LabelledEnum<string>;
  /** Used when no column is mapped; a required field with neither a column nor a fallback blocks the import. */
  fallback?: FieldFallback;
}

export interface ImportTarget {
  id: ImportTargetId;
  title: Label;
  geometry: GeometryKind;
  fields: TargetField[];
}

type ZodLike = { def: { type: string; innerType?: ZodLike; element?: ZodLike }; format?: string | null; options?: readonly string[]; isInt?: boolean };

function kindOf(schema: ZodLike): FieldKind {
  switch (schema.def.type) {
    case 'number':
      return schema.format === 'safeint' ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return 'enum';
    case 'string':
      return schema.format === 'datetime' ? 'time' : 'text';
    case 'array':
      return schema.def.element && kindOf(schema.def.element) === 'time' ? 'times' : 'text';
    default:
      return 'text';
  }
}

/** Fallbacks for fields a bureau's own ledger rarely carries. */
const FALLBACKS: Partial<Record<string, FieldFallback>> = {
  id: { kind: 'autoId' },
  townCode: { kind: 'byLocation' },
  retrofit2021: { kind: 'value', value: false },
  greenedM2: { kind: 'value', value: 0 },
  areaM2: { kind: 'geodesicArea' },
  village: { kind: 'value', value: '' },
};

function displaysOf(id: CollectionId): Readonly<Record<string, FieldDisplay>> {
  for (const layer of DOMAIN_LAYER_IDS) {
    const def = DOMAIN_LAYERS[layer];
    if (def.features === id) return def.fields.features;
    if (def.cases === id) return def.fields.cases;
  }
  return {};
}

/** A layer collection's fields, read from its zod schema so a new property is offered without more code. */
function collectionTarget(id: Exclude<ImportTargetId, 'regions'>): ImportTarget {
  const def = COLLECTIONS[id];
  const shape = (def.properties as unknown as z.ZodObject).shape as unknown as Record<string, ZodLike>;
  const displays = displaysOf(id);
  const fields = Object.entries(shape).map(([name, schema]): TargetField => {
    const nullable = schema.def.type === 'nullable';
    // An optional field (the assessment's, which older files lack) is left out where no value is given.
    const optional = schema.def.type === 'optional';
    const unwrapped = (nullable || optional) && schema.def.innerType ? schema.def.innerType : schema;
    const inner = optional && unwrapped.def.type === 'nullable' && unwrapped.def.innerType ? unwrapped.def.innerType : unwrapped;
    const display = displays[name];
    const field: TargetField = { name, kind: kindOf(inner), label: display?.label ?? { zh: name, en: name }, required: !nullable && !optional };
    if (display?.enum) field.enum = display.enum;
    const fallback: FieldFallback | undefined = optional ? { kind: 'absent' } : FALLBACKS[name];
    if (fallback) field.fallback = fallback;
    return field;
  });
  return { id, title: def.title, geometry: def.geometry, fields };
}

/** Region boundaries only need a name; the rest of a town's properties are derived from the polygon. */
const regionsTarget: ImportTarget = {
  id: 'regions',
  title: { zh: '区域边界（替换镇街）', en: 'Region boundaries (replace towns)' },
  geometry: 'polygon',
  fields: [
    { name: 'code', kind: 'text', label: { zh: '区划代码', en: 'Code' }, required: true, fallback: { kind: 'autoId' } },
    { name: 'name', kind: 'text', label: { zh: '名称', en: 'Name' }, required: true },
    { name: 'nameEn', kind: 'text', label: { zh: '英文名称', en: 'English name' }, required: true, fallback: { kind: 'copy', field: 'name' } },
  ],
};

const cache = new Map<ImportTargetId, ImportTarget>();

export function importTarget(id: ImportTargetId): ImportTarget {
  let target = cache.get(id);
  if (!target) cache.set(id, (target = id === 'regions' ? regionsTarget : collectionTarget(id)));
  return target;
}
