import type { DomainLayerId } from '../layers/registry';

/**
 * The layers whose cases the statistics count, and which series of an answer is a domain layer's.
 * Apart from the engine, so that the page can name them without loading the engine (it runs in the stats worker).
 */
export type CaseLayer = 'lamps' | 'manholes' | 'railway';
export const CASE_LAYERS: CaseLayer[] = ['lamps', 'manholes', 'railway'];
export const SERIES_OF: Record<DomainLayerId, CaseLayer | 'patches'> = { streetLamps: 'lamps', manholes: 'manholes', patches: 'patches', railway: 'railway' };
