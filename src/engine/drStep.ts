/**
 * The training loop's forward + gradient step in place: `pool` + `evaluate` on one problem, the same
 * doubles bit for bit, with the pooled arrays and the workspace living in a WebAssembly memory the
 * step owns, sized for the problem. The kernels (kernels/inplace.wat) run directly on those arrays by
 * byte offsets, so the only copies are the logits and targets, chunk by chunk into staging buffers
 * (the sigmoids are taken there, the targets checked and counted as they are split); the chunked path
 * (pool + evaluate through kernels/simd.ts) copies every array in and out of its fixed memory, ~90 MB
 * per call at 10⁶ entries. The arrays are laid out for the largest sets R rows of K could give (n−
 * ≤ R·K, n+ ≤ R), so nothing is counted before the split; pages the sets do not reach are never
 * touched.
 *
 * Where WebAssembly SIMD is missing (or setKernelPath('ts') forces the TypeScript loops), where the
 * module does not compile (e.g. a browser's synchronous-compile limit on the main thread), for a
 * non-uniform prior (params.original hard-negative or weights), K above a staging chunk, a problem
 * too large for 32-bit offsets or one the memory cannot grow to hold, the step runs plain `pool` +
 * `evaluate` on buffers it keeps: same numbers.
 */
import { EXP2_TABLE } from './exp2Table.ts';
import { createWorkspace, evaluate, resultFromSums } from './evaluate.ts';
import { gridSize } from './kernels/gridExp.ts';
import { INPLACE_WASM_BASE64 } from './kernels/inplaceWasm.ts';
import { SUM_EXT, SUM_LEN, SUM_S, SUM_SCALE, SUM_SDP, SUM_SE2, SUM_W } from './kernels/layout.ts';
import { decodeBase64, simdKernels, wasmApi } from './kernels/simd.ts';
import type { WasmMemory } from './kernels/simd.ts';
import { validateParams } from './params.ts';
import { pool } from './pool.ts';
import { checkAndCountTargets, checkProblemShape } from './problem.ts';
import type { DRParams, DRResult, Pooled, Workspace } from './types.ts';

/** What one step returns. */
export interface DrStepOutput {
  readonly result: DRResult;
  /**
   * The pooled problem and the workspace evaluate would have written: on the in-place path, views of
   * the step's memory. They stay valid until the next `run` of the same step, which overwrites them
   * (or detaches them, when a larger problem grows the memory): copy what must outlive it
   * (`.slice()`), and never transfer or structured-clone them (their buffer is the whole memory).
   */
  readonly pooled: Pooled;
  readonly ws: Workspace;
}

/** A forward + gradient step that keeps its buffers from call to call (createDrStep). */
export interface DrStep {
  /**
   * pool(logits, targets, K) + evaluate(pooled, params, createWorkspace(pooled)), bit for bit: the
   * loss and scalars, and every array (pooled sets, q±, ∂DR/∂p, ∂DR/∂logit with 0 on ignored rows).
   *
   * @throws RangeError as pool (shape, a target above K, a NaN logit of a kept row), then as evaluate
   *   (invalid params).
   */
  run(logits: Float64Array, targets: Int32Array, K: number, params: DRParams): DrStepOutput;
}

/** Entries of the logits' staging buffer (simd.ts CHUNK; a multiple of the 1024 of blocked sums). */
const CHUNK = 8192;
/** Byte offsets in the step's memory (inplace.wat's header): staged logits, staged targets, arrays. */
const SLOTS = 2048;
const STAGE = 532480;
const STAGE_T = STAGE + CHUNK * 8;
const DYNAMIC = STAGE_T + CHUNK * 4;
const PAGE = 65536;
/** Largest memory the step lays out: offsets and byte counts stay below 2^31 in the kernels' i32s. */
const MAX_BYTES = 2 ** 31 - PAGE;
/** Bytes after each array that the kernels may write (inplace.wat: one entry or pair past the end). */
const TAIL = 16;
/** Slots (int32 index from SLOTS unless f64). */
const I_NPOS = 0;
const I_NNEG = 1;
const F_SUM = 1;
const F_MIN = 2;
const F_MAX = 3;
const F_S = 4;
const F_SDP = 5;
const F_SE2 = 6;
const I_PPOS = 16;
const I_TMAX = 20;

interface InplaceExports {
  pool_one(x: number, tp: number, rows: number, base: number): void;
  pool_chunk(x: number, tp: number, rows: number, K: number, base: number): void;
  grid_table(scale: number, shift: number, M: number): void;
  tilt_grid(pp: number, ep: number, n: number, M: number, scale: number, ext: number): void;
  tilt_exp(pp: number, ep: number, n: number, store: number, scale: number, ext: number): void;
  gradient(
    pp: number,
    qp: number,
    gp: number,
    ip: number,
    gl: number,
    n: number,
    invS: number,
    mean: number,
    sol: number,
    g0: number,
  ): void;
}

/** The compiled module (one per realm), null where it does not compile; undefined until first asked. */
let compiled: object | null | undefined;

function compiledModule(): object | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  const api = wasmApi();
  if (api === undefined) return null;
  try {
    const bytes = decodeBase64(INPLACE_WASM_BASE64);
    if (api.validate(bytes)) compiled = new api.Module(bytes);
  } catch {
    // e.g. a browser's size limit on synchronous compiles on the main thread
  }
  return compiled;
}

/** 16-byte aligned end of `bytes` from `at`, plus the tail the kernels may write. */
function after(at: number, bytes: number): number {
  return (at + bytes + TAIL + 15) & ~15;
}

/** Byte offsets of the arrays of a problem of R rows of K in the step's memory. */
interface Layout {
  readonly R: number;
  readonly K: number;
  readonly pPos: number;
  readonly posIndex: number;
  readonly pNeg: number;
  readonly negIndex: number;
  readonly qPos: number;
  readonly qNeg: number;
  readonly gradPPos: number;
  readonly gradPNeg: number;
  readonly gradLogits: number;
  readonly end: number;
}

/** Each array sized for its set's largest size: n− ≤ R·K, n+ ≤ R (one positive per row at most). */
function layout(R: number, K: number): Layout {
  const n = R * K;
  const pNeg = DYNAMIC;
  const negIndex = after(pNeg, n * 8);
  const pPos = after(negIndex, n * 4);
  const posIndex = after(pPos, R * 8);
  const qNeg = after(posIndex, R * 4);
  const gradPNeg = after(qNeg, n * 8);
  const qPos = after(gradPNeg, n * 8);
  const gradPPos = after(qPos, R * 8);
  const gradLogits = after(gradPPos, R * 8);
  const end = after(gradLogits, n * 8);
  return {
    R,
    K,
    pPos,
    posIndex,
    pNeg,
    negIndex,
    qPos,
    qNeg,
    gradPPos,
    gradPNeg,
    gradLogits,
    end,
  };
}

/** The in-place path of one step: its memory, instance and views. */
class InplaceStep {
  private readonly memory: WasmMemory;
  private readonly ex: InplaceExports;
  private buffer: ArrayBuffer | null = null;
  private slotsF64!: Float64Array;
  private slotsI32!: Int32Array;
  private stage!: Float64Array;
  private stageT!: Int32Array;
  private lay: Layout | null = null;
  private views: (Omit<Pooled, 'posMin' | 'negMax'> & Workspace) | null = null;
  private viewCounts = [-1, -1];

  constructor(module: object) {
    const api = wasmApi()!;
    this.memory = new api.Memory({ initial: Math.ceil(DYNAMIC / PAGE) + 1 });
    const instance = new api.Instance(module, { m: { exp: Math.exp, memory: this.memory } });
    this.ex = instance.exports as InplaceExports;
    this.refresh();
    new Float64Array(this.memory.buffer, 0, EXP2_TABLE.length).set(EXP2_TABLE);
  }

  /**
   * Grows the memory to at least `bytes` (contents kept; every view is remade); false when it cannot
   * grow (the engine's limit, or the host's: a browser may refuse hundreds of MB).
   */
  private ensure(bytes: number): boolean {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) {
      try {
        this.memory.grow(Math.ceil((bytes - have) / PAGE));
      } catch {
        return false;
      }
    }
    if (this.memory.buffer !== this.buffer) this.refresh();
    return true;
  }

  private refresh(): void {
    const buffer = this.memory.buffer;
    this.buffer = buffer;
    this.slotsF64 = new Float64Array(buffer, SLOTS, 8);
    this.slotsI32 = new Int32Array(buffer, SLOTS, 32);
    this.stage = new Float64Array(buffer, STAGE, CHUNK);
    this.stageT = new Int32Array(buffer, STAGE_T, CHUNK);
    this.views = null;
  }

  /** The arrays as views of their sets' sizes (remade only when a size or the buffer changed). */
  private viewsFor(
    lay: Layout,
    nPos: number,
    nNeg: number,
  ): Omit<Pooled, 'posMin' | 'negMax'> & Workspace {
    const counts = this.viewCounts;
    if (this.views !== null && counts[0] === nPos && counts[1] === nNeg) return this.views;
    const b = this.buffer!;
    counts[0] = nPos;
    counts[1] = nNeg;
    this.views = {
      R: lay.R,
      K: lay.K,
      pPos: new Float64Array(b, lay.pPos, nPos),
      posIndex: new Int32Array(b, lay.posIndex, nPos),
      pNeg: new Float64Array(b, lay.pNeg, nNeg),
      negIndex: new Int32Array(b, lay.negIndex, nNeg),
      qPos: new Float64Array(b, lay.qPos, nPos),
      qNeg: new Float64Array(b, lay.qNeg, nNeg),
      gradPPos: new Float64Array(b, lay.gradPPos, nPos),
      gradPNeg: new Float64Array(b, lay.gradPNeg, nNeg),
      gradLogits: new Float64Array(b, lay.gradLogits, lay.R * lay.K),
    };
    return this.views;
  }

  /**
   * The layout of this problem, memory grown for it (the views remade when it changed); null when
   * the memory cannot grow that far.
   */
  private layoutFor(R: number, K: number): Layout | null {
    const old = this.lay;
    if (old !== null && old.R === R && old.K === K) return old;
    const lay = layout(R, K);
    if (!this.ensure(lay.end)) return null;
    this.lay = lay;
    this.views = null;
    return lay;
  }

  /** The step in place, or null (nothing done) when the memory cannot hold this problem. */
  run(logits: Float64Array, targets: Int32Array, K: number, params: DRParams): DrStepOutput | null {
    const R = targets.length;
    const ex = this.ex;
    const lay = this.layoutFor(R, K);
    if (lay === null) return null;
    const slotsI32 = this.slotsI32;
    const slots = this.slotsF64;

    // pool: the sigmoids in the staging buffer, the split straight into the arrays
    slotsI32[I_NPOS] = 0;
    slotsI32[I_NNEG] = 0;
    slots[F_SUM] = 0;
    slots[F_MIN] = Infinity;
    slots[F_MAX] = -Infinity;
    slotsI32[I_PPOS] = lay.pPos;
    slotsI32[I_PPOS + 1] = lay.posIndex;
    slotsI32[I_PPOS + 2] = lay.pNeg;
    slotsI32[I_PPOS + 3] = lay.negIndex;
    slotsI32[I_TMAX] = -1;
    const rows = Math.floor(CHUNK / K);
    const stage = this.stage;
    const stageT = this.stageT;
    for (let r0 = 0; r0 < R; r0 += rows) {
      const r1 = r0 + rows < R ? r0 + rows : R;
      stage.set(logits.subarray(r0 * K, r1 * K));
      stageT.set(targets.subarray(r0, r1));
      if (K === 1) ex.pool_one(STAGE, STAGE_T, r1 - r0, r0);
      else ex.pool_chunk(STAGE, STAGE_T, r1 - r0, K, r0 * K);
    }
    if (slotsI32[I_TMAX] > K) {
      checkAndCountTargets(logits, targets, K); // throws pool's error for the first target above K
    }
    // p ∈ [0, 1] for every non-NaN logit, so the sum is NaN exactly when some kept logit is
    if (slots[F_SUM] !== slots[F_SUM]) {
      pool(logits, targets, K); // throws pool's error naming the first NaN
      throw new RangeError('a logit is NaN');
    }
    const posMin = slots[F_MIN];
    const negMax = slots[F_MAX];
    const nPos = slotsI32[I_NPOS];
    const nNeg = slotsI32[I_NNEG];
    const v = this.viewsFor(lay, nPos, nNeg);

    // evaluate (evaluate.ts run with a uniform prior): negatives first, then positives
    validateParams(params);
    const sumsNeg = new Float64Array(SUM_LEN);
    const sumsPos = new Float64Array(SUM_LEN);
    this.tilt(lay.pNeg, lay.qNeg, nNeg, 1 / params.lambdaNeg, negMax, sumsNeg);
    this.tilt(lay.pPos, lay.qPos, nPos, -1 / params.lambdaPos, posMin, sumsPos);
    const result = resultFromSums(params, sumsPos, sumsNeg, nPos, nNeg);
    const { pMinus, pPlus, slope } = result;
    // what evaluate leaves 0 in a fresh workspace: entries of ignored rows, and everything of a
    // non-empty set whose S is not > 0 (a λ so small that 1/λ overflows)
    const hasNeg = sumsNeg[SUM_S] > 0;
    const hasPos = sumsPos[SUM_S] > 0;
    if (nPos + nNeg < R * K || (nNeg > 0 && !hasNeg) || (nPos > 0 && !hasPos)) {
      v.gradLogits.fill(0);
    }
    if (hasNeg) {
      ex.gradient(
        lay.pNeg,
        lay.qNeg,
        lay.gradPNeg,
        lay.negIndex,
        lay.gradLogits,
        nNeg,
        1 / sumsNeg[SUM_S],
        pMinus,
        1 / params.lambdaNeg,
        slope,
      );
    } else v.gradPNeg.fill(0);
    if (hasPos) {
      ex.gradient(
        lay.pPos,
        lay.qPos,
        lay.gradPPos,
        lay.posIndex,
        lay.gradLogits,
        nPos,
        1 / sumsPos[SUM_S],
        pPlus,
        -1 / params.lambdaPos,
        -slope,
      );
    } else v.gradPPos.fill(0);

    const pooled: Pooled = {
      R,
      K,
      pPos: v.pPos,
      pNeg: v.pNeg,
      posIndex: v.posIndex,
      negIndex: v.negIndex,
      posMin,
      negMax,
    };
    const ws: Workspace = {
      qPos: v.qPos,
      qNeg: v.qNeg,
      gradPPos: v.gradPPos,
      gradPNeg: v.gradPNeg,
      gradLogits: v.gradLogits,
    };
    return { result, pooled, ws };
  }

  /**
   * tilted.ts tiltSums for a uniform prior with the known extreme (pool's), e into the array at `ep`:
   * by the table when gridSize allows, else by expFast, as simd.ts tiltUniform.
   */
  private tilt(
    pp: number,
    ep: number,
    n: number,
    scale: number,
    ext: number,
    sums: Float64Array,
  ): void {
    sums[SUM_SCALE] = scale;
    if (n === 0) return;
    const M = gridSize(scale, n);
    if (M > 0) {
      this.ex.grid_table(scale, ext, M);
      this.ex.tilt_grid(pp, ep, n, M, scale, ext);
    } else this.ex.tilt_exp(pp, ep, n, 1, scale, ext);
    sums[SUM_S] = this.slotsF64[F_S];
    sums[SUM_SDP] = this.slotsF64[F_SDP];
    sums[SUM_SE2] = this.slotsF64[F_SE2];
    sums[SUM_W] = n;
    sums[SUM_EXT] = ext;
  }
}

/** Bytes the in-place path lays out for R rows of K (layout(R, K).end, bounded). */
function boundBytes(R: number, K: number): number {
  return DYNAMIC + R * K * 36 + R * 28 + 10 * (TAIL + 16);
}

/** The plain path: pool + evaluate on kept buffers (pool's reuse, one workspace). */
class PlainStep {
  private pooled: Pooled | undefined;
  private ws: Workspace | null = null;

  run(logits: Float64Array, targets: Int32Array, K: number, params: DRParams): DrStepOutput {
    const pooled = pool(logits, targets, K, this.pooled);
    this.pooled = pooled;
    let ws = this.ws;
    if (
      ws === null ||
      ws.qPos.length !== pooled.pPos.length ||
      ws.qNeg.length !== pooled.pNeg.length ||
      ws.gradLogits.length !== pooled.R * pooled.K
    ) {
      ws = createWorkspace(pooled);
      this.ws = ws;
    }
    let result = evaluate(pooled, params, ws);
    // a set evaluate skips (S not > 0: ESS then 0) leaves stale entries a fresh workspace has as 0
    if (
      (pooled.pNeg.length > 0 && !(result.essNeg > 0)) ||
      (pooled.pPos.length > 0 && !(result.essPos > 0))
    ) {
      for (const a of [ws.qPos, ws.qNeg, ws.gradPPos, ws.gradPNeg, ws.gradLogits]) a.fill(0);
      result = evaluate(pooled, params, ws);
    }
    return { result, pooled, ws };
  }
}

/**
 * A step that owns its buffers (and, where WebAssembly SIMD is available, a WebAssembly memory sized
 * for the largest problem it has run: it grows, never shrinks, and is freed with the step). One step
 * per training loop; its outputs are overwritten by its next run (DrStepOutput).
 */
export function createDrStep(): DrStep {
  let inplace: InplaceStep | null | undefined;
  const plain = new PlainStep();
  return {
    run(logits, targets, K, params) {
      checkProblemShape(logits, targets, K);
      if (
        params.original.kind === 'uniform' &&
        K <= CHUNK &&
        boundBytes(targets.length, K) <= MAX_BYTES &&
        simdKernels() !== null
      ) {
        if (inplace === undefined) {
          const module = compiledModule();
          inplace = module === null ? null : new InplaceStep(module);
        }
        const out = inplace === null ? null : inplace.run(logits, targets, K, params);
        if (out !== null) return out;
      }
      return plain.run(logits, targets, K, params);
    },
  };
}
