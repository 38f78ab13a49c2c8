/**
 * The training loop's forward + gradient step in place: `pool` + `evaluate` on one problem, the same
 * doubles bit for bit, with the pooled arrays and the workspace living in a WebAssembly memory the
 * step owns, sized for the problem. The kernels (kernels/inplace.wat) run directly on those arrays by
 * byte offsets, so the only copies are the logits (in chunks, into a staging buffer the sigmoids are
 * taken in) and the targets (once per call); the chunked path (pool + evaluate through kernels/simd.ts)
 * copies every array in and out of its fixed memory, ~90 MB per call at 10⁶ entries.
 *
 * Where WebAssembly SIMD is missing (or setKernelPath('ts') forces the TypeScript loops), where the
 * module does not compile (e.g. a browser's synchronous-compile limit on the main thread), for a
 * non-uniform prior (params.original hard-negative or weights), K above a staging chunk or a problem
 * too large for 32-bit offsets, the step runs plain `pool` + `evaluate` on buffers it keeps: same
 * numbers.
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
/** Byte offsets in the step's memory (inplace.wat's header). */
const SLOTS = 2048;
const STAGE = 532480;
const DYNAMIC = STAGE + CHUNK * 8;
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
const I_KEPT = 14;
const I_POS = 15;
const I_PPOS = 16;

interface InplaceExports {
  count(tp: number, n: number): number;
  pool_one(x: number, tp: number, rows: number, base: number): void;
  pool_chunk(x: number, tp: number, rows: number, K: number, base: number): void;
  grid_table(scale: number, shift: number, M: number): void;
  tilt_grid(
    pp: number,
    ep: number,
    n: number,
    store: number,
    M: number,
    scale: number,
    ext: number,
  ): void;
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

/** Byte offsets of one problem's arrays in the step's memory. */
interface Layout {
  readonly R: number;
  readonly K: number;
  readonly nPos: number;
  readonly nNeg: number;
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

/** Targets at DYNAMIC (R int32), then the arrays. */
function targetsEnd(R: number): number {
  return after(DYNAMIC, R * 4);
}

function layout(R: number, K: number, nPos: number, nNeg: number): Layout {
  const pPos = targetsEnd(R);
  const posIndex = after(pPos, nPos * 8);
  const pNeg = after(posIndex, nPos * 4);
  const negIndex = after(pNeg, nNeg * 8);
  const qPos = after(negIndex, nNeg * 4);
  const qNeg = after(qPos, nPos * 8);
  const gradPPos = after(qNeg, nNeg * 8);
  const gradPNeg = after(gradPPos, nPos * 8);
  const gradLogits = after(gradPNeg, nNeg * 8);
  const end = after(gradLogits, R * K * 8);
  return {
    R,
    K,
    nPos,
    nNeg,
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
  private targetsI32!: Int32Array;
  private lay: Layout | null = null;
  private views: (Omit<Pooled, 'posMin' | 'negMax'> & Workspace) | null = null;

  constructor(module: object) {
    const api = wasmApi()!;
    this.memory = new api.Memory({ initial: Math.ceil(DYNAMIC / PAGE) + 1 });
    const instance = new api.Instance(module, { m: { exp: Math.exp, memory: this.memory } });
    this.ex = instance.exports as InplaceExports;
    this.refresh();
    new Float64Array(this.memory.buffer, 0, EXP2_TABLE.length).set(EXP2_TABLE);
  }

  /** Grows the memory to at least `bytes` (contents kept; every view is remade). */
  private ensure(bytes: number): void {
    const have = this.memory.buffer.byteLength;
    if (bytes > have) this.memory.grow(Math.ceil((bytes - have) / PAGE));
    if (this.memory.buffer !== this.buffer) this.refresh();
  }

  private refresh(): void {
    const buffer = this.memory.buffer;
    this.buffer = buffer;
    this.slotsF64 = new Float64Array(buffer, SLOTS, 8);
    this.slotsI32 = new Int32Array(buffer, SLOTS, 32);
    this.stage = new Float64Array(buffer, STAGE, CHUNK);
    this.targetsI32 = new Int32Array(buffer, DYNAMIC, (buffer.byteLength - DYNAMIC) >> 2);
    this.views = null;
  }

  private viewsFor(lay: Layout): Omit<Pooled, 'posMin' | 'negMax'> & Workspace {
    if (this.views !== null && this.lay === lay) return this.views;
    const b = this.buffer!;
    const { nPos, nNeg } = lay;
    this.lay = lay;
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

  /** The layout of this problem, memory grown for it (the views remade when it changed). */
  private layoutFor(R: number, K: number, nPos: number, nNeg: number): Layout {
    const old = this.lay;
    const lay =
      old !== null && old.R === R && old.K === K && old.nPos === nPos && old.nNeg === nNeg
        ? old
        : layout(R, K, nPos, nNeg);
    this.ensure(lay.end);
    return lay;
  }

  run(logits: Float64Array, targets: Int32Array, K: number, params: DRParams): DrStepOutput {
    const R = targets.length;
    const ex = this.ex;
    // the targets, copied once: counted here, read by the pool loop below
    this.ensure(targetsEnd(R));
    this.targetsI32.set(targets);
    if (ex.count(DYNAMIC, R) > K) {
      checkAndCountTargets(logits, targets, K); // throws pool's error for the first target above K
    }
    const nRows = this.slotsI32[I_KEPT];
    const nPos = this.slotsI32[I_POS];
    const nNeg = nRows * K - nPos;
    const lay = this.layoutFor(R, K, nPos, nNeg);
    const v = this.viewsFor(lay);
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
    const rows = Math.floor(CHUNK / K);
    const stage = this.stage;
    for (let r0 = 0; r0 < R; r0 += rows) {
      const r1 = r0 + rows < R ? r0 + rows : R;
      stage.set(logits.subarray(r0 * K, r1 * K));
      if (K === 1) ex.pool_one(STAGE, DYNAMIC + r0 * 4, r1 - r0, r0);
      else ex.pool_chunk(STAGE, DYNAMIC + r0 * 4, r1 - r0, K, r0 * K);
    }
    // p ∈ [0, 1] for every non-NaN logit, so the sum is NaN exactly when some kept logit is
    if (slots[F_SUM] !== slots[F_SUM]) {
      pool(logits, targets, K); // throws pool's error naming the first NaN
      throw new RangeError('a logit is NaN');
    }
    const posMin = slots[F_MIN];
    const negMax = slots[F_MAX];

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
      this.ex.tilt_grid(pp, ep, n, 1, M, scale, ext);
    } else this.ex.tilt_exp(pp, ep, n, 1, scale, ext);
    sums[SUM_S] = this.slotsF64[F_S];
    sums[SUM_SDP] = this.slotsF64[F_SDP];
    sums[SUM_SE2] = this.slotsF64[F_SE2];
    sums[SUM_W] = n;
    sums[SUM_EXT] = ext;
  }
}

/** Bytes the in-place path would lay out for R rows of K (n+ and n− at their largest). */
function boundBytes(R: number, K: number): number {
  return DYNAMIC + R * 4 + R * K * 36 + 20 * TAIL + 256;
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
        if (inplace !== null) return inplace.run(logits, targets, K, params);
      }
      return plain.run(logits, targets, K, params);
    },
  };
}
