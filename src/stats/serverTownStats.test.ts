import { describe, expect, it } from 'vitest';
import { parseTownStats, townStatsUrl } from './serverTownStats';

describe('server town statistics', () => {
  it('asks for the range, the towns and only the layers whose classes are filtered', () => {
    const [path, query] = townStatsUrl('/mapserv/citygis/ogcapi/', { from: 0, to: 86_400_000, towns: ['370114001'], classes: { streetLamps: { status: ['faulty'] }, manholes: {} } }).split('?');
    const params = new URLSearchParams(query);
    expect(path).toBe('/mapserv/citygis/ogcapi/collections/town-stats/items');
    expect(params.get('from')).toBe('1970-01-01T00:00:00.000Z');
    expect(params.get('to')).toBe('1970-01-02T00:00:00.000Z');
    expect(params.get('towns')).toBe('370114001');
    expect(JSON.parse(params.get('classes')!)).toEqual({ streetLamps: { status: ['faulty'] } });
    expect(params.get('bbox')).toBe('-180,-90,180,90');
  });

  it('reads figures, empty text as a missing figure, and sets outside and the district apart', () => {
    const page = {
      features: [
        { properties: { code: 'district', poles: 10, lightingRate: 0.5 } },
        { properties: { code: '370114002', poles: 4, lightingRate: '' } },
        { properties: { code: '370114001', poles: 6, lightingRate: '0.25' } },
      ],
    };
    const rows = parseTownStats(page)!;
    expect(rows.towns.map((t) => [t.code, t.values.poles, t.values.lightingRate])).toEqual([
      ['370114001', 6, 0.25],
      ['370114002', 4, null],
    ]);
    expect(rows.district.values.poles).toBe(10);
    expect(rows.outside.values.poles).toBeNull();
  });

  it('refuses a page that is not town statistics', () => {
    expect(parseTownStats({ features: [{ properties: { code: '370114001' } }] })).toBeNull();
    expect(parseTownStats({ type: 'FeatureCollection' })).toBeNull();
    expect(parseTownStats(null)).toBeNull();
  });
});
