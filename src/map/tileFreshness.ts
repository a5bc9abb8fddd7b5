import { DOMAIN_LAYERS, type CollectionId, type DomainLayerId } from '../layers/registry';
import type { AppState } from '../state/store';

/**
 * The server's change markers of the collections its tiles are cut from, as last seen. MapLibre
 * keeps the tiles it has read for as long as the page runs, so a wall left open would draw the
 * poles, covers, patches and railway issues of the morning after a reload at noon. When a marker
 * moves (the live refresh read it, `collection-versions`), the tiles are read again.
 */
export class TileFreshness {
  private readonly seen = new Map<CollectionId, string>();
  private readonly collections: readonly CollectionId[];

  constructor(layers: readonly DomainLayerId[]) {
    this.collections = layers.map((id) => DOMAIN_LAYERS[id].features);
  }

  /**
   * Takes the markers of a state in; true when one moved from a marker seen before. The first
   * marker of each collection only sets where it stands: its tiles were read with it, or after it.
   */
  moved(s: Pick<AppState, 'collections'>): boolean {
    let moved = false;
    for (const id of this.collections) {
      const c = s.collections[id];
      const version = c?.status === 'served' ? c.version : undefined;
      if (version === undefined) continue;
      const before = this.seen.get(id);
      if (before !== undefined && before !== version) moved = true;
      this.seen.set(id, version);
    }
    return moved;
  }

  /**
   * The markers seen, as a short tag for the tile address (its `v`): the same data gives the same
   * address, and new data a new one, which no cache holds (MapLibre keeps the zoomed-in slices
   * of a tile by its address).
   */
  version(): string {
    let hash = 0x811c9dc5;
    const text = this.collections.map((id) => this.seen.get(id) ?? '').join('|');
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return (hash >>> 0).toString(16).padStart(8, '0');
  }
}

/** The tile address with the data version it is read for. */
export const versionedTileUrl = (url: string, version: string) => `${url}${url.includes('?') ? '&' : '?'}v=${version}`;
