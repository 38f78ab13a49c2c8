/**
 * Precision and recall at fixed score thresholds (the paper's calibration test: keeping detections
 * with score ≥ 0.05 or ≥ 0.5 before NMS).
 */

/** #{i : a[i] ≥ t0} and #{i : a[i] ≥ t1} in one pass, into out[0], out[1]. */
function countAtLeast2(a: Float64Array, t0: number, t1: number, out: number[]): void {
  let c0 = 0;
  let c1 = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    c0 += Number(v >= t0);
    c1 += Number(v >= t1);
  }
  out[0] = c0;
  out[1] = c1;
}

function countAtLeast(a: Float64Array, t: number): number {
  let c = 0;
  for (let i = 0; i < a.length; i++) c += Number(a[i] >= t);
  return c;
}

/**
 * For each threshold t_m: an entry is called positive when p ≥ t_m; TP = #{positive entries called},
 * FP = #{negative entries called}; precision = TP/(TP + FP) (0 when nothing is called) and
 * recall = TP/n+ (0 when n+ = 0), written into precision[m] and recall[m].
 */
export function precisionRecallAt(
  pos: Float64Array,
  neg: Float64Array,
  thresholds: readonly number[],
  precision: number[],
  recall: number[],
): void {
  const M = thresholds.length;
  const tp: number[] = [];
  const fp: number[] = [];
  if (M === 2) {
    // the two calibration thresholds: one pass over each set instead of two
    countAtLeast2(pos, thresholds[0], thresholds[1], tp);
    countAtLeast2(neg, thresholds[0], thresholds[1], fp);
  } else {
    for (let m = 0; m < M; m++) {
      tp[m] = countAtLeast(pos, thresholds[m]);
      fp[m] = countAtLeast(neg, thresholds[m]);
    }
  }
  for (let m = 0; m < M; m++) {
    precision[m] = tp[m] + fp[m] === 0 ? 0 : tp[m] / (tp[m] + fp[m]);
    recall[m] = pos.length === 0 ? 0 : tp[m] / pos.length;
  }
}
