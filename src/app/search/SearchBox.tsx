import { bbox } from '@turf/bbox';
import { useId, useMemo, useState } from 'react';
import { label, translate } from '../../i18n';
import { DOMAIN_LAYERS } from '../../layers/registry';
import { selectLayerColumns } from '../../map/columns/columnsCache';
import { selectFeatures, selectTable, useAppStore } from '../../state/store';
import { anchorAt, geometryAt } from '../../data/columnar/readTable';
import { aroundPoint } from '../../map/aroundPoint';
import { buildSearchIndex, search, type BBox, type SearchHit } from './searchIndex';
import { useServedHits } from './useServedHits';

const MAX_HITS = 8;

/** Search by asset id, case id or road name; choosing a result flies the map there and highlights it. */
export function SearchBox() {
  const lang = useAppStore((s) => s.lang);
  const lamps = useAppStore((s) => selectTable(s, 'lamps'));
  const manholes = useAppStore((s) => selectTable(s, 'manholes'));
  const patches = useAppStore((s) => selectTable(s, 'patches'));
  const issues = useAppStore((s) => selectTable(s, 'railway-issues'));
  const faults = useAppStore((s) => selectTable(s, 'lamp-faults'));
  const defects = useAppStore((s) => selectTable(s, 'manhole-defects'));
  const roads = useAppStore((s) => selectFeatures(s, 'roads'));
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const listId = useId();
  // Built on first use, not while the page loads: most sessions never search.
  const active = query !== '';
  const index = useMemo(
    () =>
      active &&
      buildSearchIndex({
        layers: { streetLamps: lamps, manholes, patches, railway: issues },
        assetCases: [
          { layer: 'streetLamps', cases: faults },
          { layer: 'manholes', cases: defects },
        ],
        roads,
      }),
    [active, lamps, manholes, patches, issues, faults, defects, roads],
  );
  const served = useServedHits(query, MAX_HITS);
  const hits = useMemo(() => {
    const held = index ? search(index, query, MAX_HITS) : [];
    return served.length === 0 ? held : [...served, ...held].slice(0, MAX_HITS);
  }, [index, query, served]);

  const choose = (hit: SearchHit) => {
    const s = useAppStore.getState();
    setOpen(false);
    if (hit.kind === 'road') {
      setQuery(hit.name);
      s.highlightRoad(hit.name);
      s.requestView(hit.bbox);
      return;
    }
    setQuery(hit.caseId ?? hit.id);
    s.highlightRoad(null);
    s.setLayerDisplay(hit.layer, { visible: true });
    s.select({ layer: hit.layer, id: hit.id });
    const columns = selectLayerColumns(s, hit.layer);
    const i = columns?.indexOf(hit.id);
    if (hit.at) return s.requestView(aroundPoint(hit.at));
    if (columns === null || i === undefined) return;
    const table = selectTable(s, DOMAIN_LAYERS[hit.layer].features);
    const geometry = geometryAt(table.geometry, i);
    s.requestView(!geometry || geometry.type === 'Point' ? aroundPoint(anchorAt(table.geometry, i)) : (bbox(geometry) as BBox));
  };

  const hitText = (hit: SearchHit) =>
    hit.kind === 'road' ? `${hit.name} · ${translate(lang, 'road')}` : `${hit.caseId ? `${hit.caseId} → ` : ''}${hit.id} · ${label(lang, DOMAIN_LAYERS[hit.layer].title)}`;

  return (
    <div className="search">
      <input
        type="search"
        role="combobox"
        aria-label={translate(lang, 'search')}
        aria-expanded={open && query !== ''}
        aria-controls={listId}
        placeholder={translate(lang, 'searchPlaceholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) choose(hits[0]);
          if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && query !== '' && (
        <ul id={listId} role="listbox" className="search__results" data-testid="search-results">
          {hits.length === 0 && <li className="note">{translate(lang, 'noResults')}</li>}
          {hits.map((hit) => (
            <li key={hitText(hit)} role="option" aria-selected={false}>
              <button type="button" onClick={() => choose(hit)}>
                {hitText(hit)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
