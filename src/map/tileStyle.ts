import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { DOMAIN_LAYERS, type DomainLayerId } from '../layers/registry';
import { keptValues, type ClassFilter } from '../state/filters';

/** A colour of a layer's style as MapLibre takes it. */
const rgba = ([r, g, b, a]: readonly number[]) => `rgba(${r},${g},${b},${(a / 255).toFixed(3)})`;

/** The class colour of each feature of a tile, from the layer's own style (the colours deck.gl draws with elsewhere). */
export function classColor(id: DomainLayerId): ExpressionSpecification {
  const { classField, colors } = DOMAIN_LAYERS[id].style;
  const pairs = Object.entries(colors as Record<string, readonly number[]>).flatMap(([value, color]) => [value, rgba(color)]);
  return ['match', ['get', classField], ...pairs, '#888888'] as unknown as ExpressionSpecification;
}

/** A layer's town and grid totals are drawn in the colour of its first class (normal poles, storm-water covers, pending patches, garbage). */
export function firstClassColor(id: DomainLayerId): string {
  const { classes, colors } = DOMAIN_LAYERS[id].style;
  return rgba((colors as Record<string, readonly number[]>)[classes.values[0]]);
}

/** Features of a tile kept by the layer's class filters and the selected town (by town code, as the legends count them). */
export function classAndTownFilter(id: DomainLayerId, classes: ClassFilter, town: string | null): FilterSpecification {
  const clauses: ExpressionSpecification[] = DOMAIN_LAYERS[id].filters
    .filter((f) => classes[f.field] !== undefined)
    .map((f) => ['in', ['get', f.field], ['literal', [...keptValues(id, classes, f.field)]]]);
  if (town) clauses.push(['==', ['get', 'townCode'], town]);
  return ['all', true, ...clauses] as FilterSpecification;
}
