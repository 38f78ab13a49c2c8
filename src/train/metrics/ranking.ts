/**
 * Ranking metrics over pooled scores (all non-ignored entries of all classes): average precision and
 * the ROC AUC, both from the two sets sorted once, O(n log n), ties grouped.
 */

/** AP and AUC of one set of scores. */
export interface RankingMetrics {
  readonly ap: number;
  readonly auc: number;
}

/**
 * AP and AUC from the scores of the positive and the negative entries, each sorted ascending
 * (Float64Array.prototype.sort order; no NaN).
 *
 * AP, as sklearn's average_precision_score: Σ_n (R_n − R_{n−1})·P_n over the distinct scores t_n in
 * descending order, R_n = TP_n/n+ and P_n = TP_n/(TP_n + FP_n), TP_n and FP_n the positives and
 * negatives with score ≥ t_n (so tied scores form one threshold), R_0 = 0; the terms are added in
 * that order (terms with R_n = R_{n−1} skipped: they are 0). AP = 0 when n+ = 0.
 *
 * AUC = P(p+ > p−) + ½·P(p+ = p−) over all n+·n− pairs = (#{p+ > p−} + ½·#{p+ = p−})/(n+·n−), the
 * pair counts exact integers (< 2^53); 0.5 when there is no pair (n+ = 0 or n− = 0).
 */
export function rankingMetricsSorted(pos: Float64Array, neg: Float64Array): RankingMetrics {
  const nPos = pos.length;
  const nNeg = neg.length;
  let i = nPos - 1;
  let j = nNeg - 1;
  let tp = 0;
  let fp = 0;
  let recallPrev = 0;
  let ap = 0;
  let greater = 0;
  let equal = 0;
  // groups below the lowest positive change neither TP (so no AP term) nor any pair count
  while (i >= 0) {
    const v = j < 0 || pos[i] >= neg[j] ? pos[i] : neg[j];
    let posIn = 0;
    while (i >= 0 && pos[i] === v) {
      posIn++;
      i--;
    }
    let negIn = 0;
    while (j >= 0 && neg[j] === v) {
      negIn++;
      j--;
    }
    fp += negIn;
    if (posIn === 0) continue;
    tp += posIn;
    // j + 1 negatives remain, all strictly below v
    greater += posIn * (j + 1);
    equal += posIn * negIn;
    const recall = tp / nPos;
    ap += (recall - recallPrev) * (tp / (tp + fp));
    recallPrev = recall;
  }
  const pairs = nPos * nNeg;
  return { ap, auc: pairs === 0 ? 0.5 : (greater + 0.5 * equal) / pairs };
}

/**
 * rankingMetricsSorted of unsorted scores: copies them into the scratch arrays (length ≥ n+ and
 * ≥ n−, caller-owned so nothing is allocated per call) and sorts the copies.
 */
export function rankingMetrics(
  pos: Float64Array,
  neg: Float64Array,
  scratchPos: Float64Array,
  scratchNeg: Float64Array,
): RankingMetrics {
  const sp = scratchPos.subarray(0, pos.length);
  const sn = scratchNeg.subarray(0, neg.length);
  sp.set(pos);
  sn.set(neg);
  sp.sort();
  sn.sort();
  return rankingMetricsSorted(sp, sn);
}
