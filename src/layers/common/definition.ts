import type { z } from 'zod';
import type { GeometryKind } from './geometry';
import type { Label, LabelledEnum } from './labels';

export type RGBA = readonly [number, number, number, number];

/** How one attribute is shown in the details panel: its label and how its value reads. */
export interface FieldDisplay {
  label: Label;
  /** Values drawn from a labelled enumeration are shown by their label. */
  enum?: LabelledEnum<string>;
  format?: 'time' | 'area' | 'boolean' | 'town' | 'coordinate' | 'year';
  unit?: Label;
}

/** One label per property of a schema: a property left out is a compile error. */
export type FieldDisplays<P> = { readonly [K in keyof P]-?: FieldDisplay };

export interface CollectionDefinition<P extends z.ZodType = z.ZodType> {
  title: Label;
  geometry: GeometryKind;
  properties: P;
  /** Property that places a feature in time (datetime filters apply to it); absent for timeless collections. */
  timeField?: string;
}

/** How a domain layer is drawn: which property classifies its features and the colour of each class. */
export interface LayerStyle<V extends string = string> {
  classField: string;
  classes: LabelledEnum<V>;
  colors: Readonly<Record<V, RGBA>>;
  /** A point's radius in metres: fixed, or `perSqrt`·√(its `field`) (a pole's disc grows with its lamps); absent for polygons. */
  radius?: number | { field: string; perSqrt: number };
}

/** An attribute a layer can be narrowed down by (the town filter is shared by every layer). */
export interface FilterField {
  field: string;
  title: Label;
  classes: LabelledEnum<string>;
}

export interface DomainLayerDefinition<C extends string = string> {
  title: Label;
  /** The collection drawn on the map for this layer. */
  features: C;
  /** The collection holding this layer's cases (may be the same as features). */
  cases: C;
  style: LayerStyle;
  /** Attribute filters, the style's class field first. At most three: with the town they fill deck.gl's four category channels. */
  filters: readonly [FilterField] | readonly [FilterField, FilterField] | readonly [FilterField, FilterField, FilterField];
  /** Labels of the drawn features' attributes and of the cases', for the details panel. */
  fields: { features: Readonly<Record<string, FieldDisplay>>; cases: Readonly<Record<string, FieldDisplay>> };
}
