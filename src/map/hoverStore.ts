import { create } from 'zustand';
import type { DomainLayerId } from '../layers/registry';

export interface Hover {
  layer: DomainLayerId;
  index: number;
  x: number;
  y: number;
}

/** Kept apart from the app store: it changes on every mouse move and only the tooltip reads it. */
export const useHoverStore = create<{ hover: Hover | null; setHover(h: Hover | null): void }>((set) => ({
  hover: null,
  setHover: (hover) => set({ hover }),
}));
