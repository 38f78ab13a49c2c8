/**
 * The WebAssembly SIMD path of the engine's hot loops (simd.wat, compiled into simdWasm.ts), and the
 * choice between it and the plain TypeScript loops. Both paths give the same doubles bit for bit
 * (simd.wat's header says why; tests/engine/kernels/simd.test.ts checks it), so the choice changes
 * the speed only.
 *
 * The WebAssembly works on its own fixed memory, so the drivers below copy chunks of CHUNK entries in
 * and out of it. Where the time goes at N = 10⁶ (one class, the bench's problem; node --cpu-prof of
 * pool + evaluate in a loop, on a loaded machine): the drivers' copies ~40 %, which is where every
 * array streams from and to memory (so most of it is traffic any path pays), the sigmoids of pool
 * ~20 % (~2.9 ns per logit with the data in cache: expFast, then a division), the table exps and
 * sums of the tilt pass ~15 %, the gradient kernel ~7 %, pool's split and count ~5 %. Against the
 * TypeScript loops, forward + gradient is ~1.8× faster at N = 1e5 and ~1.3× at N = 1e6 (bench
 * column "ts ms"). The module is compiled synchronously on first use (~2 ms): it is under the 4 KB
 * that Chrome allows on the main thread, and anywhere compiling fails (no WebAssembly, no SIMD, a
 * stricter limit) the TypeScript path is taken. The training loop's forward + gradient does not copy:
 * drStep.ts runs inplace.wat (the same loops, by byte offsets) on arrays in a memory it owns.
 */
import { EXP2_TABLE } from '../exp2Table.ts';
import { SUM_S, SUM_SDP, SUM_SE2 } from './layout.ts';
import { SIMD_WASM_BASE64 } from './simdWasm.ts';

/** The kernel path in use: 'wasm-simd' (simd.wat) or 'ts' (the TypeScript loops). */
export type KernelPath = 'wasm-simd' | 'ts';

/** Entries per chunk (simd.wat's CHUNK; a multiple of layout.ts BLOCK so blocked sums line up). */
const CHUNK = 8192;
/** Byte offsets of simd.wat's memory regions. */
const SLOTS = 2048;
const F0 = 532480;
const F_STEP = 65536;
const I0 = 794624;
const I_STEP = 32768;
/** gradient's scatter window: 2·CHUNK float64 of gradLogits. */
const W0 = 892928;
const W_LEN = 2 * CHUNK;
/**
 * Slots (float64 index from SLOTS; slot 0 as int32 is pool_chunk's count of positives, int32 slots 14
 * and 15 count_targets' kept and positive rows).
 */
const SLOT_SUM = 1;
const SLOT_MIN = 2;
const SLOT_MAX = 3;
const SLOT_S = 4;
const SLOT_SDP = 5;
const SLOT_SE2 = 6;
const SLOT_KEPT_I32 = 14;
const SLOT_POS_I32 = 15;

/** What the engine uses of WebAssembly (typed here: the engine's lib is plain ES, without DOM). */
export interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}

/** A WebAssembly.Memory: its buffer is replaced (the old one detached) by every grow. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The global WebAssembly object, or undefined where there is none. */
export function wasmApi(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

interface SimdExports {
  memory: { buffer: ArrayBuffer };
  count_targets(n: number): number;
  pool_chunk(rows: number, K: number, base: number): number;
  pool_one(rows: number, base: number): number;
  grid_table(scale: number, shift: number, M: number): void;
  tilt_grid(n: number, store: number, M: number, scale: number, ext: number): void;
  tilt_exp(n: number, store: number, scale: number, ext: number): void;
  gradient(
    n: number,
    invS: number,
    mean: number,
    sigmaOverLambda: number,
    g0: number,
    lo: number,
    span: number,
  ): number;
}

/** The instantiated kernels: drivers with the TypeScript loops' arguments and results. */
export interface SimdKernels {
  /** Largest K pool may hand over (one row must fit a chunk). */
  readonly maxK: number;
  /**
   * problem.ts checkAndCountTargets' count: the kept rows (target ≥ 0) and the positive ones
   * (target ≥ 1), or null when a target exceeds K (the caller then throws checkAndCountTargets' error).
   */
  countTargets(targets: Int32Array, K: number): { nRows: number; nPos: number } | null;
  /**
   * pool.ts fillOneClass / fillClasses: p = σ(logit) of every entry of a kept row into the positive
   * or negative arrays with its flat index; stats[0..2] = Σp, min p+, max p−.
   */
  poolFill(
    logits: Float64Array,
    targets: Int32Array,
    K: number,
    pPos: Float64Array,
    posIndex: Int32Array,
    pNeg: Float64Array,
    negIndex: Int32Array,
    stats: Float64Array,
  ): void;
  /**
   * tilted.ts uniformGridLoop (M > 0, table of gridTable(scale, ext, M)) or uniformLoop (M = 0):
   * e_j into eOut unless null; S, Σe·(p − ext), Σe² into sums[SUM_S], [SUM_SDP], [SUM_SE2].
   */
  tiltUniform(
    p: Float64Array,
    ext: number,
    scale: number,
    M: number,
    eOut: Float64Array | null,
    sums: Float64Array,
  ): void;
  /** evaluate.ts gradientPass: q ← q·invS, gradP, and ∂DR/∂logit scattered unless gradLogits is null. */
  gradient(
    p: Float64Array,
    q: Float64Array,
    invS: number,
    mean: number,
    sigmaOverLambda: number,
    g0: number,
    gradP: Float64Array,
    index: Int32Array,
    gradLogits: Float64Array | null,
  ): void;
}

/** The bytes of a base64 string (atob: browsers, workers and Node ≥ 16 have it). */
export function decodeBase64(text: string): Uint8Array {
  const atob = (globalThis as unknown as { atob: (s: string) => string }).atob;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The kernels, or null where WebAssembly or its SIMD is missing or compiling fails. */
function instantiate(): SimdKernels | null {
  const api = wasmApi();
  if (api === undefined) return null;
  try {
    const bytes = decodeBase64(SIMD_WASM_BASE64);
    // validate() is false without SIMD (every function here uses it): the feature test itself
    if (!api.validate(bytes)) return null;
    const instance = new api.Instance(new api.Module(bytes), { m: { exp: Math.exp } });
    return driversFor(instance.exports as SimdExports);
  } catch {
    return null; // e.g. a browser's size limit on synchronous compiles
  }
}

function driversFor(ex: SimdExports): SimdKernels {
  const buffer = ex.memory.buffer;
  new Float64Array(buffer, 0, EXP2_TABLE.length).set(EXP2_TABLE);
  const slots = new Float64Array(buffer, SLOTS, 8);
  const slotsI32 = new Int32Array(buffer, SLOTS, 16);
  const f = [0, 1, 2, 3].map((k) => new Float64Array(buffer, F0 + k * F_STEP, CHUNK));
  const i32 = [0, 1, 2].map((k) => new Int32Array(buffer, I0 + k * I_STEP, CHUNK));
  const [f0, f1, f2, f3] = f;
  const [i0, i1, i2] = i32;
  const window = new Float64Array(buffer, W0, W_LEN);

  return {
    maxK: CHUNK,
    countTargets(targets, K) {
      let nRows = 0;
      let nPos = 0;
      for (let b = 0; b < targets.length; b += CHUNK) {
        const m = b + CHUNK < targets.length ? CHUNK : targets.length - b;
        i0.set(targets.subarray(b, b + m));
        if (ex.count_targets(m) > K) return null;
        nRows += slotsI32[SLOT_KEPT_I32];
        nPos += slotsI32[SLOT_POS_I32];
      }
      return { nRows, nPos };
    },
    poolFill(logits, targets, K, pPos, posIndex, pNeg, negIndex, stats) {
      const R = targets.length;
      const rows = Math.floor(CHUNK / K);
      slots[SLOT_SUM] = 0;
      slots[SLOT_MIN] = Infinity;
      slots[SLOT_MAX] = -Infinity;
      let ip = 0;
      let ineg = 0;
      for (let r0 = 0; r0 < R; r0 += rows) {
        const r1 = r0 + rows < R ? r0 + rows : R;
        f0.set(logits.subarray(r0 * K, r1 * K));
        i0.set(targets.subarray(r0, r1));
        const nNeg = K === 1 ? ex.pool_one(r1 - r0, r0) : ex.pool_chunk(r1 - r0, K, r0 * K);
        const nPos = slotsI32[0];
        if (nNeg > 0) {
          pNeg.set(f2.subarray(0, nNeg), ineg);
          negIndex.set(i2.subarray(0, nNeg), ineg);
          ineg += nNeg;
        }
        if (nPos > 0) {
          pPos.set(f1.subarray(0, nPos), ip);
          posIndex.set(i1.subarray(0, nPos), ip);
          ip += nPos;
        }
      }
      stats[0] = slots[SLOT_SUM];
      stats[1] = slots[SLOT_MIN];
      stats[2] = slots[SLOT_MAX];
    },
    tiltUniform(p, ext, scale, M, eOut, sums) {
      const n = p.length;
      const store = eOut === null ? 0 : 1;
      slots[SLOT_S] = 0;
      slots[SLOT_SDP] = 0;
      slots[SLOT_SE2] = 0;
      if (M > 0) ex.grid_table(scale, ext, M);
      for (let b = 0; b < n; b += CHUNK) {
        const m = b + CHUNK < n ? CHUNK : n - b;
        f0.set(p.subarray(b, b + m));
        if (M > 0) ex.tilt_grid(m, store, M, scale, ext);
        else ex.tilt_exp(m, store, scale, ext);
        if (eOut !== null) eOut.set(f1.subarray(0, m), b);
      }
      sums[SUM_S] = slots[SLOT_S];
      sums[SUM_SDP] = slots[SLOT_SDP];
      sums[SUM_SE2] = slots[SLOT_SE2];
    },
    gradient(p, q, invS, mean, sigmaOverLambda, g0, gradP, index, gradLogits) {
      const n = p.length;
      for (let b = 0; b < n; b += CHUNK) {
        const m = b + CHUNK < n ? CHUNK : n - b;
        f0.set(p.subarray(b, b + m));
        f1.set(q.subarray(b, b + m));
        // pool writes indices in ascending flat order: the chunk's span is [first, last] (an index
        // outside it, from a Pooled made otherwise, is caught by the kernel and scattered here)
        const lo = gradLogits === null ? -1 : index[b];
        const span = gradLogits === null ? 0 : index[b + m - 1] - lo + 1;
        const inWindow = gradLogits !== null && span > 0 && span <= W_LEN;
        if (gradLogits !== null) i0.set(index.subarray(b, b + m));
        if (inWindow) window.set(gradLogits.subarray(lo, lo + span));
        const missed = ex.gradient(m, invS, mean, sigmaOverLambda, g0, inWindow ? lo : -1, span);
        q.set(f1.subarray(0, m), b);
        gradP.set(f2.subarray(0, m), b);
        if (inWindow && missed === 0) gradLogits.set(window.subarray(0, span), lo);
        else if (gradLogits !== null) for (let j = 0; j < m; j++) gradLogits[index[b + j]] = f3[j];
      }
    },
  };
}

/** undefined until first asked for (compiling costs ~2 ms; a caller of the TS path never pays it). */
let kernels: SimdKernels | null | undefined;
let forced: KernelPath | null = null;

/** The WebAssembly kernels when that path is in use, else null (the callers then run their loops). */
export function simdKernels(): SimdKernels | null {
  if (forced === 'ts') return null;
  if (kernels === undefined) kernels = instantiate();
  return kernels;
}

/** The kernel path the engine takes now. */
export function kernelPath(): KernelPath {
  return simdKernels() === null ? 'ts' : 'wasm-simd';
}

/**
 * Forces a path (tests, the bench) or restores the automatic choice (null): WebAssembly SIMD where it
 * compiles, TypeScript elsewhere. Both give the same numbers.
 * @throws Error when 'wasm-simd' is forced where it cannot be used.
 */
export function setKernelPath(path: KernelPath | null): void {
  forced = path;
  if (path === 'wasm-simd' && simdKernels() === null) {
    forced = null;
    throw new Error('WebAssembly SIMD is not available here');
  }
}
