import { z } from 'zod';

/** Official 9-digit town / street-office code (GB/T 2260 county code + 3-digit town code). */
export const townCode = z.string().regex(/^\d{9}$/, 'expected a 9-digit town code');
/** 6-digit county-level division code (GB/T 2260). */
export const districtCode = z.string().regex(/^\d{6}$/, 'expected a 6-digit district code');
