import { delay, HttpResponse } from 'msw';
import type { Feature } from 'geojson';

/** What a misbehaving server does, for the wall's fault tests and for trying the wall out by hand. */
export const API_FAULTS = ['http500', 'timeout', 'malformed', 'schema', 'empty', 'slow', 'partial'] as const;
export type ApiFault = (typeof API_FAULTS)[number];

/** The fault the mock API is currently playing, for all collections or some. */
export class FaultSwitch {
  private fault: ApiFault | null = null;
  private collections: ReadonlySet<string> | null = null;
  /** How long a "slow" answer takes. */
  slowMs = 15_000;

  set(fault: ApiFault | null, options: { collections?: readonly string[]; slowMs?: number } = {}): void {
    if (fault !== null && !API_FAULTS.includes(fault)) throw new Error(`unknown fault "${String(fault)}"; one of ${API_FAULTS.join(', ')}`);
    this.fault = fault;
    this.collections = options.collections ? new Set(options.collections) : null;
    if (options.slowMs !== undefined) this.slowMs = options.slowMs;
  }

  faultFor(collection: string): ApiFault | null {
    return this.fault && (!this.collections || this.collections.has(collection)) ? this.fault : null;
  }
}

/**
 * The answer under a fault: null means "answer normally" (after the delay of a slow answer).
 * `page` is the page the server would have sent, for the faults that distort it.
 */
export async function faultyAnswer(fault: ApiFault, page: () => Promise<Feature[]>, slowMs: number): Promise<Response | null> {
  switch (fault) {
    case 'http500':
      return HttpResponse.json({ code: 'InternalServerError', description: 'the database is not answering' }, { status: 500 });
    case 'timeout':
      await delay('infinite');
      return null;
    case 'malformed':
      return new HttpResponse('{"type":"FeatureCollection","features":[{"type":"Feature","geometry":', { headers: { 'content-type': 'application/geo+json' } });
    case 'schema': {
      // A server upgraded to a new format: properties moved under "attributes" with new names.
      const features = (await page()).map((f) => ({ type: 'Feature', id: f.id, geometry: f.geometry, attributes: { ...f.properties } }));
      return HttpResponse.json({ type: 'FeatureCollection', features, numberMatched: features.length, links: [] });
    }
    case 'empty':
      return HttpResponse.json({ type: 'FeatureCollection', features: [], numberMatched: 0, numberReturned: 0, links: [] });
    case 'slow':
      await delay(slowMs);
      return null;
    case 'partial': {
      // A server half-migrated: every tenth feature arrives without its properties.
      const features = (await page()).map((f, i) => (i % 10 === 0 ? { ...f, properties: {} } : f));
      return HttpResponse.json({ type: 'FeatureCollection', features, numberMatched: features.length, numberReturned: features.length, links: [] });
    }
  }
}
