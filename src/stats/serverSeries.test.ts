import { describe, expect, it } from 'vitest';
import { caseSeriesUrl, parseCaseSeries } from './serverSeries';

const row = (layer: string, k: number, reported: number | string, closed = 0, backlog = 0) => ({ properties: { id: `${layer}-${k}`, layer, k, reported, closed, backlog } });
const page = (buckets: number) => ({ features: ['lamps', 'manholes', 'railway', 'patches'].flatMap((l) => Array.from({ length: buckets }, (_, k) => row(l, k, k + 1, k, 1))) });

describe('server case series', () => {
  it('sends the edges as epoch milliseconds beside the towns and filtered classes', () => {
    const params = new URLSearchParams(caseSeriesUrl('/ogcapi', [0, 86_400_000.4], { towns: ['370114001'], classes: { railway: { category: ['garbage'] } } }).split('?')[1]);
    expect(params.get('edges')).toBe('0,86400000');
    expect(params.get('towns')).toBe('370114001');
    expect(params.get('classes')).toBe('{"railway":{"category":["garbage"]}}');
  });

  it('reads one row per layer and bucket into the engine’s series', () => {
    const answer = parseCaseSeries(page(2), 2)!;
    expect(answer.patches).toEqual({ reported: [1, 2], closed: [0, 1], backlog: [1, 1] });
    expect(answer.lamps!.reported).toEqual([1, 2]);
  });

  it('refuses a page missing a bucket, with a bucket out of range, or not a series', () => {
    const missing = page(2);
    missing.features.pop();
    expect(parseCaseSeries(missing, 2)).toBeNull();
    expect(parseCaseSeries(page(3), 2)).toBeNull();
    expect(parseCaseSeries({ features: [row('lamps', 0, '')] }, 1)).toBeNull();
    expect(parseCaseSeries({ type: 'FeatureCollection' }, 1)).toBeNull();
  });
});
