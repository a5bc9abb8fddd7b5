import type { MessageKey } from '../../i18n/messages';
import type { LabelledEnum } from '../../layers/common/labels';
import { defectType } from '../../layers/manholes/schema';
import { changeType } from '../../layers/patches/schema';
import { issueCategory } from '../../layers/railway/schema';
import { faultCause } from '../../layers/streetLamps/schema';
import { DOMAIN_LAYER_IDS, type DomainLayerId } from '../../layers/registry';
import { SERIES_OF } from '../../stats/caseLayers';
import type { WarningLayer } from '../../stats/warnings/warnings';

/** The domain layer a warning's cases belong to (its details open there). */
export const domainLayerOf = (layer: WarningLayer): DomainLayerId => DOMAIN_LAYER_IDS.find((id) => SERIES_OF[id] === layer)!;

/** What a warning's cases are called: lamp faults, cover defects, railway issues, patches. */
export const CASES_TITLE: Record<WarningLayer, MessageKey> = { lamps: 'lampFaults', manholes: 'coverDefects', railway: 'railwayIssues', patches: 'patchCases' };

/** The classes a layer's cases are counted by (their categories in the engine): causes, defects, categories, changes. */
export const CASE_CATEGORIES: Record<WarningLayer, LabelledEnum<string>> = { lamps: faultCause, manholes: defectType, railway: issueCategory, patches: changeType };

/**
 * The map's class filter that keeps a layer's cases of one category: railway issues by category,
 * patches by change. Lamp faults and cover defects have none (the map filters poles and covers,
 * not their cases), so an anomaly of their category shows its town and window only.
 */
export const CATEGORY_FILTER_FIELD: Record<WarningLayer, string | null> = { lamps: null, manholes: null, railway: 'category', patches: 'changeType' };
