/**
 * NumPy's .npz (a zip archive of .npy files, np.savez / np.savez_compressed) and .npy pairs as DR-loss
 * cases: arrays named `logits` (float32/float64, shape (R, K) or (R,)) and `targets` or `labels`
 * (integers, shape (R,)), and optionally `features` (float, shape (R, d): a head's inputs).
 *
 * The zip reader is our own and small: it reads the central directory (ZIP64 included, as np.savez
 * writes it), extracts only the entries it needs, stored or deflated, and inflates in slices with
 * fflate's streaming Inflate so that an entry is never inflated past its declared size: an entry that
 * declares more than MAX_NPZ_ENTRY_BYTES, or inflates past what it declares (a zip bomb), is refused
 * before the memory is spent. Pure: bytes in, a case out; never throws.
 */
import { Inflate } from 'fflate';
import { DEFAULT_PARAMS } from '../engine/types.ts';
import type { DRParams } from '../engine/types.ts';
import { parseCase } from './case.ts';
import type { ParsedCase } from './case.ts';
import type { Features } from '../data/types.ts';
import { MAX_NPY_ELEMENTS, parseNpy } from './npy.ts';
import type { NpyArray } from './npy.ts';

/** The largest uncompressed entry read: the largest .npy array (float64) plus its header. */
export const MAX_NPZ_ENTRY_BYTES = MAX_NPY_ELEMENTS * 8 + (1 << 20);

/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1032×, so ≤ 17 MB out. */
export const INFLATE_SLICE = 16 * 1024;

/** A problem of the archive, with its one-line message. */
export class NpzError extends Error {}

function fail(message: string): never {
  throw new NpzError(message);
}

/** A failure as a result: the reader's own message, or the unforeseen named. */
export function npzFailure(e: unknown): { ok: false; error: string } {
  if (e instanceof NpzError) return { ok: false, error: e.message };
  return { ok: false, error: `cannot read (${e instanceof Error ? e.message : String(e)})` };
}

/** One entry of the central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

/**
 * A zip file's bytes at offsets: the whole file held (parseNpz), or the parts of it read so far
 * (npzStream.ts, whose `bytes` throws to ask for a range it has not read; the reading functions below
 * are pure, so it reads that range and runs them again).
 */
export interface ZipBytes {
  /** The file's size. */
  readonly length: number;
  /** The bytes [at, at + n), a range within the file. */
  bytes(at: number, n: number): Uint8Array;
}

/** The whole file as ZipBytes. */
export function wholeZip(b: Uint8Array): ZipBytes {
  return { length: b.length, bytes: (at, n) => b.subarray(at, at + n) };
}

export type NpzResult =
  | {
      readonly ok: true;
      readonly arrays: ReadonlyMap<string, NpyArray>;
      /** Every array name in the archive (".npy" dropped), for messages. */
      readonly names: readonly string[];
    }
  | { readonly ok: false; readonly error: string };

/** An entry's array name: its file name without ".npy". */
export function arrayName(e: ZipEntry): string {
  return e.name.endsWith('.npy') ? e.name.slice(0, -4) : e.name;
}

/**
 * Read the arrays named in `wanted` (without ".npy") from the bytes of an .npz file; others are not
 * inflated. Never throws.
 */
export function parseNpz(bytes: Uint8Array, wanted: readonly string[]): NpzResult {
  try {
    const zip = wholeZip(bytes);
    const entries = centralDirectory(zip);
    const arrays = new Map<string, NpyArray>();
    for (const e of entries) {
      const name = arrayName(e);
      if (!wanted.includes(name) || arrays.has(name)) continue;
      const parsed = parseNpy(extract(bytes, e));
      if (!parsed.ok) fail(`${e.name}: ${parsed.error}`);
      arrays.set(name, parsed.array);
    }
    return { ok: true, arrays, names: entries.map(arrayName) };
  } catch (e) {
    return npzFailure(e);
  }
}

function u16(b: ZipBytes, at: number): number {
  if (at + 2 > b.length) fail('truncated (a zip record runs past the end of the file)');
  const s = b.bytes(at, 2);
  return s[0] | (s[1] << 8);
}

function u32(b: ZipBytes, at: number): number {
  if (at + 4 > b.length) fail('truncated (a zip record runs past the end of the file)');
  const s = b.bytes(at, 4);
  return (s[0] | (s[1] << 8) | (s[2] << 16) | (s[3] << 24)) >>> 0;
}

function u64(b: ZipBytes, at: number): number {
  const v = u32(b, at) + u32(b, at + 4) * 2 ** 32;
  if (!Number.isSafeInteger(v)) fail('malformed zip (a size or offset beyond 2^53)');
  return v;
}

/** How many bytes at the end of a file may hold the end of central directory record. */
export const EOCD_SEARCH_BYTES = 22 + 0xffff;

/** Every entry of the archive, from the (ZIP64) end of central directory record. Throws NpzError. */
export function centralDirectory(b: ZipBytes): ZipEntry[] {
  const head = b.bytes(0, Math.min(6, b.length));
  if (b.length >= 6 && head[0] === 0x93 && head[1] === 0x4e && head[2] === 0x55) {
    fail('an .npy file, not an .npz archive (give .npy files with --logits/--targets)');
  }
  if (b.length >= 1 && head[0] === 0x80) fail('a Python pickle, not an .npz archive');
  if (b.length < 22 || u32(b, 0) !== 0x04034b50) {
    fail('not an .npz file (a zip archive starts with "PK\\x03\\x04")');
  }
  let eocd = -1;
  const low = Math.max(0, b.length - EOCD_SEARCH_BYTES);
  const tail = b.bytes(low, b.length - low);
  for (let i = b.length - 22; i >= low; i--) {
    const j = i - low;
    if (tail[j] === 0x50 && tail[j + 1] === 0x4b && tail[j + 2] === 0x05 && tail[j + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) fail('truncated or malformed zip (no end of central directory record)');
  let count = u16(b, eocd + 10);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(b, loc) !== 0x07064b50) fail('malformed zip (ZIP64 locator missing)');
    const z = u64(b, loc + 8);
    if (u32(b, z) !== 0x06064b50) fail('malformed zip (ZIP64 end of central directory missing)');
    count = u64(b, z + 32);
    cdOffset = u64(b, z + 48);
  }
  if (count > 10_000) fail(`malformed zip (${count} entries declared)`);
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let k = 0; k < count; k++) {
    if (u32(b, at) !== 0x02014b50) fail('malformed zip (a central directory entry is missing)');
    const flags = u16(b, at + 8);
    const method = u16(b, at + 10);
    let compressedSize = u32(b, at + 20);
    let size = u32(b, at + 24);
    const nameLen = u16(b, at + 28);
    const extraLen = u16(b, at + 30);
    const commentLen = u16(b, at + 32);
    let localOffset = u32(b, at + 42);
    const nameEnd = at + 46 + nameLen;
    if (nameEnd > b.length) fail('truncated (an entry name runs past the end of the file)');
    const name = new TextDecoder().decode(b.bytes(at + 46, nameLen));
    // ZIP64 extra field: the 64-bit values of the fields that read 0xFFFFFFFF, in this order.
    let e = nameEnd;
    const extraEnd = nameEnd + extraLen;
    while (e + 4 <= extraEnd) {
      const id = u16(b, e);
      const len = u16(b, e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        if (size === 0xffffffff) [size, f] = [u64(b, f), f + 8];
        if (compressedSize === 0xffffffff) [compressedSize, f] = [u64(b, f), f + 8];
        if (localOffset === 0xffffffff) localOffset = u64(b, f);
      }
      e += 4 + len;
    }
    entries.push({ name, method, flags, compressedSize, size, localOffset });
    at = extraEnd + commentLen;
  }
  return entries;
}

/**
 * Where an entry's (compressed) data lies, [start, end), after every check made before reading it:
 * encryption, the size limit, the local header, the data within the file, the method. Throws NpzError.
 */
export function entrySpan(b: ZipBytes, e: ZipEntry): { start: number; end: number } {
  if (e.flags & 1) fail(`${e.name}: encrypted`);
  if (e.size > MAX_NPZ_ENTRY_BYTES) {
    fail(
      `${e.name}: size bomb: ${e.size} bytes uncompressed declared, beyond the limit of ${MAX_NPZ_ENTRY_BYTES}`,
    );
  }
  const h = e.localOffset;
  if (u32(b, h) !== 0x04034b50) fail(`${e.name}: malformed zip (local header missing)`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const end = start + e.compressedSize;
  if (end > b.length) {
    fail(
      `${e.name}: truncated: ${e.compressedSize} compressed bytes declared, ${Math.max(0, b.length - start)} present`,
    );
  }
  if (e.method === 0) {
    if (e.compressedSize !== e.size) fail(`${e.name}: malformed zip (stored sizes disagree)`);
  } else if (e.method !== 8) {
    fail(`${e.name}: zip compression method ${e.method} (only stored and deflate are read)`);
  }
  return { start, end };
}

/**
 * A deflated entry's inflation, never past the size it declares: `push` its compressed bytes in
 * slices of INFLATE_SLICE from the data's start (the last one `final`; the slicing is part of the
 * result, so both readers slice alike), each inflated piece goes to `sink`, then `finish` checks that
 * exactly the declared size came. Throws NpzError.
 */
export class EntryInflater {
  private filled = 0;
  private over = false;
  private done = false;
  private readonly inflate: Inflate;

  constructor(
    private readonly entry: ZipEntry,
    sink: (chunk: Uint8Array) => void,
  ) {
    this.inflate = new Inflate((chunk, final) => {
      if (this.filled + chunk.length > entry.size) {
        this.over = true;
        return;
      }
      sink(chunk);
      this.filled += chunk.length;
      if (final) this.done = true;
    });
  }

  /** True once it inflated past the declared size: push no more, `finish` says so. */
  get overflow(): boolean {
    return this.over;
  }

  push(slice: Uint8Array, final: boolean): void {
    try {
      this.inflate.push(slice, final);
    } catch (err) {
      fail(
        `${this.entry.name}: corrupt deflate data (${err instanceof Error ? err.message : String(err)})`,
      );
    }
  }

  finish(): void {
    const e = this.entry;
    if (this.over) fail(`${e.name}: size bomb: it inflates past the ${e.size} bytes it declares`);
    if (!this.done || this.filled !== e.size) {
      fail(`${e.name}: truncated: ${this.filled} of the ${e.size} declared bytes inflate`);
    }
  }
}

/** The uncompressed bytes of one entry, never more than it declares nor than the limit. */
function extract(b: Uint8Array, e: ZipEntry): Uint8Array {
  const { start, end } = entrySpan(wholeZip(b), e);
  const data = b.subarray(start, end);
  if (e.method === 0) return data;
  const out = new Uint8Array(e.size);
  let filled = 0;
  const inflater = new EntryInflater(e, (chunk) => {
    out.set(chunk, filled);
    filled += chunk.length;
  });
  for (let i = 0; i < data.length && !inflater.overflow; i += INFLATE_SLICE) {
    const end = Math.min(data.length, i + INFLATE_SLICE);
    inflater.push(data.subarray(i, end), end === data.length);
  }
  inflater.finish();
  return out;
}

export type ArraysCaseResult =
  | { readonly ok: true; readonly value: ParsedCase }
  | { readonly ok: false; readonly error: string };

/**
 * A case from a logits array ((R, K) or (R,), float) and a targets array ((R,), integer), with
 * `params` (the JSON case format's params object, or undefined for the defaults). Messages name the
 * array and the entry, e.g. `targets[3] = 7 is out of range (-1..K with K = 4; negative = ignored)`.
 */
export function arraysToCase(
  logits: NpyArray,
  targets: NpyArray,
  params: unknown,
  features?: NpyArray,
): ArraysCaseResult {
  const shape = (a: NpyArray) => `(${a.shape.join(', ')}${a.shape.length === 1 ? ',' : ''})`;
  if (logits.kind !== 'float') {
    return { ok: false, error: `logits has dtype ${logits.descr}: need float32 or float64` };
  }
  if (logits.shape.length !== 1 && logits.shape.length !== 2) {
    return { ok: false, error: `logits has shape ${shape(logits)}: need (N, K) or (N,)` };
  }
  const R = logits.shape[0];
  const K = logits.shape.length === 2 ? logits.shape[1] : 1;
  if (R === 0 || K === 0)
    return { ok: false, error: `logits has shape ${shape(logits)}: it is empty` };
  if (targets.kind !== 'int') {
    return {
      ok: false,
      error: `targets has dtype ${targets.descr}: need an integer type (int32 or int64)`,
    };
  }
  if (targets.shape.length !== 1 || targets.shape[0] !== R) {
    return {
      ok: false,
      error: `targets has shape ${shape(targets)} but logits has ${R} rows: need (${R},)`,
    };
  }
  const x = logits.values;
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      const at = K === 1 && logits.shape.length === 1 ? `${i}` : `${Math.floor(i / K)}][${i % K}`;
      return { ok: false, error: `logits[${at}] is not a finite number (got ${x[i]})` };
    }
  }
  const t = new Int32Array(R);
  for (let r = 0; r < R; r++) {
    const v = targets.values[r];
    if (v > K) {
      return {
        ok: false,
        error: `targets[${r}] = ${v} is out of range (-1..K with K = ${K}; negative = ignored)`,
      };
    }
    t[r] = v < 0 ? -1 : v;
  }
  let feats: Features | null = null;
  if (features !== undefined) {
    if (features.kind !== 'float') {
      return { ok: false, error: `features has dtype ${features.descr}: need float32 or float64` };
    }
    if (features.shape.length !== 2 || features.shape[0] !== R || features.shape[1] === 0) {
      return {
        ok: false,
        error: `features has shape ${shape(features)} but logits has ${R} rows: need (${R}, d) with d ≥ 1`,
      };
    }
    const d = features.shape[1];
    const f = features.values;
    for (let i = 0; i < f.length; i++) {
      if (!Number.isFinite(f[i])) {
        return {
          ok: false,
          error: `features[${Math.floor(i / d)}][${i % d}] is not a finite number (got ${f[i]})`,
        };
      }
    }
    feats = { d, values: Float64Array.from(f) };
  }
  let resolved: DRParams = DEFAULT_PARAMS;
  if (params !== undefined) {
    // The JSON case format's own validation of params (one tiny case carrying them).
    const probe = parseCase({ logits: [0], targets: [0], params }, 0);
    if (!probe.ok) return { ok: false, error: probe.error.replace(/^case 0: /, '') };
    resolved = probe.value.params;
  }
  return {
    ok: true,
    value: {
      logits: x,
      targets: t,
      R,
      K,
      flat: logits.shape.length === 1,
      params: resolved,
      features: feats,
    },
  };
}

/**
 * The case held by the bytes of an .npz file: arrays "logits" and "targets" (or "labels"), with
 * `params` as in arraysToCase. Messages are phrased to follow "<file>: ". Never throws.
 */
export function npzToCase(bytes: Uint8Array, params: unknown): ArraysCaseResult {
  return npzArraysToCase(parseNpz(bytes, NPZ_CASE_ARRAYS), params);
}

/** The arrays an .npz case is read from (others are not inflated). */
export const NPZ_CASE_ARRAYS: readonly string[] = ['logits', 'targets', 'labels', 'features'];

/** The case from an .npz's arrays (NPZ_CASE_ARRAYS read by parseNpz or npzStream.ts). */
export function npzArraysToCase(r: NpzResult, params: unknown): ArraysCaseResult {
  if (!r.ok) return r;
  const list = r.names.length === 0 ? 'none' : r.names.join(', ');
  const logits = r.arrays.get('logits');
  const targets = r.arrays.get('targets') ?? r.arrays.get('labels');
  if (logits === undefined || targets === undefined) {
    const missing = logits === undefined ? '"logits"' : '"targets" (or "labels")';
    return {
      ok: false,
      error: `no array ${missing} (arrays: ${list}; save with np.savez(f, logits=..., targets=...))`,
    };
  }
  return arraysToCase(logits, targets, params, r.arrays.get('features'));
}
