/**
 * Ranking metrics over pooled scores (all non-ignored entries of all classes): average precision and
 * the ROC AUC, ties grouped. Only the positives are sorted: each negative is placed among the
 * distinct positive scores by a bucketed binary search, so the cost is O(n+ log n+ + n−) in practice
 * (detection sets have few positives and up to 10⁶ negatives) instead of sorting the negatives too.
 */

/** AP and AUC of one set of scores. */
export interface RankingMetrics {
  readonly ap: number;
  readonly auc: number;
}

/** First index in [lo, hi) of ascending `u` with u[i] ≥ v (hi if none). */
function lowerBoundIn(u: Float64Array, v: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * AP and AUC from the scores of the positive and the negative entries (any order; not modified;
 * no NaN).
 *
 * AP, as sklearn's average_precision_score: Σ_n (R_n − R_{n−1})·P_n over the distinct scores t_n in
 * descending order, R_n = TP_n/n+ and P_n = TP_n/(TP_n + FP_n), TP_n and FP_n the positives and
 * negatives with score ≥ t_n (so tied scores form one threshold), R_0 = 0; the terms are added in
 * that order. Terms with R_n = R_{n−1} (thresholds holding only negatives) are 0 and left out, so the
 * sum runs over the distinct positive scores u_k, descending, with FP(u_k) = #{negatives ≥ u_k}.
 * AP = 0 when n+ = 0.
 *
 * AUC = P(p+ > p−) + ½·P(p+ = p−) over all n+·n− pairs = (#{p+ > p−} + ½·#{p+ = p−})/(n+·n−), the
 * pair counts exact integers (< 2^53); 0.5 when there is no pair (n+ = 0 or n− = 0).
 *
 * How: the positives are sorted into distinct values u_0 < … < u_{m−1} with multiplicities; for a
 * negative v, a = #{k : u_k < v} and e = [u_a = v] give #{p+ < v}, #{p+ = v}, and FP(u_k) counts it
 * for k < a + e (a histogram over a + e, summed from the top). a is found by binary search between
 * precomputed bounds for v's bucket of [0, 1] (B ≈ m buckets), about one step per negative.
 * Allocates O(n+).
 */
export function rankingMetrics(pos: Float64Array, neg: Float64Array): RankingMetrics {
  const nPos = pos.length;
  const nNeg = neg.length;
  if (nPos === 0) return { ap: 0, auc: 0.5 };
  const sorted = Float64Array.from(pos).sort();
  // distinct values and how many positives below each (cumulative counts)
  const u = new Float64Array(nPos);
  const below = new Float64Array(nPos + 1);
  let m = 0;
  for (let i = 0; i < nPos; i++) {
    if (m === 0 || sorted[i] !== u[m - 1]) {
      u[m] = sorted[i];
      below[m] = i;
      m++;
    }
  }
  below[m] = nPos;
  const values = u.subarray(0, m);

  // bucket edges over [0, 1]: edge[b] = #{k : u_k < b/B}; B a power of two, so b/B is exact
  const B = Math.min(1 << 16, 1 << Math.ceil(Math.log2(Math.max(m, 2))));
  const edge = new Int32Array(B + 1);
  for (let b = 0; b <= B; b++) edge[b] = lowerBoundIn(values, b / B, 0, m);

  const hist = new Float64Array(m + 1);
  let greater = 0;
  let equal = 0;
  for (let j = 0; j < nNeg; j++) {
    const v = neg[j];
    let a: number;
    if (v >= 0 && v < 1) {
      const b = Math.floor(v * B);
      a = lowerBoundIn(values, v, edge[b], edge[b + 1]);
    } else {
      a = lowerBoundIn(values, v, 0, m);
    }
    const tied = a < m && values[a] === v ? 1 : 0;
    const atOrBelow = below[a + tied];
    greater += nPos - atOrBelow;
    equal += atOrBelow - below[a];
    hist[a + tied]++;
  }

  // descending over the distinct positive scores: TP = positives ≥ u_k, FP = negatives ≥ u_k
  let ap = 0;
  let recallPrev = 0;
  let fp = 0;
  for (let k = m - 1; k >= 0; k--) {
    fp += hist[k + 1];
    const tp = nPos - below[k];
    const recall = tp / nPos;
    ap += (recall - recallPrev) * (tp / (tp + fp));
    recallPrev = recall;
  }
  const pairs = nPos * nNeg;
  return { ap, auc: pairs === 0 ? 0.5 : (greater + 0.5 * equal) / pairs };
}
