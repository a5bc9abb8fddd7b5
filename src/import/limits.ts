import { NO_TOWN } from '../map/columns/layerColumns';

/** The largest file the dialog accepts: the browser holds the parsed features in memory, about 6× the text. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/** More features than this belong on a server (see the PostGIS stack), not in one browser tab. */
export const MAX_FEATURES = 1_000_000;
/** A property value longer than this is refused for that feature (a runaway cell or a payload, not data). */
export const MAX_VALUE_LENGTH = 2_000;
/** Columns or properties beyond this are not offered for mapping. */
export const MAX_FIELDS = 200;
/** Property names that would reach Object.prototype if ever copied with plain assignment. */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
/** The map filters towns on one GPU category channel, which holds this many regions (one slot is "outside"). */
export const MAX_REGIONS = NO_TOWN;
