/**
 * The candidate blobs of a permalink: an explicit (imported) base set, and a list of edits, each as
 * its own compressed, base64url-encoded blob (separate so an edit does not re-encode a large base).
 * Exact by construction: every number the person typed or imported comes back bit for bit (float64
 * bytes, or the shortest round-trip decimal text, whichever compresses smaller).
 *
 * Blob = base64url( uvarint(rawLength) ‖ CRC-32(raw) ‖ deflate(raw) ). The declared raw length is
 * checked against
 * MAX_RAW_BYTES before anything is inflated, and inflation writes into a buffer of exactly
 * rawLength + 1 bytes, so a decompression bomb can neither allocate nor produce more than the cap;
 * the checksum catches a mistyped or damaged link that would otherwise inflate to other numbers.
 *
 * base raw  = kind byte 'B' ‖ flags ‖ uvarint R ‖ uvarint K ‖ [uvarint d] ‖ R × svarint target ‖
 *             column(R·K logits ‖ R·d features)
 * edits raw = kind byte 'E' ‖ flags ‖ uvarint count ‖ count op bytes ‖ rows of setLogit, setLabel
 *             and delete (svarint, delta-coded against the previous row, so runs of edits compress to
 *             almost nothing) ‖ cls of setLogit and target of setLabel and add (svarint) ‖ lengths
 *             of added rows (uvarint) ‖ column(each setLogit's logit, each added row's logits)
 * column    = uvarint n ‖ (8n bytes: little-endian float64 in byte planes
 *                         | uvarint byteLength ‖ ASCII shortest decimals joined by ',')
 * flags bit 1 (DECIMAL) says which column form follows; bit 2 (FEATURES) that the set carries d
 * features per row (d is then written, and the column holds them after the logits).
 */
import { deflateSync, inflateSync } from 'fflate';
import type { CandidateEdit, CandidateSet } from '../../data/types.ts';
import {
  ByteReader,
  ByteWriter,
  PayloadError,
  crc32,
  fromBase64Url,
  toBase64Url,
} from './bytes.ts';

/** Refuse a blob longer than this before decoding it (Chromium's URL limit is 2 MB). */
export const MAX_BLOB_CHARS = 2_000_000;
/** Refuse a payload that declares more raw bytes than this (16 MiB ≈ 2·10⁶ float64 logits). */
export const MAX_RAW_BYTES = 16 * 1024 * 1024;
/** Largest explicit set a link may carry, R·K entries. */
export const MAX_LINK_ENTRIES = 2_000_000;

const KIND_BASE = 0x42; // 'B'
const KIND_EDITS = 0x45; // 'E'
const DECIMAL = 2;
const FEATURES = 4;
const OPS = ['setLogit', 'setLabel', 'add', 'delete'] as const;
/** Try the decimal column only when the text averages at most this many bytes per number. */
const DECIMAL_TRY_BYTES = 16;

/** Shortest decimal that parses back to the same double; keeps the sign of −0. */
function exactDecimal(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** Decimal syntax String(x) produces for finite x (no hex, no spaces, no "Infinity"). */
const DECIMAL_RE = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/;

function writeColumn(w: ByteWriter, column: Float64Array, text: Uint8Array | null): void {
  const n = column.length;
  w.uvarint(n);
  if (text) {
    w.uvarint(text.length);
    w.bytes(text);
    return;
  }
  // Byte planes (all first bytes, then all second bytes, …): signs, exponents and high mantissa
  // bytes of similar numbers line up, which deflate compresses far better than interleaved doubles.
  const le = new Uint8Array(8 * n);
  const view = new DataView(le.buffer);
  for (let i = 0; i < n; i++) view.setFloat64(8 * i, column[i], true);
  const planes = new Uint8Array(8 * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < 8; j++) planes[j * n + i] = le[8 * i + j];
  w.bytes(planes);
}

function readColumn(r: ByteReader, decimal: boolean): Float64Array {
  const n = r.uvarint();
  let out: Float64Array;
  if (decimal) {
    const len = r.uvarint();
    // Every number takes at least one character and a comma: a bound before allocating.
    if (n > len + 1) throw new PayloadError('number list truncated');
    const parts = n === 0 ? [] : new TextDecoder().decode(r.bytes(len)).split(',');
    if (parts.length !== n) throw new PayloadError(`expected ${n} numbers, found ${parts.length}`);
    out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (!DECIMAL_RE.test(parts[i])) throw new PayloadError(`number ${i + 1} is not a decimal`);
      out[i] = Number(parts[i]);
    }
  } else {
    if (8 * n > r.remaining) throw new PayloadError('number list truncated');
    const planes = r.bytes(8 * n);
    const le = new Uint8Array(8 * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < 8; j++) le[8 * i + j] = planes[j * n + i];
    const view = new DataView(le.buffer);
    out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = view.getFloat64(8 * i, true);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(out[i])) throw new PayloadError(`number ${i + 1} is not finite`);
  }
  return out;
}

/** deflate `raw` behind its length, as base64url. */
function pack(raw: Uint8Array): string {
  const w = new ByteWriter();
  w.uvarint(raw.length);
  w.u32(crc32(raw));
  w.bytes(deflateSync(raw, { level: 9 }));
  return toBase64Url(w.finish());
}

/**
 * Build the raw bytes with each column form and keep the shorter blob. The decimal form is only
 * tried when its text is short enough to have a chance (long random doubles lose to bytes).
 */
function packBest(column: Float64Array, write: (w: ByteWriter, decimal: boolean) => void): string {
  const build = (text: Uint8Array | null) => {
    const w = new ByteWriter();
    write(w, text !== null);
    writeColumn(w, column, text);
    return pack(w.finish());
  };
  const binary = build(null);
  if (column.length === 0) return binary;
  const parts = new Array<string>(column.length);
  let chars = 0;
  for (let i = 0; i < column.length; i++) chars += (parts[i] = exactDecimal(column[i])).length + 1;
  if (chars > DECIMAL_TRY_BYTES * column.length) return binary;
  const decimal = build(new TextEncoder().encode(parts.join(',')));
  return decimal.length < binary.length ? decimal : binary;
}

/**
 * Inflate a blob with the size guard. Throws PayloadError (too long, not base64url, declared size
 * over MAX_RAW_BYTES, corrupt or truncated deflate stream, size mismatch).
 */
function unpack(blob: string): Uint8Array {
  if (blob.length > MAX_BLOB_CHARS) {
    throw new PayloadError(`too long (${blob.length} characters; limit ${MAX_BLOB_CHARS})`);
  }
  const packed = new ByteReader(fromBase64Url(blob));
  const rawLength = packed.uvarint();
  if (rawLength > MAX_RAW_BYTES) {
    throw new PayloadError(`declares ${rawLength} bytes; limit ${MAX_RAW_BYTES}`);
  }
  const checksum = packed.u32();
  const out = new Uint8Array(rawLength + 1);
  let raw: Uint8Array;
  try {
    raw = inflateSync(packed.bytes(packed.remaining), { out });
  } catch {
    throw new PayloadError('corrupt or truncated compressed data');
  }
  if (raw.length !== rawLength) {
    throw new PayloadError('compressed data does not match its declared size');
  }
  if (crc32(raw) !== checksum) throw new PayloadError('checksum mismatch (damaged link)');
  return raw;
}

/** Run a reader over a blob; any failure becomes a one-line error. Never throws. */
function decodeWith<T>(
  blob: string,
  read: (r: ByteReader) => T,
): { ok: true; value: T } | { ok: false; error: string } {
  try {
    const r = new ByteReader(unpack(blob));
    const value = read(r);
    if (r.remaining !== 0) throw new PayloadError('trailing bytes');
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: e instanceof PayloadError ? e.message : 'unreadable' };
  }
}

/** The kind byte and the flags; `allowed` are the flags this kind may set. */
function readHeader(r: ByteReader, kind: number, allowed = DECIMAL): number {
  const k = r.byte();
  if (k !== kind) {
    throw new PayloadError(
      k === KIND_BASE || k === KIND_EDITS ? 'wrong kind of data' : 'unknown format',
    );
  }
  const flags = r.byte();
  if ((flags & ~allowed) !== 0) throw new PayloadError('unknown format flags');
  return flags;
}

/** Encode an explicit set (R·K logits, R targets, R·d features if any) as a blob; exact, pure. */
export function encodeBase(set: CandidateSet): string {
  const f = set.features;
  let column = set.logits;
  if (f !== undefined) {
    column = new Float64Array(set.logits.length + f.values.length);
    column.set(set.logits);
    column.set(f.values, set.logits.length);
  }
  return packBest(column, (w, decimal) => {
    w.byte(KIND_BASE);
    w.byte((decimal ? DECIMAL : 0) | (f !== undefined ? FEATURES : 0));
    w.uvarint(set.R);
    w.uvarint(set.K);
    if (f !== undefined) w.uvarint(f.d);
    for (const t of set.targets) w.svarint(t);
  });
}

/**
 * Decode a blob written by encodeBase: R ≥ 1, K ≥ 1, R·(K + d) ≤ MAX_LINK_ENTRIES, targets in
 * −1..K, finite logits and features. Total: any string gives the set or a one-line error; never throws.
 */
export function decodeBase(
  blob: string,
): { ok: true; value: CandidateSet } | { ok: false; error: string } {
  return decodeWith(blob, (r) => {
    const flags = readHeader(r, KIND_BASE, DECIMAL | FEATURES);
    const R = r.uvarint();
    const K = r.uvarint();
    const d = (flags & FEATURES) !== 0 ? r.uvarint() : 0;
    if (R < 1 || K < 1) throw new PayloadError('a set needs at least one row and one class');
    if ((flags & FEATURES) !== 0 && d < 1) throw new PayloadError('features need d ≥ 1');
    if (R * (K + d) > MAX_LINK_ENTRIES) {
      throw new PayloadError(`more than ${MAX_LINK_ENTRIES} numbers`);
    }
    // A target takes at least one byte: a bound before allocating.
    if (R > r.remaining) throw new PayloadError('labels truncated');
    const targets = new Int32Array(R);
    for (let i = 0; i < R; i++) {
      const t = r.svarint();
      if (t < -1 || t > K) throw new PayloadError(`label of row ${i} is ${t}, not in −1..${K}`);
      targets[i] = t;
    }
    const column = readColumn(r, (flags & DECIMAL) !== 0);
    if (column.length !== R * (K + d)) {
      const what = d > 0 ? 'logits and features' : 'logits';
      throw new PayloadError(`expected ${R * (K + d)} ${what}, found ${column.length}`);
    }
    if (d === 0) return { R, K, logits: column, targets };
    return {
      R,
      K,
      logits: column.slice(0, R * K),
      targets,
      features: { d, values: column.slice(R * K) },
    };
  });
}

/** Edits that can be written: whole-number fields, finite numbers (others would be skipped anyway). */
function writable(e: CandidateEdit): boolean {
  // Indices beyond 2^31 cannot address a typed array; the bound keeps zigzag varints exact.
  const int = (x: number) => Number.isInteger(x) && Math.abs(x) <= 2 ** 31;
  switch (e.op) {
    case 'setLogit':
      return int(e.row) && int(e.cls) && Number.isFinite(e.logit);
    case 'setLabel':
      return int(e.row) && int(e.target);
    case 'add':
      return int(e.target) && e.logits.every(Number.isFinite);
    case 'delete':
      return int(e.row);
    default:
      return false;
  }
}

/**
 * The order edits are stored in: within each run of setLogit/setLabel edits (between adds and
 * deletes, which move rows), a stable sort by row. Those edits commute unless they write the same
 * entry, and a stable sort keeps such writes in order, so applyEdits gives the same set bit for bit;
 * the sorted rows then delta-code to almost nothing (1,000 edits in random order would otherwise spend
 * ~1.5 kB of a link on their row numbers). Returns a new array; the number of edits is unchanged.
 */
export function canonicalEdits(edits: readonly CandidateEdit[]): CandidateEdit[] {
  const out: CandidateEdit[] = [];
  let run: CandidateEdit[] = [];
  const rowOf = (e: CandidateEdit) => (e.op === 'setLogit' || e.op === 'setLabel' ? e.row : 0);
  const flush = () => {
    out.push(...run.sort((a, b) => rowOf(a) - rowOf(b)));
    run = [];
  };
  for (const e of edits) {
    if (e.op === 'setLogit' || e.op === 'setLabel') run.push(e);
    else {
      flush();
      out.push(e);
    }
  }
  flush();
  return out;
}

/**
 * Encode edits as a blob; exact, pure. Edits with non-integer indices or non-finite numbers are left
 * out (applyEdits would skip them anyway); the rest are stored in canonical order (canonicalEdits),
 * which decodes to an edit list that gives the same set.
 */
export function encodeEdits(edits: readonly CandidateEdit[]): string {
  const kept = canonicalEdits(edits.filter(writable));
  const nums: number[] = [];
  for (const e of kept) {
    if (e.op === 'setLogit') nums.push(e.logit);
    else if (e.op === 'add') for (const x of e.logits) nums.push(x);
  }
  return packBest(Float64Array.from(nums), (w, decimal) => {
    w.byte(KIND_EDITS);
    w.byte(decimal ? DECIMAL : 0);
    w.uvarint(kept.length);
    for (const e of kept) w.byte(OPS.indexOf(e.op));
    // Field streams, each in edit order: rows (delta-coded), then classes and targets, then the
    // lengths of added rows. Like values side by side compress far better than interleaved records.
    let prevRow = 0;
    for (const e of kept) {
      if (e.op === 'add') continue;
      w.svarint(e.row - prevRow);
      prevRow = e.row;
    }
    for (const e of kept) {
      if (e.op === 'setLogit') w.svarint(e.cls);
      else if (e.op !== 'delete') w.svarint(e.target);
    }
    for (const e of kept) if (e.op === 'add') w.uvarint(e.logits.length);
  });
}

/**
 * Decode a blob written by encodeEdits. Indices are whole numbers but are not range-checked here
 * (that depends on the set; applyEdits skips what cannot apply). Total; never throws.
 */
export function decodeEdits(
  blob: string,
): { ok: true; value: CandidateEdit[] } | { ok: false; error: string } {
  return decodeWith(blob, (r) => {
    const decimal = readHeader(r, KIND_EDITS) === DECIMAL;
    const count = r.uvarint();
    // An op byte and at least one field byte per edit: a bound before allocating.
    if (2 * count > r.remaining) throw new PayloadError('edits truncated');
    const ops = Array.from(r.bytes(count), (b, i) => {
      const op = OPS[b];
      if (op === undefined) throw new PayloadError(`edit ${i + 1} has an unknown kind`);
      return op;
    });
    let prevRow = 0;
    const rows = ops.map((op) => (op === 'add' ? 0 : (prevRow += r.svarint())));
    const seconds = ops.map((op) => (op === 'delete' ? 0 : r.svarint()));
    const lengths = ops.map((op) => (op === 'add' ? r.uvarint() : 0));
    const fields = ops.map((op, i) =>
      op === 'add' ? { op, a: lengths[i], b: seconds[i] } : { op, a: rows[i], b: seconds[i] },
    );
    const column = readColumn(r, decimal);
    let at = 0;
    const edits = fields.map((f): CandidateEdit => {
      switch (f.op) {
        case 'setLogit':
          if (at >= column.length) throw new PayloadError('edit numbers truncated');
          return { op: f.op, row: f.a, cls: f.b, logit: column[at++] };
        case 'setLabel':
          return { op: f.op, row: f.a, target: f.b };
        case 'add': {
          if (at + f.a > column.length) throw new PayloadError('edit numbers truncated');
          const logits = Array.from(column.subarray(at, at + f.a));
          at += f.a;
          return { op: f.op, logits, target: f.b };
        }
        case 'delete':
          return { op: f.op, row: f.a };
      }
    });
    if (at !== column.length) {
      throw new PayloadError(`expected ${at} edit numbers, found ${column.length}`);
    }
    return edits;
  });
}
