import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { err, type Result } from '../../data/result';
import type { FileProblem } from '../problems';
import type { ParsedFile } from '../records';
import { decodeText } from '../sniff';
import { featureRecords } from './geojson';
import { unzipFiles, zipNames } from './zip';

/**
 * Reads KML text (longitude / latitude on WGS84 by definition). A document type declaring
 * entities is refused; descriptions stay text (nothing in them is ever run or rendered as HTML).
 */
export function parseKml(text: string, format: 'kml' | 'kmz' = 'kml'): Result<ParsedFile, FileProblem> {
  if (/<!ENTITY/i.test(text)) return err({ code: 'xmlEntities' });
  let problem: string | null = null;
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') problem ??= String(message).slice(0, 160);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    return err({ code: 'badArchive', format, detail: (e instanceof Error ? e.message : String(e)).slice(0, 160) });
  }
  if (problem || !doc.documentElement) return err({ code: 'badArchive', format, detail: problem ?? 'no document' });
  const collection = kml(doc as unknown as Document);
  // togeojson marks an HTML description as { "@type": "html", value }: it is kept as the text it is.
  for (const f of collection.features) {
    const p = f.properties as Record<string, unknown> | null;
    if (p) for (const [k, v] of Object.entries(p)) if (v && typeof v === 'object' && (v as { '@type'?: unknown })['@type'] === 'html') p[k] = String((v as { value?: unknown }).value ?? '');
  }
  return featureRecords(collection.features, format);
}

/** Reads a KMZ: the zip's doc.kml (or its first .kml). */
export function parseKmz(bytes: Uint8Array): Result<ParsedFile, FileProblem> {
  const names = zipNames(bytes);
  if (!names.ok) return names;
  const kmlName = names.value.find((n) => n.toLowerCase() === 'doc.kml') ?? names.value.find((n) => n.toLowerCase().endsWith('.kml'));
  if (!kmlName) return err({ code: 'noLayers', format: 'kmz' });
  const files = unzipFiles(bytes, (n) => n === kmlName, 'kmz');
  if (!files.ok) return files;
  const text = decodeText(files.value[kmlName]);
  if (!text.ok) return text;
  return parseKml(text.value.text, 'kmz');
}
