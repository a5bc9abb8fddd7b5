import { describe, expect, it } from 'vitest';
import { decodeCollection } from './decode';

const feature = (status: string) => ({
  type: 'Feature',
  id: 'TLW-000001',
  geometry: { type: 'Point', coordinates: [117.5, 36.7] },
  properties: { status },
});
const body = (status: string, timeStamp: string) => new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', timeStamp, features: [feature(status)] })).buffer as ArrayBuffer;

describe('the fingerprint of a decoded page', () => {
  it('stays the same when only the page around the features changes, and changes with any feature', () => {
    const fingerprint = (status: string, at: string) => {
      const decoded = decodeCollection('district', body(status, at));
      if (!decoded.ok) throw new Error(decoded.error.message);
      return decoded.value.fingerprint;
    };
    expect(fingerprint('reported', '2026-11-30T10:00:00Z')).toBe(fingerprint('reported', '2026-11-30T10:05:00Z'));
    expect(fingerprint('reported', '2026-11-30T10:00:00Z')).not.toBe(fingerprint('closed', '2026-11-30T10:00:00Z'));
  });
});
