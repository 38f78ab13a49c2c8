/**
 * The DR run's loss: exactly the engine's (pool + evaluate, docs/maths.md §3–4), its gradient
 * ∂DR/∂logit and its pooled scores. The pooled arrays and the workspace are reused from step to step
 * (the targets never change, so n+ and n− never do): no allocation per step.
 */
import { createWorkspace, evaluate, pool } from '../../engine/index.ts';
import type { DRParams, Pooled, Workspace } from '../../engine/index.ts';
import type { LossValue, TrainLoss } from './loss.ts';

export class DRTrainLoss implements TrainLoss {
  private pooled: Pooled | null = null;
  private ws: Workspace | null = null;

  constructor(
    private readonly targets: Int32Array,
    private readonly K: number,
    private readonly params: DRParams,
  ) {}

  /**
   * DR = τ·ℓ(P̂− − P̂+ + γ) of the engine (uniform or hard-negative prior, any surrogate) on one pooled
   * set of entries, no normalisation (docs/maths.md §1).
   *
   * @throws RangeError from pool when a logit of a non-ignored row is NaN.
   */
  evaluate(logits: Float64Array): LossValue {
    const pooled = pool(logits, this.targets, this.K, this.pooled ?? undefined);
    this.pooled = pooled;
    this.ws ??= createWorkspace(pooled);
    const r = evaluate(pooled, this.params, this.ws);
    return { loss: r.loss, pPlus: r.pPlus, pMinus: r.pMinus };
  }

  grad(): Float64Array {
    return this.workspace().gradLogits;
  }

  positives(): Float64Array {
    return this.pooledSet().pPos;
  }

  negatives(): Float64Array {
    return this.pooledSet().pNeg;
  }

  private workspace(): Workspace {
    if (this.ws === null) throw new Error('DRTrainLoss: evaluate first');
    return this.ws;
  }

  private pooledSet(): Pooled {
    if (this.pooled === null) throw new Error('DRTrainLoss: evaluate first');
    return this.pooled;
  }
}
