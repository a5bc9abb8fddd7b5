import { create } from 'zustand';
import type { DomainLayerId } from '../layers/registry';

export interface Hover {
  layer: DomainLayerId;
  /** The feature's index in its loaded collection, or -1 for one drawn from the server's tiles. */
  index: number;
  /** A tiled feature's properties as its tile carries them (the page does not hold it). */
  properties?: Record<string, unknown>;
  x: number;
  y: number;
}

/** A warning under the pointer: what its tooltip says. */
export interface NoteHover {
  note: readonly string[];
  x: number;
  y: number;
}

/** Kept apart from the app store: it changes on every mouse move and only the tooltip reads it. */
export const useHoverStore = create<{ hover: Hover | null; note: NoteHover | null; setHover(h: Hover | null): void; setNote(n: NoteHover | null): void }>((set) => ({
  hover: null,
  note: null,
  setHover: (hover) => set({ hover }),
  setNote: (note) => set({ note }),
}));
