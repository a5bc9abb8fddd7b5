/**
 * Finds the features of a GeoJSON FeatureCollection (or a bare array of features) in text that
 * arrives in pieces, without parsing them: it only tracks strings, escapes and nesting, so each
 * complete feature's text can be handed to the engine's JSON.parse and dropped. Members beside
 * "features" (type, crs, name...) are kept as text when small.
 *
 * Streaming JSON libraries tokenise every character in JavaScript and build every value
 * themselves; measured on a 50 MB file this split plus JSON.parse is several times faster
 * (BENCHMARKS.md, "Import at scale").
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
/** A member beside "features" longer than this is skipped, not kept (a bbox or crs is a few hundred characters). */
const MAX_MEMBER_TEXT = 65_536;

export class JsonShapeError extends Error {}

/** Where the scanner is: outside any value it cares about, or inside one it is measuring. */
type Place =
  | 'start'
  | 'memberKey'
  | 'memberColon'
  | 'memberValue'
  | 'afterMember'
  | 'elementStart'
  | 'afterElement'
  | 'end';

export interface SplitBatch {
  /** The complete features' text, comma-separated: parse as `[${text}]`. */
  text: string;
  count: number;
  /** Each feature's end within text, to name the one that fails to parse. */
  ends: number[];
}

export class FeatureSplitter {
  /** Top-level members other than "features", as JSON text. */
  readonly members = new Map<string, string>();
  /** 'array': the file is a bare array of features; 'collection': an object with a features array. */
  shape: 'array' | 'collection' | null = null;
  sawFeatures = false;
  private buffer = '';
  /** Characters dropped from the buffer's front so far, for messages that name a place in the file. */
  private consumed = 0;
  private pos = 0;
  private place: Place = 'start';
  /** Nesting inside the value being measured (0: not in one). */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private valueStart = -1;
  private key = '';
  private firstElementStart = -1;
  private lastElementEnd = -1;
  private ends: number[] = [];
  /** Elements begun in the features list: a ] right after a comma is an error, after [ it is an empty list. */
  private listCount = 0;

  /** Feeds the next piece of text; returns the features it completed, if any. */
  push(chunk: string): SplitBatch | null {
    this.buffer += chunk;
    this.scan();
    return this.cut();
  }

  /** The text has ended: the document must be complete. */
  finish(): SplitBatch | null {
    this.scan();
    const batch = this.cut();
    if (this.place !== 'end') throw new JsonShapeError(this.place === 'start' ? 'the file holds no JSON' : 'the file ends before the JSON does (cut short?)');
    return batch;
  }

  private fail(what: string): never {
    const at = this.consumed + this.pos;
    throw new JsonShapeError(`${what} at character ${at + 1}`);
  }

  /** Moves the scan on as far as the buffer goes. */
  private scan(): void {
    const b = this.buffer;
    const n = b.length;
    let i = this.pos;
    while (i < n) {
      const c = b.charCodeAt(i);
      if (this.depth > 0 || this.inString) {
        i = this.measure(b, i, n);
        if (this.depth === 0 && !this.inString) {
          this.pos = i;
          this.valueEnded(i);
        }
        continue;
      }
      if (this.valueStart >= 0) {
        // A bare value (number, true, null): it ends at the next delimiter.
        if (WS.has(c) || c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          this.pos = i;
          this.valueEnded(i);
          continue;
        }
        i++;
        continue;
      }
      if (WS.has(c)) {
        i++;
        continue;
      }
      this.pos = i;
      this.step(c, i);
      i = this.pos;
    }
    this.pos = i;
  }

  /**
   * Runs through a value being measured until it ends or the text does, and returns where it
   * stopped: only strings, escapes and nesting matter. The hot loop of the splitter, so its state
   * lives in locals while it runs.
   */
  private measure(b: string, from: number, n: number): number {
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    let i = from;
    for (; i < n; i++) {
      const c = b.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 0) {
            i++;
            break;
          }
        }
      } else if (c === QUOTE) inString = true;
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && --depth === 0) {
        i++;
        break;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return i;
  }

  /** One structural character outside any measured value. */
  private step(c: number, i: number): void {
    switch (this.place) {
      case 'start':
        if (c === OPEN_BRACKET) {
          this.shape = 'array';
          this.sawFeatures = true;
          this.place = 'elementStart';
        } else if (c === OPEN_BRACE) {
          this.shape = 'collection';
          this.place = 'memberKey';
        } else this.fail('expected { or [');
        this.pos = i + 1;
        return;
      case 'memberKey':
        if (c === CLOSE_BRACE) {
          this.place = 'end';
          this.pos = i + 1;
          return;
        }
        if (c !== QUOTE) this.fail('expected a member name');
        this.startValue(i, c);
        return;
      case 'memberColon':
        if (c !== COLON) this.fail('expected :');
        this.place = 'memberValue';
        this.pos = i + 1;
        return;
      case 'memberValue':
        if (this.key === 'features' && c === OPEN_BRACKET) {
          this.sawFeatures = true;
          this.listCount = 0;
          this.place = 'elementStart';
          this.pos = i + 1;
          return;
        }
        this.startValue(i, c);
        return;
      case 'afterMember':
        if (c === COMMA) this.place = 'memberKey';
        else if (c === CLOSE_BRACE) this.place = 'end';
        else this.fail('expected , or }');
        this.pos = i + 1;
        return;
      case 'elementStart':
        if (c === CLOSE_BRACKET && this.listCount === 0) {
          this.listEnded(i);
          return;
        }
        if (this.firstElementStart < 0) this.firstElementStart = i;
        this.listCount++;
        this.startValue(i, c);
        return;
      case 'afterElement':
        if (c === COMMA) this.place = 'elementStart';
        else if (c === CLOSE_BRACKET) {
          this.listEnded(i);
          return;
        } else this.fail('expected , or ]');
        this.pos = i + 1;
        return;
      case 'end':
        this.fail('unexpected text after the end of the JSON');
    }
  }

  private startValue(i: number, c: number): void {
    if (c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COMMA || c === COLON) this.fail(`unexpected ${String.fromCharCode(c)}`);
    this.valueStart = i;
    if (c === QUOTE) this.inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth = 1;
    this.pos = i + 1;
  }

  private valueEnded(end: number): void {
    const start = this.valueStart;
    this.valueStart = -1;
    if (this.place === 'memberKey') {
      try {
        this.key = JSON.parse(this.buffer.slice(start, end)) as string;
      } catch {
        this.fail('a member name that is not a JSON string');
      }
      this.place = 'memberColon';
    } else if (this.place === 'memberValue') {
      if (end - start <= MAX_MEMBER_TEXT && this.key !== 'features') this.members.set(this.key, this.buffer.slice(start, end));
      this.place = 'afterMember';
    } else {
      this.ends.push(end);
      this.lastElementEnd = end;
      this.place = 'afterElement';
    }
  }

  private listEnded(i: number): void {
    this.place = this.shape === 'array' ? 'end' : 'afterMember';
    this.pos = i + 1;
  }

  /** Hands over the complete features and drops the text nothing needs any more. */
  private cut(): SplitBatch | null {
    let batch: SplitBatch | null = null;
    if (this.ends.length > 0) {
      const from = this.firstElementStart;
      const text = this.buffer.slice(from, this.lastElementEnd);
      batch = { text, count: this.ends.length, ends: this.ends.map((e) => e - from) };
      this.ends = [];
    }
    // Keep from the start of whatever is still open: a feature, a member's name or value.
    const keepFrom = this.valueStart >= 0 ? this.valueStart : this.pos;
    if (keepFrom > 0) {
      this.buffer = this.buffer.slice(keepFrom);
      this.consumed += keepFrom;
      this.pos -= keepFrom;
      if (this.valueStart >= 0) this.valueStart -= keepFrom;
    }
    this.firstElementStart = this.place === 'elementStart' || this.place === 'afterElement' ? (this.valueStart >= 0 ? this.valueStart : -1) : -1;
    this.lastElementEnd = -1;
    return batch;
  }
}
