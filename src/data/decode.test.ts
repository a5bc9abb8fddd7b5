import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCollectionTable } from './decode';

const bundled = (JSON.parse(readFileSync('public/data/railway-issues.geojson', 'utf8')) as { features: { properties: Record<string, unknown> }[] }).features[0];
const feature = (quantity: string) => ({ ...bundled, properties: { ...bundled.properties, quantity: Number(quantity) } });
const body = (quantity: string, timeStamp: string) => new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', timeStamp, features: [feature(quantity)] })).buffer as ArrayBuffer;

describe('the fingerprint of a decoded page', () => {
  it('stays the same when only the page around the features changes, and changes with any feature', () => {
    const fingerprint = (quantity: string, at: string) => {
      const decoded = decodeCollectionTable('railway-issues', body(quantity, at));
      expect(decoded.ok && decoded.value.table.length).toBe(1);
      if (!decoded.ok) throw new Error(decoded.error.message);
      return decoded.value.fingerprint;
    };
    expect(fingerprint('118', '2026-11-30T10:00:00Z')).toBe(fingerprint('118', '2026-11-30T10:05:00Z'));
    expect(fingerprint('118', '2026-11-30T10:00:00Z')).not.toBe(fingerprint('119', '2026-11-30T10:00:00Z'));
  });

  it('changes when a refused feature does', () => {
    const refused = (id: string) => new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features: [bundled, { ...bundled, id, properties: { ...bundled.properties, id, quantity: 'many' } }] })).buffer as ArrayBuffer;
    const fp = (id: string) => {
      const decoded = decodeCollectionTable('railway-issues', refused(id));
      if (!decoded.ok) throw new Error(decoded.error.message);
      expect(decoded.value.rejected).toHaveLength(1);
      return decoded.value.fingerprint;
    };
    expect(fp('TLW-X1')).toBe(fp('TLW-X1'));
    expect(fp('TLW-X1')).not.toBe(fp('TLW-X2'));
  });
});
