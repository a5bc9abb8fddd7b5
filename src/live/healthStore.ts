import { create } from 'zustand';
import type { DomainLayerId } from '../layers/registry';
import type { SourceHealth } from './refreshLoop';

/** Each live source's health (one per domain layer), for the badges that say when data was last current. */
export const useHealthStore = create<{ health: Partial<Record<DomainLayerId, SourceHealth>> }>(() => ({ health: {} }));

export function setSourceHealth(id: DomainLayerId, health: SourceHealth): void {
  useHealthStore.setState((s) => ({ health: { ...s.health, [id]: health } }));
}
