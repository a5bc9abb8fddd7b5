export type DataErrorKind = 'network' | 'http' | 'timeout' | 'aborted' | 'parse' | 'payload' | 'internal' | 'tooLarge';

/** A problem loading one collection, worded for the person looking at the screen. */
export interface DataError {
  kind: DataErrorKind;
  collection: string;
  message: string;
  status?: number;
  /** tooLarge: how many features the dataset holds, and how many a page holds at most. */
  total?: number;
  limit?: number;
}

/** One feature that failed validation: where it is and which field is wrong. */
export interface FeatureIssue {
  collection: string;
  index: number;
  featureId: string | null;
  field: string;
  message: string;
}

export function describeIssue(i: FeatureIssue): string {
  const which = i.featureId ? `feature ${i.index} (${i.featureId})` : `feature ${i.index}`;
  return `${i.collection}: ${which}, field "${i.field}": ${i.message}`;
}

export function dataError(kind: DataErrorKind, collection: string, message: string, status?: number): DataError {
  return status === undefined ? { kind, collection, message } : { kind, collection, message, status };
}
