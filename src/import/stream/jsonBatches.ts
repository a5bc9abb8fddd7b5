import { FeatureSplitter, JsonShapeError, type SplitBatch } from './featureSplitter';

/** Why streamed JSON could not be read: the text itself (notJson), or a document that is not a list of features. */
export type JsonStreamFailure = { kind: 'notJson'; detail: string } | { kind: 'notFeatureList' };

export class JsonStreamError extends Error {
  constructor(readonly failure: JsonStreamFailure) {
    super(failure.kind === 'notJson' ? failure.detail : 'not a list of features');
  }
}

function parseBatch(batch: SplitBatch, before: number): unknown[] {
  try {
    return JSON.parse(`[${batch.text}]`) as unknown[];
  } catch {
    // Name the feature that fails: parse them one by one.
    let start = 0;
    for (let k = 0; k < batch.count; k++) {
      const text = batch.text.slice(start, batch.ends[k]).replace(/^[\s,]+/, '');
      try {
        JSON.parse(text);
      } catch (e) {
        throw new JsonStreamError({ kind: 'notJson', detail: `feature ${before + k + 1}: ${e instanceof Error ? e.message.slice(0, 160) : String(e)}` });
      }
      start = batch.ends[k];
    }
    throw new JsonStreamError({ kind: 'notJson', detail: `features ${before + 1}–${before + batch.count}` });
  }
}

function shapeError(e: unknown): never {
  if (e instanceof JsonShapeError) throw new JsonStreamError({ kind: 'notJson', detail: e.message });
  throw e;
}

/**
 * The features of a FeatureCollection (or a bare array of them) in batches, as the text arrives;
 * the collection's other members (type, crs) are read into `members` once the text has ended.
 * A document without a features list throws notFeatureList (the caller reads it whole instead).
 */
export async function* featureBatches(chunks: AsyncIterable<string>, members?: Map<string, unknown>): AsyncGenerator<unknown[]> {
  const splitter = new FeatureSplitter();
  let seen = 0;
  const take = (batch: SplitBatch | null) => {
    if (!batch) return null;
    const features = parseBatch(batch, seen);
    seen += batch.count;
    return features;
  };
  for await (const chunk of chunks) {
    let features: unknown[] | null;
    try {
      features = take(splitter.push(chunk));
    } catch (e) {
      if (!(e instanceof JsonShapeError)) throw e;
      // A single Feature, a bare geometry or a lone value is not a list of features: not ours to read.
      if (splitter.shape === null || (splitter.shape === 'collection' && !splitter.sawFeatures)) throw new JsonStreamError({ kind: 'notFeatureList' });
      shapeError(e);
    }
    if (features) yield features;
    if (splitter.shape === 'collection' && !splitter.sawFeatures && splitter.members.has('type') && splitter.members.get('type') !== '"FeatureCollection"') {
      throw new JsonStreamError({ kind: 'notFeatureList' });
    }
  }
  let last: unknown[] | null = null;
  try {
    last = take(splitter.finish());
  } catch (e) {
    shapeError(e);
  }
  if (last) yield last;
  if (!splitter.sawFeatures) throw new JsonStreamError({ kind: 'notFeatureList' });
  for (const [key, text] of splitter.members) {
    try {
      members?.set(key, JSON.parse(text));
    } catch (e) {
      throw new JsonStreamError({ kind: 'notJson', detail: `"${key.slice(0, 40)}": ${e instanceof Error ? e.message.slice(0, 160) : String(e)}` });
    }
  }
}

/** GeoJSONSeq (RFC 8142) or newline-delimited GeoJSON, a batch of lines at a time; a line that is not JSON fails the file, naming it. */
export async function* lineBatches(chunks: AsyncIterable<string>): AsyncGenerator<unknown[]> {
  let rest = '';
  let line = 0;
  const parseLines = (lines: string[]): unknown[] => {
    const out: unknown[] = [];
    for (const raw of lines) {
      line++;
      const text = raw.trim();
      if (!text) continue;
      try {
        out.push(JSON.parse(text));
      } catch (e) {
        throw new JsonStreamError({ kind: 'notJson', detail: `line ${line}: ${e instanceof Error ? e.message.slice(0, 160) : String(e)}` });
      }
    }
    return out;
  };
  for await (const chunk of chunks) {
    const lines = (rest + chunk).replaceAll('\u001e', '\n').split('\n');
    rest = lines.pop()!;
    const features = parseLines(lines);
    if (features.length) yield features;
  }
  const features = parseLines([rest]);
  if (features.length) yield features;
}
