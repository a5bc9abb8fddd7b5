import { describe, expect, it } from 'vitest';
import type { AppState, CollectionState } from '../state/store';
import { TileFreshness, versionedTileUrl } from './tileFreshness';

const served = (version?: string): CollectionState => ({ status: 'served', count: 1, loadedAt: 0, ...(version === undefined ? {} : { version }) });
const state = (collections: AppState['collections']): Pick<AppState, 'collections'> => ({ collections });

describe('TileFreshness', () => {
  it('does not read the tiles again for the first markers, or for markers that stand still', () => {
    const fresh = new TileFreshness(['streetLamps', 'patches']);
    expect(fresh.moved(state({}))).toBe(false);
    expect(fresh.moved(state({ lamps: served('1.10'), patches: served('2.5') }))).toBe(false);
    expect(fresh.moved(state({ lamps: served('1.10'), patches: served('2.5') }))).toBe(false);
  });

  it('reads them again when a tiled collection’s marker moves, once', () => {
    const fresh = new TileFreshness(['streetLamps', 'patches']);
    fresh.moved(state({ lamps: served('1.10'), patches: served('2.5') }));
    expect(fresh.moved(state({ lamps: served('1.10'), patches: served('2.6') }))).toBe(true);
    expect(fresh.moved(state({ lamps: served('1.10'), patches: served('2.6') }))).toBe(false);
  });

  it('remembers a marker while its collection is being read again, so a reading that moved it still counts', () => {
    const fresh = new TileFreshness(['manholes']);
    fresh.moved(state({ manholes: served('3.1') }));
    expect(fresh.moved(state({ manholes: { status: 'loading', progress: null } }))).toBe(false);
    expect(fresh.moved(state({ manholes: served('9.1') }))).toBe(true);
  });

  it('ignores collections it does not draw, and a server without markers', () => {
    const fresh = new TileFreshness(['patches']);
    fresh.moved(state({ patches: served(), 'lamp-faults': served('1.1') }));
    expect(fresh.moved(state({ patches: served(), 'lamp-faults': served('1.2') }))).toBe(false);
  });

  it('tags the tile address with the markers: the same markers the same tag, a moved marker another', () => {
    const a = new TileFreshness(['streetLamps', 'patches']);
    const b = new TileFreshness(['streetLamps', 'patches']);
    a.moved(state({ lamps: served('1.10'), patches: served('2.5') }));
    b.moved(state({ lamps: served('1.10'), patches: served('2.5') }));
    expect(a.version()).toMatch(/^[0-9a-f]{8}$/);
    expect(a.version()).toBe(b.version());
    b.moved(state({ lamps: served('1.10'), patches: served('2.6') }));
    expect(b.version()).not.toBe(a.version());
    expect(new TileFreshness(['patches']).version()).toMatch(/^[0-9a-f]{8}$/);
  });

  it('adds the tag as the address’s v parameter', () => {
    expect(versionedTileUrl('/mapserv?map=citygis&tile={x}+{y}+{z}', '00ab12cd')).toBe('/mapserv?map=citygis&tile={x}+{y}+{z}&v=00ab12cd');
    expect(versionedTileUrl('/tiles/{z}/{x}/{y}.pbf', '00ab12cd')).toBe('/tiles/{z}/{x}/{y}.pbf?v=00ab12cd');
  });
});
