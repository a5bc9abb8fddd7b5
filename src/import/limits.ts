import { NO_TOWN } from '../map/columns/layerColumns';

/** The largest file of a format read whole (a workbook, a GeoPackage, KML...): its parsed features are held at once, about 6× the file. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;
/**
 * The largest GeoJSON or CSV file: these are read as a stream, a batch of features at a time, so
 * memory follows the features kept (as columns), not the file. A million features (MAX_FEATURES)
 * rarely take more than 1 GB of text; past that the file costs minutes to read twice for nothing.
 */
export const STREAMED_FILE_BYTES = 1024 * 1024 * 1024;
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
/** Skipped features listed (in the dialog's report) at most; past this they are only counted. */
export const MAX_LISTED_PROBLEMS = 100_000;
