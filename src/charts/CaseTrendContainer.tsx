import { useMemo } from 'react';
import { formatNumber, label, translate } from '../i18n';
import { COLLECTIONS, timeFieldOf, type CollectionId } from '../layers/registry';
import { countByYear } from '../stats/countByYear';
import { selectFeatures, useAppStore } from '../state/store';
import { YearlyBars } from './YearlyBars';

const YEARS = [2021, 2022, 2023, 2024, 2025, 2026];

/** Reads a case collection from the store and hands its yearly counts to the chart. */
export function CaseTrendContainer({ collection }: { collection: CollectionId }) {
  const lang = useAppStore((s) => s.lang);
  const features = useAppStore((s) => selectFeatures(s, collection));
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
