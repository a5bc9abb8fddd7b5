import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Lang } from '../../i18n';
import { TOWN_METRIC_IDS, type TownRowSet } from '../../stats/townMetrics';
import { contextLines, definitionLines, type ExportContext } from '../townStatsTable';

export interface TownStatsCollection extends FeatureCollection<Polygon | MultiPolygon> {
  /** A foreign member (RFC 7946 §6.1): what the file holds and how each property is computed. */
  metadata: { context: Record<string, string>; definitions: Record<string, string> };
}

/** The town polygons with every metric as a property (null where a town has none), for other GIS tools. */
export function townStatsGeoJson(
  regions: readonly Feature<Polygon | MultiPolygon, { code: string; name: string; nameEn?: string }>[],
  rows: TownRowSet,
  context: ExportContext,
  lang: Lang,
): TownStatsCollection {
  const byCode = new Map(rows.towns.map((r) => [r.code, r.values]));
  return {
    type: 'FeatureCollection',
    features: regions.map((r) => ({
      type: 'Feature',
      id: r.properties.code,
      geometry: r.geometry,
      properties: { code: r.properties.code, name: r.properties.name, nameEn: r.properties.nameEn ?? null, ...Object.fromEntries(TOWN_METRIC_IDS.map((id) => [id, byCode.get(r.properties.code)?.[id] ?? null])) },
    })),
    metadata: {
      context: Object.fromEntries(contextLines(context, lang)),
      definitions: Object.fromEntries(TOWN_METRIC_IDS.map((id, i) => [id, definitionLines(lang)[i].slice(1).join(': ')])),
    },
  };
}
