import type { Lang } from '../layers/common/labels';

/**
 * The coordinate systems a user can declare for a file. CGCS2000 longitude / latitude is read as
 * WGS84 (they differ by centimetres); CGCS2000 Gauss–Krüger projections are named by EPSG code.
 */
export type DeclaredCrs = 'wgs84' | 'gcj02' | 'bd09' | 'epsg3857' | GaussKrugerCode;
export type GaussKrugerCode = `EPSG:${number}`;
export const GEOGRAPHIC_CRS = ['wgs84', 'gcj02', 'bd09', 'epsg3857'] as const;

interface GaussKruger {
  /** Zone width in degrees. */
  width: 3 | 6;
  centralMeridian: number;
  /** The zone number written before the easting, or null for the "CM" variants without it. */
  zone: number | null;
}

/** The CGCS2000 Gauss–Krüger systems, EPSG:4491–4554, read from the code (they follow a fixed pattern). */
export function gaussKruger(code: string): GaussKruger | null {
  const m = /^EPSG:(\d{4})$/.exec(code);
  const n = m ? Number(m[1]) : NaN;
  if (n >= 4491 && n <= 4501) return { width: 6, zone: n - 4491 + 13, centralMeridian: (n - 4491 + 13) * 6 - 3 };
  if (n >= 4502 && n <= 4512) return { width: 6, zone: null, centralMeridian: 75 + (n - 4502) * 6 };
  if (n >= 4513 && n <= 4533) return { width: 3, zone: n - 4513 + 25, centralMeridian: (n - 4513 + 25) * 3 };
  if (n >= 4534 && n <= 4554) return { width: 3, zone: null, centralMeridian: 75 + (n - 4534) * 3 };
  return null;
}

/** The proj4 definition of a CGCS2000 Gauss–Krüger system (transverse Mercator on GRS80, scale 1). */
export function gaussKrugerProj(gk: GaussKruger): string {
  const falseEasting = (gk.zone ?? 0) * 1e6 + 500000;
  return `+proj=tmerc +lat_0=0 +lon_0=${gk.centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
}

/** The four Gauss–Krüger systems a survey near a longitude is likely in: 3° and 6°, with and without the zone prefix. */
export function gaussKrugerNear(longitude: number): GaussKrugerCode[] {
  const cm3 = Math.min(135, Math.max(75, Math.round(longitude / 3) * 3));
  const zone6 = Math.min(23, Math.max(13, Math.floor(longitude / 6) + 1));
  return [`EPSG:${4534 + (cm3 - 75) / 3}`, `EPSG:${4513 + cm3 / 3 - 25}`, `EPSG:${4502 + zone6 - 13}`, `EPSG:${4491 + zone6 - 13}`];
}

/** A Gauss–Krüger system as a surveyor names it: CGCS2000 3度带 第39带 (EPSG:4527). */
export function gaussKrugerLabel(code: GaussKrugerCode, lang: Lang): string {
  const gk = gaussKruger(code)!;
  if (lang === 'zh') return `CGCS2000 ${gk.width}度带 ${gk.zone === null ? `中央经线${gk.centralMeridian}°` : `第${gk.zone}带`}（${code}）`;
  return `CGCS2000 ${gk.width}° Gauss–Krüger ${gk.zone === null ? `CM ${gk.centralMeridian}°E` : `zone ${gk.zone}`} (${code})`;
}
