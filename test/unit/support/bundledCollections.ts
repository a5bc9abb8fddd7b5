import { readFileSync } from 'node:fs';
import { decodeCollectionTable } from '../../../src/data/decode';
import type { CollectionId } from '../../../src/layers/registry';
import { useAppStore } from '../../../src/state/store';

/** Decodes a bundled collection (public/data) and puts it in the store as loaded, as the page would. */
export function loadBundled(id: CollectionId): void {
  const b = readFileSync(`public/data/${id}.geojson`);
  const decoded = decodeCollectionTable(id, b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
  if (!decoded.ok) throw new Error(decoded.error.message);
  useAppStore.getState().setCollection(id, { status: 'loaded', table: decoded.value.table, rejected: [], loadedAt: 0 });
}
