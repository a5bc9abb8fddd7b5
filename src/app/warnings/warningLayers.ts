import type { MessageKey } from '../../i18n/messages';
import { DOMAIN_LAYER_IDS, type DomainLayerId } from '../../layers/registry';
import { SERIES_OF } from '../../stats/caseLayers';
import type { WarningLayer } from '../../stats/warnings/warnings';

/** The domain layer a warning's cases belong to (its details open there). */
export const domainLayerOf = (layer: WarningLayer): DomainLayerId => DOMAIN_LAYER_IDS.find((id) => SERIES_OF[id] === layer)!;

/** What a warning's cases are called: lamp faults, cover defects, railway issues, patches. */
export const CASES_TITLE: Record<WarningLayer, MessageKey> = { lamps: 'lampFaults', manholes: 'coverDefects', railway: 'railwayIssues', patches: 'patchCases' };
