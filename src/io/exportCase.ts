/**
 * What the app exports about the set it shows, as text or bytes (pure: no DOM, no Node modules; the
 * tools worker and the Node tests run it):
 * - caseJson: the case in the CLI's format (src/io/case.ts) with the parameters, exactly what `dr`
 *   and the app's import read back (doubles written shortest-round-trip, so every logit is exact);
 * - candidateCsv: one line per entry with the engine's p, q, ∂DR/∂x, ∂FL/∂x and ∂BCE/∂x;
 * - BIBTEX: the paper's entry.
 */
import {
  FOCAL_DEFAULTS,
  createWorkspace,
  entryObjectives,
  evaluate,
  pool,
  resolveParams,
} from '../engine/index.ts';
import type { DRParams } from '../engine/types.ts';
import type { CandidateSet } from '../data/types.ts';

/** The `params` object of the case format for engine parameters (negTopK for the hard-negative prior). */
export function caseParams(p: DRParams): Record<string, number | string> {
  const out: Record<string, number | string> = {
    margin: p.margin,
    lambdaPos: p.lambdaPos,
    lambdaNeg: p.lambdaNeg,
    L: p.L,
    tau: p.tau,
    rho: p.rho,
    smoothing: p.smoothing,
  };
  if (p.original.kind === 'hardNegative') out.negTopK = p.original.k;
  return out;
}

/**
 * The case as JSON in the CLI's format: `{"logits": R rows of K numbers (R numbers when K = 1),
 * "targets": R integers, "features"?: R rows of d numbers, "params": {...}}`, one row per line (a
 * diff stays readable).
 */
export function caseJson(set: CandidateSet, params: DRParams): string {
  const { R, K, logits, targets } = set;
  const rows: string[] = new Array<string>(R);
  if (K === 1) {
    for (let r = 0; r < R; r++) rows[r] = exact(logits[r]);
  } else {
    const cells: string[] = new Array<string>(K);
    for (let r = 0; r < R; r++) {
      for (let c = 0; c < K; c++) cells[c] = exact(logits[r * K + c]);
      rows[r] = `[${cells.join(', ')}]`;
    }
  }
  const t = Array.from(targets, String).join(', ');
  return (
    `{\n  "logits": [\n    ${rows.join(',\n    ')}\n  ],\n` +
    `  "targets": [${t}],\n` +
    featuresJson(set) +
    `  "params": ${JSON.stringify(caseParams(params))}\n}\n`
  );
}

/** Shortest round-trip decimal of a finite double; −0 stays "-0" (String(−0) is "0"). */
function exact(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** The `"features"` member (R rows of d numbers, one row per line), or '' for a set without. */
function featuresJson(set: CandidateSet): string {
  const f = set.features;
  if (f === undefined) return '';
  const rows = new Array<string>(set.R);
  for (let r = 0; r < set.R; r++) {
    rows[r] = `[${Array.from(f.values.subarray(r * f.d, (r + 1) * f.d), exact).join(', ')}]`;
  }
  return `  "features": [\n    ${rows.join(',\n    ')}\n  ],\n`;
}

/** The CSV's columns: the first nine are the issue's; `target` is the row's target (0, 1..K, -1). */
export const CSV_COLUMNS = [
  'row',
  'class',
  'label',
  'logit',
  'p',
  'q',
  'gradDR',
  'gradFocal',
  'gradBCE',
  'target',
] as const;

/**
 * Every entry of the set as CSV (header line first): row (0-based), class (1-based, as targets
 * count), label (1 positive, 0 negative, -1 ignored), the logit, p = σ(logit), q = the entry's weight
 * in its DR distribution (q+ for a positive, q− for a negative; empty for an ignored entry), the
 * gradients of DR, focal loss (α = 0.25, γ = 2) and BCE w.r.t. the logit, and the row's target.
 * Numbers are shortest-round-trip doubles.
 */
export function candidateCsv(set: CandidateSet, params: DRParams): string {
  const { R, K, logits, targets } = set;
  const n = R * K;
  const pooled = pool(logits, targets, K);
  const ws = createWorkspace(pooled);
  evaluate(pooled, resolveParams(params), ws);
  const q = new Float64Array(n).fill(NaN);
  for (let j = 0; j < pooled.posIndex.length; j++) q[pooled.posIndex[j]] = ws.qPos[j];
  for (let j = 0; j < pooled.negIndex.length; j++) q[pooled.negIndex[j]] = ws.qNeg[j];
  const focal = new Float64Array(n);
  const bce = new Float64Array(n);
  entryObjectives(logits, targets, K, FOCAL_DEFAULTS, { focal, bce });
  const lines: string[] = new Array<string>(n + 1);
  lines[0] = CSV_COLUMNS.join(',');
  for (let r = 0; r < R; r++) {
    const t = targets[r];
    for (let c = 0; c < K; c++) {
      const i = r * K + c;
      const x = logits[i];
      const label = t < 0 ? -1 : t === c + 1 ? 1 : 0;
      const p = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
      const qi = Number.isNaN(q[i]) ? '' : String(q[i]);
      lines[i + 1] =
        `${r},${c + 1},${label},${x},${p},${qi},${ws.gradLogits[i]},${focal[i]},${bce[i]},${t}`;
    }
  }
  return lines.join('\n') + '\n';
}

/** The paper's BibTeX entry. */
export const BIBTEX = `@inproceedings{qian2020drloss,
  title         = {{DR} Loss: Improving Object Detection by Distributional Ranking},
  author        = {Qian, Qi and Chen, Lei and Li, Hao and Jin, Rong},
  booktitle     = {Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)},
  year          = {2020},
  eprint        = {1907.10156},
  archivePrefix = {arXiv},
  primaryClass  = {cs.CV},
  url           = {https://arxiv.org/abs/1907.10156}
}
`;
