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
const INFLATE_SLICE = 16 * 1024;

class NpzError extends Error {}

function fail(message: string): never {
  throw new NpzError(message);
}

/** One entry of the central directory. */
interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export type NpzResult =
  | {
      readonly ok: true;
      readonly arrays: ReadonlyMap<string, NpyArray>;
      /** Every array name in the archive (".npy" dropped), for messages. */
      readonly names: readonly string[];
    }
  | { readonly ok: false; readonly error: string };

/**
 * Read the arrays named in `wanted` (without ".npy") from the bytes of an .npz file; others are not
 * inflated. Never throws.
 */
export function parseNpz(bytes: Uint8Array, wanted: readonly string[]): NpzResult {
  try {
    const entries = centralDirectory(bytes);
    const arrays = new Map<string, NpyArray>();
    for (const e of entries) {
      const name = e.name.endsWith('.npy') ? e.name.slice(0, -4) : e.name;
      if (!wanted.includes(name) || arrays.has(name)) continue;
      const parsed = parseNpy(extract(bytes, e));
      if (!parsed.ok) fail(`${e.name}: ${parsed.error}`);
      arrays.set(name, parsed.array);
    }
    const names = entries.map((e) => (e.name.endsWith('.npy') ? e.name.slice(0, -4) : e.name));
    return { ok: true, arrays, names };
  } catch (e) {
    if (e instanceof NpzError) return { ok: false, error: e.message };
    return { ok: false, error: `cannot read (${e instanceof Error ? e.message : String(e)})` };
  }
}

function u16(b: Uint8Array, at: number): number {
  if (at + 2 > b.length) fail('truncated (a zip record runs past the end of the file)');
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  if (at + 4 > b.length) fail('truncated (a zip record runs past the end of the file)');
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function u64(b: Uint8Array, at: number): number {
  const v = u32(b, at) + u32(b, at + 4) * 2 ** 32;
  if (!Number.isSafeInteger(v)) fail('malformed zip (a size or offset beyond 2^53)');
  return v;
}

/** Every entry of the archive, from the (ZIP64) end of central directory record. */
function centralDirectory(b: Uint8Array): ZipEntry[] {
  if (b.length >= 6 && b[0] === 0x93 && b[1] === 0x4e && b[2] === 0x55) {
    fail('an .npy file, not an .npz archive (give .npy files with --logits/--targets)');
  }
  if (b.length >= 1 && b[0] === 0x80) fail('a Python pickle, not an .npz archive');
  if (b.length < 22 || u32(b, 0) !== 0x04034b50) {
    fail('not an .npz file (a zip archive starts with "PK\\x03\\x04")');
  }
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === 0x06054b50) {
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
    const name = new TextDecoder().decode(b.subarray(at + 46, nameEnd));
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

/** The uncompressed bytes of one entry, never more than it declares nor than the limit. */
function extract(b: Uint8Array, e: ZipEntry): Uint8Array {
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
  const data = b.subarray(start, end);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) fail(`${e.name}: malformed zip (stored sizes disagree)`);
    return data;
  }
  if (e.method !== 8)
    fail(`${e.name}: zip compression method ${e.method} (only stored and deflate are read)`);
  const out = new Uint8Array(e.size);
  let filled = 0;
  let overflow = false;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    if (filled + chunk.length > out.length) {
      overflow = true;
      return;
    }
    out.set(chunk, filled);
    filled += chunk.length;
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length && !overflow; i += INFLATE_SLICE) {
      const end = Math.min(data.length, i + INFLATE_SLICE);
      inflate.push(data.subarray(i, end), end === data.length);
    }
  } catch (err) {
    fail(`${e.name}: corrupt deflate data (${err instanceof Error ? err.message : String(err)})`);
  }
  if (overflow) {
    fail(`${e.name}: size bomb: it inflates past the ${e.size} bytes it declares`);
  }
  if (!done || filled !== e.size) {
    fail(`${e.name}: truncated: ${filled} of the ${e.size} declared bytes inflate`);
  }
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
  const r = parseNpz(bytes, ['logits', 'targets', 'labels', 'features']);
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
