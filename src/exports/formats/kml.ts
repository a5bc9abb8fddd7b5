import { toKML } from '@placemarkio/tokml';
import type { Feature } from 'geojson';

/** Features as KML (longitude / latitude, WGS84), each named by its id, its properties as extended data. */
export function featuresKml(features: readonly Feature[]): string {
  return toKML({ type: 'FeatureCollection', features: features.map((f) => ({ ...f, properties: { name: String(f.id ?? f.properties?.id ?? ''), ...f.properties } })) });
}
