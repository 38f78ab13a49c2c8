/**
 * One-call entry points: pool + evaluate for one image, and the per-image sum of paper Eq. 9.
 */
import { createWorkspace, evaluate } from './evaluate.ts';
import { CompensatedSum } from './numerics.ts';
import { resolveParams } from './params.ts';
import { pool } from './pool.ts';
import type { DRParams, DRResult } from './types.ts';

/**
 * The DR loss of one image (paper Eq. 6–8; official SigmoidDRLoss on one call) and ∂DR/∂logit, shaped
 * like `logits` (R×K row-major, 0 on ignored rows). Missing params take DEFAULT_PARAMS.
 */
export function drLoss(
  logits: Float64Array,
  targets: Int32Array,
  K: number,
  params: Partial<DRParams> = {},
): { result: DRResult; gradLogits: Float64Array } {
  const p = resolveParams(params);
  const pooled = pool(logits, targets, K);
  const ws = createWorkspace(pooled);
  const result = evaluate(pooled, p, ws);
  return { result, gradLogits: ws.gradLogits };
}

/** One image of a batch. */
export interface DRImage {
  readonly logits: Float64Array;
  readonly targets: Int32Array;
  readonly K: number;
}

/**
 * Paper Eq. 9: the batch loss Σ_i DR_i, each image with its own distributions q±_i (not one pooled
 * distribution over the batch); the gradient of the sum w.r.t. image i's logits is image i's own.
 * Summation is Neumaier-compensated over images.
 */
export function drLossBatch(
  images: readonly DRImage[],
  params: Partial<DRParams> = {},
): { loss: number; results: DRResult[]; gradLogits: Float64Array[] } {
  const p = resolveParams(params);
  const results: DRResult[] = [];
  const gradLogits: Float64Array[] = [];
  const loss = new CompensatedSum();
  for (const img of images) {
    const pooled = pool(img.logits, img.targets, img.K);
    const ws = createWorkspace(pooled);
    const r = evaluate(pooled, p, ws);
    results.push(r);
    gradLogits.push(ws.gradLogits);
    loss.add(r.loss);
  }
  return { loss: loss.value(), results, gradLogits };
}
