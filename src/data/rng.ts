/**
 * Seeded randomness for the candidate generators, bit-identical in every JavaScript engine.
 *
 * Why not Math.log / Math.cos (Box–Muller, d3.randomNormal): ECMAScript does not require them to be
 * correctly rounded, so two engines may differ in the last bit and a permalink's "generator + seed"
 * would then name different numbers. Everything here uses only 32-bit integer operations and the
 * IEEE-754 basic operations (+ − × ÷ √), which are correctly rounded everywhere.
 */

import type { NormalsKernel } from '../engine/kernels/normals.ts';

const TWO_POW_M32 = 1 / 4294967296;

/**
 * Where fillNormal finds the WebAssembly normals kernel (engine/kernels/normals.ts normalsKernel),
 * handed over by the entry points that generate large sets (the pool and engine workers, the CLI):
 * importing it here would put the kernels' WebAssembly into the page's first script, which draws only
 * small presets. Unset, or giving null, fillNormal runs its TypeScript loop: the same doubles.
 */
let normalsKernel: (() => NormalsKernel | null) | null = null;

/** Lets fillNormal use the WebAssembly kernel `get` returns (null: the TypeScript loop). */
export function setNormalsKernel(get: () => NormalsKernel | null): void {
  normalsKernel = get;
}
const LN2 = 0.6931471805599453;

/**
 * splitmix32 step: spreads a seed over the state so nearby seeds give unrelated streams
 * (MurmurHash3's finaliser on a Weyl sequence).
 */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * ln x for finite x > 0 using only + − × ÷: x = m·2^e with m ∈ [1/√2, √2) (scaling by 2 is exact),
 * then ln m = 2·atanh(t) = 2·Σ_{k=0..11} t^(2k+1)/(2k+1), t = (m−1)/(m+1), |t| ≤ 0.1716 (truncation
 * below 1e−18). Within a few ulp of Math.log, identical in every engine. NaN for x ≤ 0, NaN or ∞.
 */
export function detLog(x: number): number {
  if (!(x > 0) || x === Infinity) return NaN;
  let e = 0;
  while (x < Math.SQRT1_2) {
    x *= 2;
    e--;
  }
  while (x >= Math.SQRT2) {
    x *= 0.5;
    e++;
  }
  return logReduced(x, e);
}

/** ln(m·2^e) for m ∈ [1/√2, √2): 2·atanh(t) + e·ln 2 by detLog's series, t = (m − 1)/(m + 1). */
function logReduced(m: number, e: number): number {
  const t = (m - 1) / (m + 1);
  const t2 = t * t;
  let p = 1 / 23;
  p = p * t2 + 1 / 21;
  p = p * t2 + 1 / 19;
  p = p * t2 + 1 / 17;
  p = p * t2 + 1 / 15;
  p = p * t2 + 1 / 13;
  p = p * t2 + 1 / 11;
  p = p * t2 + 1 / 9;
  p = p * t2 + 1 / 7;
  p = p * t2 + 1 / 5;
  p = p * t2 + 1 / 3;
  p = p * t2 + 1;
  return 2 * t * p + e * LN2;
}

/** logit(s) = ln(s/(1−s)) for s ∈ (0, 1), via detLog (engine-independent). */
export function detLogit(s: number): number {
  return detLog(s) - detLog(1 - s);
}

/** Pairs drawn before their logs are taken together (fillNormal). */
const BATCH = 256;
const batchU = new Float64Array(BATCH);
const batchV = new Float64Array(BATCH);
const batchS = new Float64Array(BATCH);
/** batchS's words: the high word of batchS[j] is batchS32[2j + HI] (1 on little-endian machines). */
const batchS32 = new Uint32Array(batchS.buffer);
const HI = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1 ? 1 : 0;
/** 2^k for k = 0..1023 (exact: doublings), to scale a double's binade onto [1, 2). */
const POW2 = new Float64Array(1024);
POW2[0] = 1;
for (let k = 1; k < 1024; k++) POW2[k] = POW2[k - 1] * 2;

/**
 * f = √(−2·detLog(s)/s) of batchS[0..n), into batchS, for s ∈ [2^−1022, 1) (fillNormal's: u, v are
 * multiples of 2^−32 ± 2^−33, so s ≥ 2^−66). The same doubles as detLog, operation for operation,
 * after the same reduction done without its loops: s = f·2^E with f ∈ [1, 2) read from the exponent
 * bits (scaling by a power of two is exact, so f is exactly what detLog's doublings reach), then
 * m = f/2, e = E+1 when f ≥ √2, else m = f, e = E: detLog's m ∈ [1/√2, √2). Taken a batch at a time
 * and without branches on s, the logs of consecutive pairs overlap in the processor (the polynomial
 * is a chain of 24 dependent operations), where one log per accepted pair stalled on it: the
 * detection-scale preset's fill took twice as long.
 */
function polarFactors(n: number): void {
  for (let j = 0; j < n; j++) {
    const s = batchS[j];
    const E = (batchS32[2 * j + HI] >>> 20) - 1023; // s > 0 normal: the sign bit is 0
    const f = s * POW2[-E];
    const up = Number(f >= Math.SQRT2);
    const x = f * (1 - 0.5 * up); // f or f/2, exactly
    const e = E + up;
    batchS[j] = Math.sqrt((-2 * logReduced(x, e)) / s);
  }
}

/** √(−2·detLog(s)/s) as fillNormal computes it (polarFactors on a batch of one); s ∈ [2^−1022, 1). */
export function polarFactor(s: number): number {
  batchS[0] = s;
  polarFactors(1);
  return batchS[0];
}

/** A stream's whole state (Rng.snapshot): plain numbers, so it can travel to a worker. */
export interface RngSnapshot {
  readonly words: readonly [number, number, number, number];
  readonly spare: number;
  readonly hasSpare: boolean;
}

/**
 * A seeded stream: xoshiro128** (Blackman & Vigna 2018, period 2^128 − 1) seeded through splitmix32,
 * uniforms in (0, 1) and standard normals by Marsaglia's polar method.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = 0;
  private hasSpare = false;

  /** `seed` is truncated to an integer and taken modulo 2^32 (non-finite seeds act as 0). */
  constructor(seed: number) {
    let s = Number.isFinite(seed) ? Math.trunc(seed) % 4294967296 : 0;
    if (s < 0) s += 4294967296;
    this.a = splitmix32(s);
    this.b = splitmix32(this.a);
    this.c = splitmix32(this.b);
    this.d = splitmix32(this.c);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1; // the all-zero state is a fixed point
  }

  /**
   * A stream started from an explicit xoshiro128** state (not all zero), e.g. the reference
   * implementation's test vectors.
   */
  static fromState(state: readonly [number, number, number, number]): Rng {
    const rng = new Rng(0);
    [rng.a, rng.b, rng.c, rng.d] = state.map((x) => x | 0);
    return rng;
  }

  /** The whole state (xoshiro128** words and the kept second normal), for `Rng.fromSnapshot`. */
  snapshot(): RngSnapshot {
    return {
      words: [this.a, this.b, this.c, this.d],
      spare: this.spare,
      hasSpare: this.hasSpare,
    };
  }

  /** A stream that continues exactly where the one `snapshot` was taken from stood. */
  static fromSnapshot(s: RngSnapshot): Rng {
    const rng = Rng.fromState(s.words);
    rng.spare = s.spare;
    rng.hasSpare = s.hasSpare;
    return rng;
  }

  /**
   * Advances the stream exactly as fillNormal over `count` entries would, without computing them: the
   * accept test of the polar method needs only the two uniforms, so the log and square root are
   * skipped except for a pair cut by the end (its second normal becomes the spare). What lets
   * fillNormal's output be cut into blocks filled in parallel, each from the snapshot of its start
   * (data/presetShards.ts), with the same bits as one sequential fill.
   */
  skipNormals(count: number): void {
    let i = 0;
    if (i < count && this.hasSpare) {
      i++;
      this.hasSpare = false;
    }
    // The stream's words in locals (see fillNormal); whole pairs first, then a pair cut by the end.
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    while (i + 1 < count) {
      let b5 = Math.imul(b, 5);
      let r = Math.imul((b5 << 7) | (b5 >>> 25), 9);
      let t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      const u = 2 * (((r >>> 0) + 0.5) * TWO_POW_M32) - 1;
      b5 = Math.imul(b, 5);
      r = Math.imul((b5 << 7) | (b5 >>> 25), 9);
      t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      const v = 2 * (((r >>> 0) + 0.5) * TWO_POW_M32) - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      i += 2;
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    if (i < count) this.normal(); // the first normal of the last pair; its second stays the spare
  }

  /** (k + 0.5)·2^−32 for the next 32-bit output k: uniform in (0, 1), never exactly 0 or 1. */
  uniform(): number {
    const b5 = Math.imul(this.b, 5);
    const r = Math.imul((b5 << 7) | (b5 >>> 25), 9);
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = (this.d << 11) | (this.d >>> 21);
    return ((r >>> 0) + 0.5) * TWO_POW_M32;
  }

  /** A whole number uniform in 0..n−1 (n ≤ 2^32). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /**
   * N(0, 1) by the polar method: (u, v) uniform in the unit disc, s = u² + v²; u·f and v·f with
   * f = √(−2 ln s / s) are independent N(0, 1) (the second is kept for the next call). Two uniforms
   * per attempt, acceptance π/4.
   */
  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const f = Math.sqrt((-2 * detLog(s)) / s);
      this.spare = v * f;
      this.hasSpare = true;
      return u * f;
    }
  }

  /**
   * out[i] = mean + sd·normal() for i in [from, to), written into the caller's buffer; the same
   * numbers as that many normal() calls, without a call per element (the detection-scale preset
   * draws 8·10⁶ of them).
   */
  fillNormal(out: Float64Array, from: number, to: number, mean: number, sd: number): void {
    let i = from;
    if (i < to && this.hasSpare) {
      out[i++] = mean + sd * this.spare;
      this.hasSpare = false;
    }
    // The whole pairs in WebAssembly where it runs (the same doubles: engine/kernels/normals.wat)
    const kernel = normalsKernel === null ? null : normalsKernel();
    if (kernel !== null) {
      const pairs = to - i >= 2 ? Math.floor((to - i) / 2) : 0;
      if (pairs > 0) {
        const state = Int32Array.of(this.a, this.b, this.c, this.d);
        kernel.fillPairs(state, out, i, pairs, mean, sd);
        [this.a, this.b, this.c, this.d] = state;
        i += 2 * pairs;
      }
      if (i < to) out[i] = mean + sd * this.normal(); // keeps the pair's second normal as the spare
      return;
    }
    // uniform() inlined on the stream's words held in locals: in Chromium (pointer compression: 31-bit
    // small integers) the four int32 fields live as heap numbers, and reading and writing them twice
    // per uniform made this loop and skipNormals' 2–6× slower than with locals. Whole pairs here, a
    // pair cut by the end after the loop (a branch taken once would cost the loop a deoptimisation).
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    let k = 0; // pairs in the batch
    let at = i; // where the batch's first pair goes
    while (i + 1 < to) {
      let b5 = Math.imul(b, 5);
      let r = Math.imul((b5 << 7) | (b5 >>> 25), 9);
      let t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      const u = 2 * (((r >>> 0) + 0.5) * TWO_POW_M32) - 1;
      b5 = Math.imul(b, 5);
      r = Math.imul((b5 << 7) | (b5 >>> 25), 9);
      t = b << 9;
      c ^= a;
      d ^= b;
      b ^= c;
      a ^= d;
      c ^= t;
      d = (d << 11) | (d >>> 21);
      const v = 2 * (((r >>> 0) + 0.5) * TWO_POW_M32) - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      // the pair's log is taken with its batch's (polarFactors), then the batch is written out
      batchU[k] = u;
      batchV[k] = v;
      batchS[k] = s;
      k++;
      i += 2;
      if (k === BATCH || i + 1 >= to) {
        polarFactors(k);
        for (let j = 0; j < k; j++) {
          const f = batchS[j];
          out[at++] = mean + sd * (batchU[j] * f);
          out[at++] = mean + sd * (batchV[j] * f);
        }
        k = 0;
      }
    }
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    if (i < to) out[i] = mean + sd * this.normal(); // keeps the pair's second normal as the spare
  }
}
