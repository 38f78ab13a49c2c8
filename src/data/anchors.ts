/**
 * Seeded sets of 2-D anchors with features, for training a detector head (src/train): positives in a
 * few Gaussian clusters in a column, a band of hard negatives next to that column, and many easy
 * negatives beyond the band.
 *
 * A pure function of its options: same options, same bits, in Node, a worker or any browser. Only the
 * seeded stream of rng.ts (32-bit integer operations, and + − × ÷ √ with detLog inside its normals)
 * and + − × ÷ and Math.floor here: no Math.random, no Math.exp/log/cos, whose last bit may differ
 * between engines.
 */
import { Rng } from './rng.ts';

/** What the generator takes; every field has a default (ANCHOR_DEFAULTS). */
export interface AnchorOptions {
  /** Seed of the stream (any integer; used modulo 2^32). */
  readonly seed: number;
  /** R, the number of anchors (rows): an integer in [2, 10⁶]. */
  readonly anchors: number;
  /** Negatives per positive anchor (1:imbalance), in [1, 10⁴]; the range is 10…10⁴. */
  readonly imbalance: number;
  /**
   * How far the classes overlap, in [0, 1]. 0: the hard-negative band lies 3.5 cluster widths from
   * the clusters' centres and the clusters are narrowest; 1: the band lies one width away, the
   * clusters are 1.4× wider and the easy negatives spread twice as wide, into the clusters.
   */
  readonly overlap: number;
  /** K, the number of foreground classes: 1 or 2 (the lower half of the clusters is class 1). */
  readonly classes: 1 | 2;
  /** Number of positive clusters, an integer in [classes, 16]. */
  readonly clusters: number;
  /** Hard negatives per positive anchor (the band), in [0, 100]; fewer if negatives run out. */
  readonly hardPerPositive: number;
}

/** The default set: 10⁴ anchors at 1:100, three clusters, one class, seed 1. */
export const ANCHOR_DEFAULTS: AnchorOptions = Object.freeze({
  seed: 1,
  anchors: 10_000,
  imbalance: 100,
  overlap: 0.3,
  classes: 1,
  clusters: 3,
  hardPerPositive: 2,
});

/** The largest set the generator builds (the scale). */
export const MAX_ANCHORS = 1_000_000;

/** A generated set: R anchors with 2-D features and targets as in docs/maths.md §1 (no ignored rows). */
export interface AnchorSet {
  readonly R: number;
  readonly K: number;
  /** Feature dimension d = 2. */
  readonly d: number;
  /** Row-major R×d features (x, y). */
  readonly features: Float64Array;
  /** R targets: 0 background, 1..K the class of the anchor's cluster. */
  readonly targets: Int32Array;
  /** How many anchors of each kind (positives, hard negatives, easy negatives), in row order. */
  readonly counts: { readonly positives: number; readonly hard: number; readonly easy: number };
  /** The clusters' centres, row-major C×2, and their common standard deviation per axis. */
  readonly centres: Float64Array;
  readonly clusterSd: number;
}

/** Cluster centres lie on the vertical line x = CENTRE_X, spread over y ∈ [−SPAN, SPAN]. */
const CENTRE_X = 2.5;
const SPAN = 2;
/** Cluster standard deviation per axis at overlap 0, and its growth with overlap. */
const CLUSTER_SD = 0.35;
const CLUSTER_SD_GROWTH = 0.15;
/** The band's distance left of the centres in cluster widths, at overlap 0 and 1, and its spread. */
const BAND_FAR = 3.5;
const BAND_NEAR = 1;
const BAND_SPREAD = 0.25;
/** The band runs along the clusters over y ∈ [−BAND_SPAN, BAND_SPAN]. */
const BAND_SPAN = 2.5;
/** Easy negatives ~ N((EASY_CENTRE_X, 0), (EASY_SD·(1 + overlap))²·I₂). */
const EASY_CENTRE_X = -1.5;
const EASY_SD = 1;

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

/** Throws a RangeError naming the first option out of range. */
export function validateAnchorOptions(o: AnchorOptions): void {
  check(Number.isFinite(o.seed), `seed must be a finite number, got ${o.seed}`);
  check(
    Number.isInteger(o.anchors) && o.anchors >= 2 && o.anchors <= MAX_ANCHORS,
    `anchors must be an integer in [2, ${MAX_ANCHORS}], got ${o.anchors}`,
  );
  check(
    o.imbalance >= 1 && o.imbalance <= 1e4,
    `imbalance must be in [1, 10000], got ${o.imbalance}`,
  );
  check(o.overlap >= 0 && o.overlap <= 1, `overlap must be in [0, 1], got ${o.overlap}`);
  check(o.classes === 1 || o.classes === 2, `classes must be 1 or 2, got ${String(o.classes)}`);
  check(
    Number.isInteger(o.clusters) && o.clusters >= o.classes && o.clusters <= 16,
    `clusters must be an integer in [classes, 16], got ${o.clusters}`,
  );
  check(
    o.hardPerPositive >= 0 && o.hardPerPositive <= 100,
    `hardPerPositive must be in [0, 100], got ${o.hardPerPositive}`,
  );
}

/**
 * A seeded set of 2-D anchors (options default to ANCHOR_DEFAULTS). With s = 0.35 + 0.15·overlap the
 * clusters' standard deviation per axis and C clusters:
 * - cluster c is centred at (2.5, −2 + 4·(c + ½ + 0.3·(2u − 1))/C) (u uniform; the centres keep their
 *   order in y) and has class 1 + ⌊c·K/C⌋ (K = 2: the lower clusters are class 1, the upper class 2);
 * - n+ = max(1, round(R/(1 + imbalance))) positives; positive i lies in cluster i mod C at
 *   centre + s·N(0, I₂);
 * - n_h = min(R − n+, round(hardPerPositive·n+)) hard negatives in a band next to the clusters, on
 *   the side of the easy negatives: x = 2.5 − s·(3.5 − 2.5·overlap + 0.25·N(0,1)), y uniform in
 *   [−2.5, 2.5] (overlap 0: 3.5 widths away, separable by a line; overlap 1: one width, touching);
 * - the rest are easy negatives ~ N((−1.5, 0), (1 + overlap)²·I₂).
 * Rows come in that order (positives, hard, easy); draws in the order centres, positives, band,
 * easy negatives (one bulk fill).
 *
 * @throws RangeError naming the first option out of range (validateAnchorOptions).
 */
export function generateAnchors(options: Partial<AnchorOptions> = {}): AnchorSet {
  const o: AnchorOptions = { ...ANCHOR_DEFAULTS, ...options };
  validateAnchorOptions(o);
  const R = o.anchors;
  const K = o.classes;
  const C = o.clusters;
  const rng = new Rng(o.seed);

  const centres = new Float64Array(2 * C);
  const cls = new Int32Array(C);
  for (let c = 0; c < C; c++) {
    centres[2 * c] = CENTRE_X;
    centres[2 * c + 1] = -SPAN + (2 * SPAN * (c + 0.5 + 0.3 * (2 * rng.uniform() - 1))) / C;
    cls[c] = 1 + Math.floor((c * K) / C);
  }

  const positives = Math.max(1, Math.round(R / (1 + o.imbalance)));
  const hard = Math.min(R - positives, Math.round(o.hardPerPositive * positives));
  const easy = R - positives - hard;
  const sd = CLUSTER_SD + CLUSTER_SD_GROWTH * o.overlap;
  const band = BAND_FAR - (BAND_FAR - BAND_NEAR) * o.overlap;
  const easySd = EASY_SD * (1 + o.overlap);

  const features = new Float64Array(2 * R);
  const targets = new Int32Array(R);
  let r = 0;
  for (let i = 0; i < positives; i++, r++) {
    const c = i % C;
    targets[r] = cls[c];
    features[2 * r] = centres[2 * c] + sd * rng.normal();
    features[2 * r + 1] = centres[2 * c + 1] + sd * rng.normal();
  }
  for (let i = 0; i < hard; i++, r++) {
    features[2 * r] = CENTRE_X - sd * (band + BAND_SPREAD * rng.normal());
    features[2 * r + 1] = BAND_SPAN * (2 * rng.uniform() - 1);
  }
  // the bulk: one fill of 2·easy normals, then shift and scale in place
  const from = 2 * r;
  rng.fillNormal(features, from, 2 * R, 0, easySd);
  for (let j = from; j < 2 * R; j += 2) features[j] += EASY_CENTRE_X;

  return {
    R,
    K,
    d: 2,
    features,
    targets,
    counts: { positives, hard, easy },
    centres,
    clusterSd: sd,
  };
}
