import { useMemo } from 'react';
import { formatNumber, label, translate } from '../i18n';
import { COLLECTIONS, DOMAIN_LAYERS, timeFieldOf, type DomainLayerId } from '../layers/registry';
import { useFilteredCases } from '../map/columns/useFilteredCases';
import { countByYear } from '../stats/countByYear';
import { useAppStore } from '../state/store';
import { YearlyBars } from './YearlyBars';

const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];

/** Reads a layer's cases under the current filters and hands their yearly counts to the chart. */
export function CaseTrendContainer({ layerId }: { layerId: DomainLayerId }) {
  const lang = useAppStore((s) => s.lang);
  const collection = DOMAIN_LAYERS[layerId].cases;
  const features = useFilteredCases(layerId);
  const def = COLLECTIONS[collection];
  const timeField = timeFieldOf(collection);
  const data = useMemo(() => (timeField ? countByYear(features, timeField, YEARS) : []), [features, timeField]);
  if (!timeField || features.length === 0) return null;
  return (
    <YearlyBars
      data={data}
      color="#5c7cfa"
      title={`${label(lang, def.title)} · ${translate(lang, 'perYear')}`}
      formatCount={(n) => formatNumber(lang, n)}
    />
  );
}
