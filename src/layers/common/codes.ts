import { z } from 'zod';

/**
 * A town's code: the official 9-digit code (GB/T 2260 county code + 3-digit town code) for the
 * bundled towns, or a bureau's own region or grid code once it imports its own boundaries.
 */
export const REGION_CODE = /^[0-9A-Za-z_-]{1,32}$/;
export const townCode = z.string().regex(REGION_CODE, 'expected a town or region code (up to 32 letters, digits, - or _)');
/** The town code of a feature that lies in no region, once regions were imported ("outside the district"). */
export const OUTSIDE_CODE = 'outside';
/** 6-digit county-level division code (GB/T 2260). */
export const districtCode = z.string().regex(/^\d{6}$/, 'expected a 6-digit district code');
