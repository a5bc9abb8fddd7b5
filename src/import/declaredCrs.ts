import { gaussKruger, type DeclaredCrs, type GaussKrugerCode } from './crs';

/** Where a file said which coordinate system it is in. */
export type CrsSource = 'geojson' | 'prj' | 'gpkg' | 'fgb' | 'wkt';

/** A coordinate system a file declares: the one the import applies by itself, or why it cannot. */
export type FileCrs = { crs: DeclaredCrs; source: CrsSource; name: string } | { crs: null; source: CrsSource; name: string };

const WEB_MERCATOR_EPSG = new Set([3857, 900913, 3785, 102100, 102113]);

/** The system an EPSG code names, when the import can apply it (longitude / latitude, Web Mercator, CGCS2000 Gauss–Krüger). */
export function crsFromEpsg(code: number): DeclaredCrs | null {
  if (code === 4326 || code === 4490) return 'wgs84';
  if (WEB_MERCATOR_EPSG.has(code)) return 'epsg3857';
  const gk = `EPSG:${code}` as GaussKrugerCode;
  return gaussKruger(gk) ? gk : null;
}

/** The EPSG code at the end of a name such as "EPSG:4490", "urn:ogc:def:crs:EPSG::3857" or "OGC:CRS84". */
export function epsgOfName(name: string): number | null {
  if (/CRS84$/i.test(name.trim())) return 4326;
  const m = /EPSG:{1,2}(\d{4,6})\s*$/i.exec(name.trim());
  return m ? Number(m[1]) : null;
}

/** The "crs" member of a GeoJSON file (RFC 7946 dropped it; GDAL still writes it). Null when it has none. */
export function crsOfGeoJson(payload: unknown): FileCrs | null {
  const crs = (payload as { crs?: { type?: unknown; properties?: { name?: unknown } } } | null)?.crs;
  if (!crs || typeof crs !== 'object') return null;
  const name = typeof crs.properties?.name === 'string' ? crs.properties.name.slice(0, 120) : '';
  const code = epsgOfName(name);
  return { crs: code === null ? null : crsFromEpsg(code), source: 'geojson', name: name || String(crs.type ?? 'crs') };
}

const num = (wkt: string, parameter: string): number | null => {
  const m = new RegExp(`PARAMETER\\[\\s*"${parameter}"\\s*,\\s*(-?[\\d.eE+-]+)`, 'i').exec(wkt);
  return m ? Number(m[1]) : null;
};

/**
 * The system a WKT definition (a shapefile's .prj, ESRI or OGC flavour) describes, when the
 * import can apply it: an AUTHORITY code at its top level; a geographic system on WGS84 or
 * CGCS2000; Web Mercator; a transverse Mercator on CGCS2000 (GRS80) with scale 1 and the
 * Gauss–Krüger false easting (with or without the zone number), as ArcGIS and SuperMap write them.
 */
export function crsFromWkt(wkt: string, source: CrsSource = 'prj'): FileCrs {
  const text = wkt.trim();
  const name = (/^\w+\[\s*"([^"]*)"/.exec(text)?.[1] ?? text.slice(0, 60)).slice(0, 120);
  const top = /AUTHORITY\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(text);
  if (top) {
    const crs = crsFromEpsg(Number(top[1]));
    if (crs) return { crs, source, name };
  }
  if (/^GEOGCS\[/i.test(text) || /^GEOGCRS\[/i.test(text)) {
    const known = /WGS[ _]?(19)?84|China[ _]Geodetic[ _]Coordinate[ _]System[ _]2000|CGCS[ _]?2000/i.test(text);
    return { crs: known ? 'wgs84' : null, source, name };
  }
  if (/Mercator_Auxiliary_Sphere|Popular[ _]Visuali[sz]ation|Pseudo[ _-]Mercator|Web[ _]Mercator/i.test(text)) return { crs: 'epsg3857', source, name };
  if (/Transverse_Mercator|Gauss_Kruger/i.test(text) && /China[ _]Geodetic|CGCS[ _]?2000|GRS[ _]?1980/i.test(text)) {
    const cm = num(text, 'central_meridian');
    const falseEasting = num(text, 'false_easting');
    const scale = num(text, 'scale_factor') ?? 1;
    if (cm !== null && falseEasting !== null && Math.abs(scale - 1) < 1e-9) {
      const code = gaussKrugerCodeOf(cm, falseEasting);
      if (code) return { crs: code, source, name };
    }
  }
  return { crs: null, source, name };
}

/** The CGCS2000 Gauss–Krüger EPSG code with this central meridian and false easting (zone × 10⁶ + 500 km, or 500 km alone). */
function gaussKrugerCodeOf(centralMeridian: number, falseEasting: number): GaussKrugerCode | null {
  for (let n = 4491; n <= 4554; n++) {
    const gk = gaussKruger(`EPSG:${n}`)!;
    if (gk.centralMeridian === centralMeridian && (gk.zone ?? 0) * 1e6 + 500000 === falseEasting) return `EPSG:${n}`;
  }
  return null;
}
