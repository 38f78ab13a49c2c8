/**
 * The DR loss as a reduction over shards (docs/maths.md §3–4). Each set's distribution is one tilted
 * softmax over all its entries, P̂± are ratios of sums, and the gradient of an entry needs only the
 * global S, P̂ and τℓ'(z). So every shard computes its sums (tiltSums' layout) shifted by its own
 * extreme score; the shards' sums are combined in shard order after rescaling each by
 * e^{σ(p_ext,i − p_ext)/λ} to the global extreme (a max or min: exact in any order); and each shard
 * then writes its entries' q and gradients from the global scalars. Nothing depends on which worker
 * holds which shard, so the result is the same to the last bit for any number of workers.
 */
import { expFast } from '../fastExp.ts';
import { SUM_EXT, SUM_LEN, SUM_S, SUM_SCALE, SUM_SDP, SUM_SE2, SUM_W } from '../kernels/layout.ts';
import { tiltSums } from '../kernels/tilted.ts';
import type { TiltSign } from '../types.ts';

/**
 * One shard's sums of one set: e_j = exp(σ(p_j − p_ext,i)/λ) over `support` (local positions) or over
 * every entry when it is null (the uniform prior), with the shard's extreme `ext` when known (its
 * pooled negMax / posMin: saves a pass; NaN to find it). Writes e_j into eOut unless null (0 off the
 * support). `p` are sigmoid outputs, so the kernel may take its exps from a table.
 */
export function shardSetSums(
  p: Float64Array,
  sign: TiltSign,
  lambda: number,
  support: Int32Array | null,
  ext: number,
  eOut: Float64Array | null,
  out: Float64Array = new Float64Array(SUM_LEN),
): Float64Array {
  tiltSums(p, sign, lambda, support === null ? null : { support }, eOut, out, ext, true);
  return out;
}

/** e^{σ(ext_i − ext)/λ} = e^{scale·(ext_i − ext)} ≤ 1: the factor that moves shard sums to the global shift. */
export function shiftFactor(scale: number, extShard: number, ext: number): number {
  return extShard === ext ? 1 : expFast(scale * (extShard - ext));
}

/**
 * The sums of a whole set from its shards' (shard order): the global extreme is the max (σ = +1) or
 * min (σ = −1) of the non-empty shards' extremes, and with f_i = shiftFactor,
 *   S = Σ f_i·S_i,  Σe·(p − ext) = Σ f_i·(Sdp_i + (ext_i − ext)·S_i),  Σe² = Σ f_i²·Se2_i,  W = Σ W_i
 * (the two terms of the middle sum have one sign: no cancellation). An empty set gives S = W = 0.
 */
export function combineSetSums(
  parts: readonly Float64Array[],
  sign: TiltSign,
  lambda: number,
): Float64Array {
  const out = new Float64Array(SUM_LEN);
  const scale = sign / lambda;
  out[SUM_SCALE] = scale;
  let ext = sign > 0 ? -Infinity : Infinity;
  for (const s of parts) {
    if (!(s[SUM_W] > 0)) continue;
    const e = s[SUM_EXT];
    if (sign > 0 ? e > ext : e < ext) ext = e;
  }
  let S = 0;
  let Sdp = 0;
  let S2 = 0;
  let W = 0;
  for (const s of parts) {
    if (!(s[SUM_W] > 0)) continue;
    const f = shiftFactor(scale, s[SUM_EXT], ext);
    const Si = s[SUM_S];
    S += f * Si;
    Sdp += f * (s[SUM_SDP] + (s[SUM_EXT] - ext) * Si);
    S2 += f * f * s[SUM_SE2];
    W += s[SUM_W];
  }
  if (W > 0) {
    out[SUM_S] = S;
    out[SUM_SDP] = Sdp;
    out[SUM_SE2] = S2;
    out[SUM_W] = W;
    out[SUM_EXT] = ext;
  }
  return out;
}

/** What a shard needs from the whole set to write its gradient: the global sums and two scalars. */
export interface SetGlobals {
  /** The set's combined sums (combineSetSums). */
  readonly sums: Float64Array;
  /** P̂ of the set. */
  readonly mean: number;
  /** ±τℓ'(z): +slope for negatives, −slope for positives (docs/maths.md §4). */
  readonly g0: number;
}

/**
 * One shard's q and gradients of one set, from its e_j (shardSetSums' eOut, shifted by its own
 * extreme `shardSums[SUM_EXT]`) and the set's globals (docs/maths.md §4):
 *   q_j = e_j·f_i/S,  ∂DR/∂p_j = g0·q_j·(1 + (p_j − P̂)·σ/λ),  ∂DR/∂x_j = ∂DR/∂p_j·p_j(1 − p_j),
 * written in place of e (q), into gradP (local positions) and gradLogits[index[j]] (the shard's own
 * flat indices) unless null. With `support`, only those positions are written (the caller zeroes the
 * rest); an empty shard or set writes nothing.
 */
export function shardSetGradient(
  p: Float64Array,
  e: Float64Array,
  index: Int32Array,
  support: Int32Array | null,
  shardSums: Float64Array,
  globals: SetGlobals,
  gradP: Float64Array | null,
  gradLogits: Float64Array | null,
): void {
  const { sums, mean, g0 } = globals;
  if (!(shardSums[SUM_W] > 0) || !(sums[SUM_S] > 0)) return;
  const scale = sums[SUM_SCALE];
  const c = shiftFactor(scale, shardSums[SUM_EXT], sums[SUM_EXT]) / sums[SUM_S];
  const sigmaOverLambda = scale; // σ/λ
  const n = support === null ? p.length : support.length;
  for (let t = 0; t < n; t++) {
    const j = support === null ? t : support[t];
    const pj = p[j];
    const qj = e[j] * c;
    e[j] = qj;
    const g = g0 * qj * (1 + (pj - mean) * sigmaOverLambda);
    if (gradP !== null) gradP[j] = g;
    if (gradLogits !== null) gradLogits[index[j]] = g * pj * (1 - pj);
  }
}
