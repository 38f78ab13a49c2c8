/**
 * A reader for NumPy's .npy format (format versions 1.0, 2.0 and 3.0; numpy/lib/format.py): the
 * magic "\x93NUMPY", a version, a header length, a header holding a Python dict literal
 * {'descr': '<f8', 'fortran_order': False, 'shape': (R, K)}, then the raw data.
 *
 * Reads float32/float64 and signed or unsigned integers of 1–8 bytes, little- or big-endian, C or
 * Fortran order (returned in C order, row-major). Refuses, with a message naming the problem: object
 * arrays and pickles (they hold Python objects, never read here), other dtypes, a malformed header, a
 * truncated file, and a size bomb (a declared shape beyond MAX_NPY_ELEMENTS or beyond the bytes
 * present). Pure: bytes in, typed arrays out; never throws.
 */

/** The largest array read (8× the 8·10⁶ entries of the app's detection-scale preset). */
export const MAX_NPY_ELEMENTS = 64 * 2 ** 20;

/** The largest header accepted (numpy writes well under 1 KiB). */
const MAX_HEADER_BYTES = 1 << 20;

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

/** One array: C-order values (floats as doubles, integers as exact doubles), its shape and dtype. */
export interface NpyArray {
  /** The dtype as written in the file, e.g. "<f4". */
  readonly descr: string;
  readonly kind: 'float' | 'int';
  /** Bytes per item. */
  readonly itemSize: number;
  readonly shape: readonly number[];
  /** Row-major (C order) values; integers are exact (|v| ≤ 2^53 is checked). */
  readonly values: Float64Array;
}

export type NpyResult =
  { readonly ok: true; readonly array: NpyArray } | { readonly ok: false; readonly error: string };

/** A problem of the file, with its one-line message. */
export class NpyError extends Error {}

function fail(message: string): never {
  throw new NpyError(message);
}

/** Parse the bytes of one .npy file. Never throws. */
export function parseNpy(bytes: Uint8Array): NpyResult {
  try {
    return { ok: true, array: readNpy(bytes) };
  } catch (e) {
    return npyFailure(e);
  }
}

/** A failure as a result: the reader's own message, or the unforeseen named. */
export function npyFailure(e: unknown): { ok: false; error: string } {
  if (e instanceof NpyError) return { ok: false, error: e.message };
  return { ok: false, error: `cannot read (${e instanceof Error ? e.message : String(e)})` };
}

/** What the preamble and header of an .npy file declare, checked (npyLayout). */
export interface NpyLayout {
  readonly descr: string;
  readonly type: Dtype;
  readonly fortran: boolean;
  readonly shape: readonly number[];
  /** Elements (the product of the shape), within MAX_NPY_ELEMENTS. */
  readonly count: number;
  /** Offset of the data: the preamble and the header before it. */
  readonly dataStart: number;
}

/** Bytes of an .npy file's start that decide whether its preamble is valid and its header length. */
export const NPY_PREAMBLE_BYTES = 12;

/**
 * The layout of the .npy file whose first bytes are `bytes` (the whole file, or any prefix of it
 * holding NPY_PREAMBLE_BYTES and the whole header: the checks and their messages are the same).
 * Throws NpyError.
 */
export function npyLayout(bytes: Uint8Array): NpyLayout {
  if (bytes.length >= 1 && bytes[0] === 0x80) {
    fail('a Python pickle, not an .npy array (save arrays with np.save, allow_pickle=False)');
  }
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
      fail('a zip archive (.npz), not an .npy file');
    }
    fail('not an .npy file (it does not start with "\\x93NUMPY")');
  }
  const major = bytes[6];
  const minor = bytes[7];
  if (minor !== 0 || major < 1 || major > 3) fail(`unknown .npy format version ${major}.${minor}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenBytes) fail('truncated inside the preamble');
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = 8 + lenBytes;
  if (headerLen > MAX_HEADER_BYTES) fail(`malformed header: ${headerLen} bytes declared`);
  if (headerStart + headerLen > bytes.length) {
    fail(
      `truncated: the header declares ${headerLen} bytes but ${bytes.length - headerStart} follow`,
    );
  }
  const headerBytes = bytes.subarray(headerStart, headerStart + headerLen);
  // Versions 1 and 2 are latin-1, version 3 UTF-8; a valid header is ASCII either way.
  let header = '';
  if (major === 3) header = new TextDecoder('utf-8').decode(headerBytes);
  else for (const b of headerBytes) header += String.fromCharCode(b);
  const { descr, fortran, shape } = readHeader(header);
  const type = dtypeOf(descr);

  let count = 1;
  for (const d of shape) count *= d;
  if (count > MAX_NPY_ELEMENTS) {
    fail(
      `size bomb: shape (${shape.join(', ')}) declares ${count} elements, beyond the limit of ${MAX_NPY_ELEMENTS}`,
    );
  }
  return { descr, type, fortran, shape, count, dataStart: headerStart + headerLen };
}

/**
 * Where a header's end lies, from the first NPY_PREAMBLE_BYTES of a file; null when they do not make
 * a valid preamble or declare a header beyond MAX_HEADER_BYTES (npyLayout then says why at once).
 */
export function npyHeaderEnd(bytes: Uint8Array): number | null {
  if (bytes.length < NPY_PREAMBLE_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) return null;
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLen: number;
  if (major === 1) headerLen = view.getUint16(8, true);
  else if (major === 2 || major === 3) headerLen = view.getUint32(8, true);
  else return null;
  if (headerLen > MAX_HEADER_BYTES) return null;
  return (major === 1 ? 10 : 12) + headerLen;
}

/** The error for `have` data bytes where the layout needs another number, or null when equal. */
export function npyDataSizeError(layout: NpyLayout, have: number): string | null {
  const need = layout.count * layout.type.itemSize;
  const { shape, descr } = layout;
  if (have < need) {
    return `truncated: shape (${shape.join(', ')}) of ${descr} needs ${need} data bytes but ${have} follow`;
  }
  if (have > need) {
    return `${have - need} bytes after the data the header declares (a corrupt or mismatched file)`;
  }
  return null;
}

/** The error for an integer that a double does not hold exactly (flat index `i`). */
export function npyUnsafeIntError(v: number, i: number): string {
  return `the integer ${v} at flat index ${i} is beyond ±2^53 (not exactly representable)`;
}

/** The array from its layout and its values in file order (Fortran order turned into C order). */
export function npyArray(layout: NpyLayout, values: Float64Array): NpyArray {
  const { descr, type, shape, fortran } = layout;
  return {
    descr,
    kind: type.kind,
    itemSize: type.itemSize,
    shape,
    values: fortran && shape.length > 1 ? fortranToC(values, shape) : values,
  };
}

function readNpy(bytes: Uint8Array): NpyArray {
  const layout = npyLayout(bytes);
  const { type, count, dataStart } = layout;
  const sizeError = npyDataSizeError(layout, bytes.length - dataStart);
  if (sizeError !== null) fail(sizeError);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Float64Array(count);
  const get = type.read;
  for (let i = 0; i < count; i++) {
    const v = get(view, dataStart + i * type.itemSize, type.little);
    if (type.kind === 'int' && !Number.isSafeInteger(v)) fail(npyUnsafeIntError(v, i));
    values[i] = v;
  }
  return npyArray(layout, values);
}

/** Column-major (Fortran) values to row-major (C) order for any number of dimensions. */
function fortranToC(values: Float64Array, shape: readonly number[]): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  const nd = shape.length;
  // Strides in the Fortran layout: the first index varies fastest.
  const fStride: number[] = new Array<number>(nd);
  let s = 1;
  for (let d = 0; d < nd; d++) {
    fStride[d] = s;
    s *= shape[d];
  }
  const idx = new Array<number>(nd).fill(0);
  for (let c = 0; c < n; c++) {
    let f = 0;
    for (let d = 0; d < nd; d++) f += idx[d] * fStride[d];
    out[c] = values[f];
    // Advance the C-order multi-index (last index fastest).
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** How one item of a dtype is read. */
export interface Dtype {
  readonly kind: 'float' | 'int';
  readonly itemSize: number;
  readonly little: boolean;
  readonly read: (view: DataView, at: number, little: boolean) => number;
}

/** The reader of a dtype string such as "<f8", ">i4" or "|u1"; an error for anything else. */
function dtypeOf(descr: string): Dtype {
  const m = /^([<>|=])([a-zA-Z])(\d+)$/.exec(descr);
  if (descr === '|O' || descr === 'O' || /^[<>|=]?O\d*$/.test(descr)) {
    fail(
      `object array (dtype ${descr}): Python objects are stored pickled and are never read here; save a numeric array (float32/float64 logits, int32/int64 targets)`,
    );
  }
  if (m === null) fail(`unsupported dtype ${JSON.stringify(descr)} (structured or unknown)`);
  const [, order, code, sizeText] = m;
  const size = Number(sizeText);
  const little = order !== '>';
  const readers: Record<string, (v: DataView, at: number, le: boolean) => number> = {
    f4: (v, at, le) => v.getFloat32(at, le),
    f8: (v, at, le) => v.getFloat64(at, le),
    i1: (v, at) => v.getInt8(at),
    i2: (v, at, le) => v.getInt16(at, le),
    i4: (v, at, le) => v.getInt32(at, le),
    i8: (v, at, le) => Number(v.getBigInt64(at, le)),
    u1: (v, at) => v.getUint8(at),
    u2: (v, at, le) => v.getUint16(at, le),
    u4: (v, at, le) => v.getUint32(at, le),
    u8: (v, at, le) => Number(v.getBigUint64(at, le)),
  };
  const read = readers[`${code}${size}`];
  if (read === undefined) {
    fail(
      `unsupported dtype ${descr} (supported: float32 <f4, float64 <f8, and integers i1–i8, u1–u8, either byte order)`,
    );
  }
  if (size > 1 && order === '|') fail(`malformed header: dtype ${descr} without a byte order`);
  return { kind: code === 'f' ? 'float' : 'int', itemSize: size, little, read };
}

/** The three keys of the header dict, validated. */
function readHeader(header: string): { descr: string; fortran: boolean; shape: number[] } {
  if (!header.endsWith('\n')) fail('malformed header (it does not end with a newline)');
  let value: unknown;
  try {
    value = new LiteralParser(header).parseTop();
  } catch (e) {
    fail(`malformed header (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!(value instanceof Map)) fail('malformed header (not a dict)');
  const keys = [...value.keys()].sort().join(', ');
  if (keys !== 'descr, fortran_order, shape') {
    fail(`malformed header (keys ${keys}; expected descr, fortran_order, shape)`);
  }
  const descr: unknown = value.get('descr');
  if (Array.isArray(descr)) {
    fail('structured array (a list of fields): save a plain numeric array');
  }
  if (typeof descr !== 'string') fail('malformed header (descr is not a string)');
  const fortran: unknown = value.get('fortran_order');
  if (typeof fortran !== 'boolean') fail('malformed header (fortran_order is not True/False)');
  const shape: unknown = value.get('shape');
  if (!(shape instanceof Tuple)) fail('malformed header (shape is not a tuple)');
  for (const d of shape.items) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 0) {
      fail(`malformed header (shape entry ${String(d)} is not a non-negative integer)`);
    }
  }
  return { descr, fortran, shape: shape.items as number[] };
}

/** A Python tuple in the header (distinguished from a list). */
class Tuple {
  constructor(readonly items: unknown[]) {}
}

/**
 * Recursive descent over the Python literal subset numpy writes: dicts, tuples, lists, strings,
 * integers, True, False, None. (Never eval: the header is untrusted input.)
 */
class LiteralParser {
  private i = 0;
  constructor(private readonly s: string) {}

  parseTop(): unknown {
    const v = this.value(0);
    this.space();
    if (this.i !== this.s.length) throw new Error(`unexpected ${JSON.stringify(this.s[this.i])}`);
    return v;
  }

  private space(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  private value(depth: number): unknown {
    if (depth > 8) throw new Error('nested too deeply');
    this.space();
    const c = this.s[this.i];
    if (c === '{') return this.dict(depth);
    if (c === '(') return new Tuple(this.sequence(')', depth));
    if (c === '[') return this.sequence(']', depth);
    if (c === "'" || c === '"') return this.string();
    const word = /^(True|False|None|-?\d+L?)/.exec(this.s.slice(this.i, this.i + 40));
    if (word === null) throw new Error(`unexpected ${JSON.stringify(c ?? 'end')}`);
    this.i += word[0].length;
    if (word[0] === 'True') return true;
    if (word[0] === 'False') return false;
    if (word[0] === 'None') return null;
    return Number(word[0].replace('L', ''));
  }

  private string(): string {
    const quote = this.s[this.i++];
    const end = this.s.indexOf(quote, this.i);
    if (end < 0) throw new Error('unterminated string');
    const text = this.s.slice(this.i, end);
    if (text.includes('\\')) throw new Error('escapes in a string');
    this.i = end + 1;
    return text;
  }

  private sequence(close: string, depth: number): unknown[] {
    this.i++;
    const items: unknown[] = [];
    for (;;) {
      this.space();
      if (this.s[this.i] === close) {
        this.i++;
        return items;
      }
      items.push(this.value(depth + 1));
      this.space();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== close) throw new Error(`expected "," or "${close}"`);
    }
  }

  private dict(depth: number): Map<string, unknown> {
    this.i++;
    const map = new Map<string, unknown>();
    for (;;) {
      this.space();
      if (this.s[this.i] === '}') {
        this.i++;
        return map;
      }
      const key = this.value(depth + 1);
      if (typeof key !== 'string') throw new Error('a dict key is not a string');
      if (map.has(key)) throw new Error(`key ${key} given twice`);
      this.space();
      if (this.s[this.i++] !== ':') throw new Error('expected ":"');
      map.set(key, this.value(depth + 1));
      this.space();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') throw new Error('expected "," or "}"');
    }
  }
}
