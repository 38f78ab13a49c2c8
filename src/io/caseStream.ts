/**
 * The case format (case.ts) read incrementally: JSON text arrives in chunks cut anywhere, and each
 * case's `logits` and `targets` go straight into growing typed arrays, without a whole-document
 * string or an array of JS numbers. One case object or an array of them, as parseCases.
 *
 * Results are parseCases's by construction:
 * - A case whose logits and targets have the expected shape (N finite numbers, or N equal rows of K
 *   finite numbers; N numbers as targets) is checked here with case.ts's rules; its `params` (small)
 *   go through case.ts's own `parseCase`, so their messages are the same.
 * - Anything else ("unusual shapes": a string among the logits, ragged rows, an unknown key, a
 *   target out of range, …) is rebuilt as the plain JSON value JSON.parse would give (keys in the
 *   same order, duplicates resolved the same way) and validated by case.ts's `parseCase`: the same
 *   message, at the cost of JS arrays for that failing case only. `expected` and unknown keys are
 *   checked as JSON and otherwise skipped (case.ts ignores the one and names only the key of the
 *   other).
 * - A syntax error wins over any validation error, as JSON.parse fails first; its message starts
 *   like parseCases's ("input: not valid JSON (") but its detail is ours: the line and column and
 *   what was found, where V8 quotes the text around it. This is the one documented difference.
 */
import {
  CASE_KEYS,
  parseCase,
  parseCasesValue,
  type ParseCaseResult,
  type ParseCasesResult,
  type ParsedCase,
} from './case.ts';

/** A case's logits read into a typed array (shape already checked). */
class StreamedLogits {
  constructor(
    readonly data: Float64Array,
    readonly R: number,
    readonly K: number,
    readonly flat: boolean,
  ) {}

  toJson(): unknown[] {
    if (this.flat) return Array.from(this.data);
    const rows: number[][] = [];
    for (let r = 0; r < this.R; r++) {
      rows.push(Array.from(this.data.subarray(r * this.K, (r + 1) * this.K)));
    }
    return rows;
  }
}

/** A case's targets read into a typed array (all numbers; range checked with the case). */
class StreamedTargets {
  constructor(readonly data: Float64Array) {}
}

/** A case object's validation, done as soon as it closed. */
class CaseOutcome {
  constructor(readonly result: ParseCaseResult) {}
}

/** A top-level array of cases, each validated as it closed. */
class ArrayOutcome {
  constructor(readonly results: readonly ParseCaseResult[]) {}
}

/** What a completed row of the logits hands to its (typed) parent: already stored there. */
const ROW_STORED = Symbol('row stored');

/** The parser state the frames reach: the container stack and the progress count. */
interface Host {
  readonly stack: Frame[];
  rows: number;
}

/** One open container. */
interface Frame {
  readonly isObject: boolean;
  /** The key the next value belongs to (objects only). */
  key: string;
  add(value: unknown): void;
  addNumber(x: number): void;
  /** A child container opens inside this one: the frame that reads it. */
  open(isObject: boolean): Frame;
  /** This container closed: the value its parent receives. */
  close(): unknown;
}

function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  // defineProperty, not assignment: a "__proto__" key is an own property, as JSON.parse makes it.
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
}

class GenericArray implements Frame {
  readonly isObject = false;
  key = '';
  constructor(readonly items: unknown[] = []) {}
  add(value: unknown): void {
    this.items.push(value);
  }
  addNumber(x: number): void {
    this.items.push(x);
  }
  open(isObject: boolean): Frame {
    return isObject ? new GenericObject() : new GenericArray();
  }
  close(): unknown {
    return this.items;
  }
}

class GenericObject implements Frame {
  readonly isObject = true;
  key = '';
  readonly obj: Record<string, unknown> = {};
  add(value: unknown): void {
    setKey(this.obj, this.key, value);
  }
  addNumber(x: number): void {
    setKey(this.obj, this.key, x);
  }
  open(isObject: boolean): Frame {
    return isObject ? new GenericObject() : new GenericArray();
  }
  close(): unknown {
    return this.obj;
  }
}

/** A value nobody reads (`expected`, an unknown key's value): checked as JSON, not kept. */
class Skip implements Frame {
  key = '';
  constructor(readonly isObject: boolean) {}
  add(): void {}
  addNumber(): void {}
  open(isObject: boolean): Frame {
    return new Skip(isObject);
  }
  close(): unknown {
    return null;
  }
}

/** A copy with at least `need` slots, doubling so n appends cost O(n) in all. */
function grow(a: Float64Array<ArrayBuffer>, need: number): Float64Array<ArrayBuffer> {
  const next = new Float64Array(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/** The exact-length array (a transferred buffer then holds nothing else). */
function exact(a: Float64Array, n: number): Float64Array {
  return a.length === n ? a : a.slice(0, n);
}

/**
 * `logits`: N numbers (flat) or N rows of K numbers, into one Float64Array. `features` (N rows of d
 * numbers) are read by the same frame; only the logits' rows count as progress (`counts`).
 */
class LogitsFrame implements Frame {
  readonly isObject = false;
  key = '';
  mode: 'unknown' | 'flat' | 'rows' = 'unknown';
  buf = new Float64Array(4096);
  n = 0;
  R = 0;
  K = 0;
  constructor(
    readonly host: Host,
    readonly depth: number,
    readonly counts = true,
  ) {}

  push(x: number): void {
    if (this.n === this.buf.length) this.buf = grow(this.buf, this.n + 1);
    this.buf[this.n++] = x;
  }

  addNumber(x: number): void {
    if (this.mode !== 'rows' && Number.isFinite(x)) {
      this.mode = 'flat';
      this.push(x);
      this.R++;
      if (this.counts) this.host.rows++;
    } else this.degrade().addNumber(x);
  }

  add(value: unknown): void {
    if (value !== ROW_STORED) this.degrade().add(value);
  }

  open(isObject: boolean): Frame {
    if (isObject || this.mode === 'flat') return this.degrade().open(isObject);
    this.mode = 'rows';
    return new LogitsRow(this, this.depth + 1);
  }

  close(): unknown {
    if (this.mode === 'unknown') return [];
    return new StreamedLogits(
      exact(this.buf, this.n),
      this.R,
      this.mode === 'flat' ? 1 : this.K,
      this.mode === 'flat',
    );
  }

  /** The rows read so far as JSON arrays (for the plain value a failing case is checked on). */
  rowsJson(): unknown[] {
    if (this.mode !== 'rows') return Array.from(this.buf.subarray(0, this.n));
    return new StreamedLogits(this.buf, this.R, this.K, false).toJson();
  }

  /** Not the expected shape: continue as a plain array holding what was read. */
  degrade(): Frame {
    const plain = new GenericArray(this.rowsJson());
    this.host.stack[this.depth] = plain;
    return plain;
  }
}

/** One row of `logits`, stored straight into its parent's buffer. */
class LogitsRow implements Frame {
  readonly isObject = false;
  key = '';
  readonly start: number;
  constructor(
    readonly outer: LogitsFrame,
    readonly depth: number,
  ) {
    this.start = outer.n;
  }

  addNumber(x: number): void {
    if (Number.isFinite(x)) this.outer.push(x);
    else this.degrade().addNumber(x);
  }

  add(value: unknown): void {
    this.degrade().add(value);
  }

  open(isObject: boolean): Frame {
    return this.degrade().open(isObject);
  }

  close(): unknown {
    const outer = this.outer;
    const len = outer.n - this.start;
    if (outer.R === 0) {
      if (len === 0) return this.degradeOuter();
      outer.K = len;
    } else if (len !== outer.K) return this.degradeOuter();
    outer.R++;
    if (outer.counts) outer.host.rows++;
    return ROW_STORED;
  }

  private rowJson(): number[] {
    return Array.from(this.outer.buf.subarray(this.start, this.outer.n));
  }

  /** The outer array becomes plain; this row's plain value is what it receives next. */
  private degradeOuter(): unknown {
    const row = this.rowJson();
    this.outer.n = this.start;
    this.outer.degrade();
    return row;
  }

  private degrade(): Frame {
    const row = this.rowJson();
    this.outer.n = this.start;
    this.outer.degrade();
    const plain = new GenericArray(row);
    this.outer.host.stack[this.depth] = plain;
    return plain;
  }
}

/** `targets`: N numbers into a Float64Array (integers and range are checked with the case). */
class TargetsFrame implements Frame {
  readonly isObject = false;
  key = '';
  buf = new Float64Array(1024);
  n = 0;
  constructor(
    readonly host: Host,
    readonly depth: number,
  ) {}
  addNumber(x: number): void {
    if (this.n === this.buf.length) this.buf = grow(this.buf, this.n + 1);
    this.buf[this.n++] = x;
  }
  add(value: unknown): void {
    this.degrade().add(value);
  }
  open(isObject: boolean): Frame {
    return this.degrade().open(isObject);
  }
  close(): unknown {
    return new StreamedTargets(exact(this.buf, this.n));
  }
  private degrade(): Frame {
    const plain = new GenericArray(Array.from(this.buf.subarray(0, this.n)));
    this.host.stack[this.depth] = plain;
    return plain;
  }
}

/** One case object: logits, targets and features streamed, params kept as JSON, the rest skipped. */
class CaseFrame implements Frame {
  readonly isObject = true;
  key = '';
  readonly obj: Record<string, unknown> = {};
  constructor(
    readonly host: Host,
    readonly depth: number,
    readonly index: number,
  ) {}
  add(value: unknown): void {
    setKey(this.obj, this.key, value);
  }
  addNumber(x: number): void {
    setKey(this.obj, this.key, x);
  }
  open(isObject: boolean): Frame {
    const key = this.key;
    if (!isObject && key === 'logits') return new LogitsFrame(this.host, this.depth + 1);
    if (!isObject && key === 'targets') return new TargetsFrame(this.host, this.depth + 1);
    if (!isObject && key === 'features') return new LogitsFrame(this.host, this.depth + 1, false);
    if (key === 'logits' || key === 'targets' || key === 'params' || key === 'features') {
      return isObject ? new GenericObject() : new GenericArray();
    }
    return new Skip(isObject);
  }
  close(): unknown {
    return new CaseOutcome(finishCase(this.obj, this.index));
  }
}

/** A top-level array: each element is a case, validated as it closes. */
class CasesFrame implements Frame {
  readonly isObject = false;
  key = '';
  readonly results: ParseCaseResult[] = [];
  constructor(
    readonly host: Host,
    readonly depth: number,
  ) {}
  add(value: unknown): void {
    this.results.push(
      value instanceof CaseOutcome ? value.result : parseCase(value, this.results.length),
    );
  }
  addNumber(x: number): void {
    this.add(x);
  }
  open(isObject: boolean): Frame {
    return isObject
      ? new CaseFrame(this.host, this.depth + 1, this.results.length)
      : new GenericArray();
  }
  close(): unknown {
    return new ArrayOutcome(this.results);
  }
}

/**
 * Validate one case as case.ts does. The expected shape is checked here (targets: integers, at most
 * K, one per row); anything else, and any failure, is left to parseCase on the plain value, which
 * gives its exact message.
 */
function finishCase(obj: Record<string, unknown>, index: number): ParseCaseResult {
  const logits = obj.logits;
  const targets = obj.targets;
  const features = obj.features;
  const featuresOk =
    !Object.hasOwn(obj, 'features') ||
    (features instanceof StreamedLogits &&
      !features.flat &&
      logits instanceof StreamedLogits &&
      features.R === logits.R);
  if (
    Object.keys(obj).every((k) => CASE_KEYS.includes(k)) &&
    logits instanceof StreamedLogits &&
    targets instanceof StreamedTargets &&
    targets.data.length === logits.R &&
    featuresOk
  ) {
    const { R, K } = logits;
    const t32 = new Int32Array(R);
    let i = 0;
    for (; i < R; i++) {
      const t = targets.data[i];
      if (!Number.isInteger(t) || t > K) break;
      // Any negative means "ignored" (case.ts stores -1).
      t32[i] = t < 0 ? -1 : t;
    }
    if (i === R) {
      // params are small: case.ts checks them, beside a minimal valid case so only they can fail
      // (its checks run logits, targets, params in that order, and these logits and targets are valid).
      const standIn: Record<string, unknown> = { logits: [0], targets: [0] };
      if (Object.hasOwn(obj, 'params')) standIn.params = obj.params;
      const r = parseCase(standIn, index);
      if (!r.ok) return r;
      const value: ParsedCase = {
        logits: logits.data,
        targets: t32,
        R,
        K,
        flat: logits.flat,
        params: r.value.params,
        features:
          features instanceof StreamedLogits ? { d: features.K, values: features.data } : null,
      };
      return { ok: true, value };
    }
  }
  if (logits instanceof StreamedLogits) obj.logits = logits.toJson();
  if (targets instanceof StreamedTargets) obj.targets = Array.from(targets.data);
  if (features instanceof StreamedLogits) obj.features = features.toJson();
  return parseCase(obj, index);
}

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Where the tokenizer is in the grammar. */
const State = {
  Value: 0,
  ArrayFirst: 1,
  ObjectFirst: 2,
  Key: 3,
  Colon: 4,
  After: 5,
  End: 6,
} as const;
type State = (typeof State)[keyof typeof State];

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
}

/** How a JSON document ended: empty (JS white space only), a syntax error, or its root value. */
type Settled = { readonly empty: true } | { readonly error: string } | { readonly root: unknown };

/**
 * The incremental JSON tokenizer both readers share: `push` text chunks in order, then `finish`
 * once. Never throws. `failed` turns true once a syntax error settles the result. What a container
 * becomes is its frame's business: the root's frame comes from `rootFrame`.
 */
abstract class JsonStream implements Host {
  readonly stack: Frame[] = [];
  rows = 0;
  private state: State = State.Value;
  private started = false;
  private leftover = '';
  /** How far into `leftover` an unfinished string was already searched for its closing quote. */
  private resume = 1;
  /** Characters before the current buffer (after the byte-order mark). */
  private base = 0;
  private lineNo = 1;
  private lineStart = 0;
  private sawToken = false;
  private root: unknown = undefined;
  private syntax: string | null = null;
  /** The syntax error so far sits in text that JS's trim() removes: the input may still be "empty". */
  private maybeEmpty = false;

  /** True once the result is settled by a syntax error. */
  get failed(): boolean {
    return this.syntax !== null && !this.maybeEmpty;
  }

  /** Feed the next piece of text (any length, cut anywhere). */
  push(text: string): void {
    let chunk = text;
    if (chunk.length === 0) return;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.syntax !== null) {
      if (this.maybeEmpty && !/^\s*$/.test(chunk)) this.maybeEmpty = false;
      return;
    }
    const s = this.leftover === '' ? chunk : this.leftover + chunk;
    const used = this.scan(s, false);
    this.base += used;
    this.leftover = s.slice(used);
  }

  /**
   * Stop at an input failure outside the text (e.g. bytes that are not UTF-8), unless the text
   * before it already had a syntax error: `input: <detail>`.
   */
  failAt(detail: string): { ok: false; error: string } {
    if (this.failed && this.syntax !== null) return { ok: false, error: this.syntax };
    return { ok: false, error: `input: ${detail}` };
  }

  /** The frame of a container at the top level. */
  protected abstract rootFrame(isObject: boolean, depth: number): Frame;

  /** End of input: how the document ended (the text left over is scanned first). */
  protected settle(): Settled {
    if (this.syntax === null) {
      const used = this.scan(this.leftover, true);
      this.base += used;
      this.leftover = '';
      if (this.syntax === null && this.state !== State.End && this.sawToken) {
        this.syntaxError(this.base, 'unexpected end of input');
      }
    }
    if (this.syntax !== null ? this.maybeEmpty : !this.sawToken) return { empty: true };
    if (this.syntax !== null) return { error: this.syntax };
    return { root: this.root };
  }

  private syntaxError(at: number, what: string, char?: string): void {
    const column = at - this.lineStart + 1;
    this.syntax = `input: not valid JSON (line ${this.lineNo}, column ${column}: ${what})`;
    // Text that is only whitespace for JS (e.g. U+00A0) but not for JSON: parseCases calls it empty.
    this.maybeEmpty = !this.sawToken && char !== undefined && /^\s$/.test(char);
  }

  private deliver(value: unknown): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      this.root = value;
      this.state = State.End;
    } else {
      top.add(value);
      this.state = State.After;
    }
  }

  private deliverNumber(x: number): void {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) {
      this.root = x;
      this.state = State.End;
    } else {
      top.addNumber(x);
      this.state = State.After;
    }
  }

  private open(isObject: boolean): void {
    const top = this.stack[this.stack.length - 1];
    const depth = this.stack.length;
    let frame: Frame;
    if (top !== undefined) frame = top.open(isObject);
    else frame = this.rootFrame(isObject, depth);
    this.stack.push(frame);
    this.state = isObject ? State.ObjectFirst : State.ArrayFirst;
  }

  private close(): void {
    // close() may replace the frame below (a row making its array plain), so the parent is read
    // from the stack only after the pop.
    const frame = this.stack[this.stack.length - 1];
    const value = frame.close();
    this.stack.pop();
    this.deliver(value);
  }

  /** The end of the string token opening at `i` (its closing quote), or -1 if not in `s` yet. */
  private stringEnd(s: string, i: number, from: number): number {
    let j = Math.max(i + 1, from);
    for (;;) {
      const q = s.indexOf('"', j);
      if (q < 0) return -1;
      let b = q - 1;
      while (s.charCodeAt(b) === 92) b--;
      if ((q - 1 - b) % 2 === 0) return q;
      j = q + 1;
    }
  }

  /** Consume complete tokens of `s`; returns how many characters were used. */
  private scan(s: string, final: boolean): number {
    const n = s.length;
    let i = 0;
    while (i < n && this.syntax === null) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 9 || c === 13) {
        i++;
        continue;
      }
      if (c === 10) {
        this.lineNo++;
        i++;
        this.lineStart = this.base + i;
        continue;
      }
      const state = this.state;
      if (state === State.Value || state === State.ArrayFirst) {
        if (c !== 93 && c !== 123 && c !== 91 && c !== 34 && !isNumberChar(c)) {
          if (c < 97 || c > 122) {
            this.unexpected(s, i);
            break;
          }
        }
        this.sawToken = true;
        if (c === 93 && state === State.ArrayFirst) {
          this.close();
          i++;
        } else if (c === 123 || c === 91) {
          this.open(c === 123);
          i++;
        } else if (c === 34) {
          const end = this.stringEnd(s, i, i + this.resume);
          if (end < 0) {
            if (!final) {
              this.resume = Math.max(1, n - i);
              return i;
            }
            this.syntaxError(this.base + n, 'unterminated string');
            break;
          }
          this.resume = 1;
          const value = this.stringValue(s, i, end);
          if (value === null) break;
          this.deliver(value);
          i = end + 1;
        } else if (isNumberChar(c)) {
          let j = i + 1;
          while (j < n && isNumberChar(s.charCodeAt(j))) j++;
          if (j === n && !final) return i;
          const token = s.slice(i, j);
          if (!JSON_NUMBER.test(token)) {
            this.syntaxError(this.base + i, `${JSON.stringify(token)} is not a JSON number`);
            break;
          }
          this.deliverNumber(Number(token));
          i = j;
        } else if (c >= 97 && c <= 122) {
          let j = i + 1;
          while (j < n && s.charCodeAt(j) >= 97 && s.charCodeAt(j) <= 122) j++;
          if (j === n && !final) return i;
          const word = s.slice(i, j);
          if (word === 'true') this.deliver(true);
          else if (word === 'false') this.deliver(false);
          else if (word === 'null') this.deliver(null);
          else {
            this.syntaxError(this.base + i, `unexpected ${JSON.stringify(oneWord(word))}`);
            break;
          }
          i = j;
        } else {
          // ']' where a value must come (after a comma).
          this.unexpected(s, i);
        }
      } else if (state === State.ObjectFirst || state === State.Key) {
        if (c === 125 && state === State.ObjectFirst) {
          this.close();
          i++;
        } else if (c === 34) {
          const end = this.stringEnd(s, i, i + this.resume);
          if (end < 0) {
            if (!final) {
              this.resume = Math.max(1, n - i);
              return i;
            }
            this.syntaxError(this.base + n, 'unterminated string');
            break;
          }
          this.resume = 1;
          const key = this.stringValue(s, i, end);
          if (key === null) break;
          this.stack[this.stack.length - 1].key = key;
          this.state = State.Colon;
          i = end + 1;
        } else {
          this.unexpected(s, i, 'a key in double quotes');
        }
      } else if (state === State.Colon) {
        if (c === 58) {
          this.state = State.Value;
          i++;
        } else this.unexpected(s, i, '":"');
      } else if (state === State.After) {
        const top = this.stack[this.stack.length - 1];
        if (c === 44) {
          this.state = top.isObject ? State.Key : State.Value;
          i++;
        } else if (c === (top.isObject ? 125 : 93)) {
          this.close();
          i++;
        } else this.unexpected(s, i, top.isObject ? '"," or "}"' : '"," or "]"');
      } else {
        this.unexpected(s, i, 'nothing after the JSON value');
      }
    }
    if (this.syntax !== null) {
      // Whether the rest is JS whitespace still matters for the "empty" message.
      if (this.maybeEmpty && !/^\s*$/.test(s.slice(i))) this.maybeEmpty = false;
      return n;
    }
    return i;
  }

  /** A string token's value through JSON.parse itself (escapes exactly as JSON.parse reads them). */
  private stringValue(s: string, i: number, end: number): string | null {
    try {
      return JSON.parse(s.slice(i, end + 1)) as string;
    } catch {
      this.syntaxError(this.base + i, 'a bad escape or control character in a string');
      return null;
    }
  }

  private unexpected(s: string, i: number, expected?: string): void {
    // A whole code point (a surrogate pair stays together) for the message.
    const cp = s.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    // Invisible characters (controls, U+00A0 and other spaces) by code point.
    const shown =
      cp < 0x21 || (cp >= 0x7f && cp <= 0xa0) || /^\s$/.test(ch)
        ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
        : JSON.stringify(ch);
    const what = `unexpected ${shown}${expected === undefined ? '' : `, expected ${expected}`}`;
    this.syntaxError(this.base + i, what, ch);
  }
}

/**
 * An incremental reader of case documents: `push` text chunks in order, then `finish` once for the
 * result parseCases gives for the whole text. Never throws.
 */
export class CaseStreamParser extends JsonStream {
  protected rootFrame(isObject: boolean, depth: number): Frame {
    return isObject ? new CaseFrame(this, depth, 0) : new CasesFrame(this, depth);
  }

  /** End of input: the result parseCases gives for the whole text. */
  finish(): ParseCasesResult {
    const end = this.settle();
    if ('empty' in end) {
      return {
        ok: false,
        error: 'input: empty (expected JSON: one case object or an array of cases)',
      };
    }
    if ('error' in end) return { ok: false, error: end.error };
    const root = end.root;
    if (root instanceof CaseOutcome) {
      return root.result.ok
        ? { ok: true, cases: [root.result.value], isArray: false }
        : root.result;
    }
    if (root instanceof ArrayOutcome) {
      if (root.results.length === 0) return parseCasesValue([]);
      const cases: ParsedCase[] = [];
      for (const r of root.results) {
        if (!r.ok) return r;
        cases.push(r.value);
      }
      return { ok: true, cases, isArray: true };
    }
    return parseCasesValue(root);
  }
}

/** A JSON document read whole: its value, or why not (`empty`: nothing but white space). */
export type JsonValueResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string; readonly empty?: true };

/**
 * An incremental JSON.parse, for the JSON inputs that are not cases (`dr check`'s checks, `dr
 * train`'s spec): the value JSON.parse gives for the whole text (same keys in the same order,
 * duplicates and "__proto__" as it makes them, the same numbers), without the text ever being one
 * string. Those inputs' own validators then read it. A syntax error's detail is this tokenizer's
 * (line, column, what was found), as for cases; white space alone is `empty`.
 */
export class JsonValueStreamParser extends JsonStream {
  protected rootFrame(isObject: boolean): Frame {
    return isObject ? new GenericObject() : new GenericArray();
  }

  finish(): JsonValueResult {
    const end = this.settle();
    if ('empty' in end) return { ok: false, error: 'input: empty', empty: true };
    if ('error' in end) return { ok: false, error: end.error };
    return { ok: true, value: end.root };
  }
}

function oneWord(w: string): string {
  return w.length > 20 ? `${w.slice(0, 20)}…` : w;
}
