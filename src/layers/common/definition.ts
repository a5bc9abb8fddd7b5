import type { z } from 'zod';
import type { GeometryKind } from './geometry';
import type { Label, LabelledEnum } from './labels';

export type RGBA = readonly [number, number, number, number];

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
}

export interface DomainLayerDefinition<C extends string = string> {
  title: Label;
  /** The collection drawn on the map for this layer. */
  features: C;
  /** The collection holding this layer's cases (may be the same as features). */
  cases: C;
  style: LayerStyle;
}
