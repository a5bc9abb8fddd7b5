import { err, type Result } from '../../data/result';
import { crsFromEpsg, crsFromWkt, type FileCrs } from '../declaredCrs';
import { MAX_FEATURES } from '../limits';
import type { FileProblem } from '../problems';
import type { ParsedFile } from '../records';
import { featureRecords } from './geojson';

/** Reads a FlatGeobuf file (the flatgeobuf library, loaded only for it); its header's CRS is applied. */
export async function parseFlatGeobuf(bytes: Uint8Array): Promise<Result<ParsedFile, FileProblem>> {
  const { geojson } = await import('flatgeobuf');
  const features: unknown[] = [];
  let declared: FileCrs | null = null;
  try {
    const reader = geojson.deserialize(bytes, {
      headerMetaFn: (header) => {
        // An index over no features sends the library's tree-size loop round for ever: such a header is damaged.
        if (header.indexNodeSize > 0 && !(header.featuresCount > 0)) throw new Error('the header claims an index over no features');
        if (header.featuresCount > MAX_FEATURES) throw new Error(`the header claims ${header.featuresCount} features`);
        const crs = header.crs;
        if (!crs) return;
        const name = crs.name ?? (crs.org && crs.code ? `${crs.org}:${crs.code}` : '');
        if (crs.org?.toUpperCase() === 'EPSG' && crs.code) declared = { crs: crsFromEpsg(crs.code), source: 'fgb', name: name || `EPSG:${crs.code}` };
        else if (crs.wkt) declared = { ...crsFromWkt(crs.wkt, 'fgb') };
      },
    });
    for await (const feature of reader) {
      features.push(feature);
      if (features.length > MAX_FEATURES) throw new Error(`more than ${MAX_FEATURES} features`);
    }
  } catch (e) {
    return err({ code: 'badArchive', format: 'fgb', detail: e instanceof Error ? e.message.slice(0, 160) : String(e) });
  }
  return featureRecords(features, 'fgb', declared);
}
