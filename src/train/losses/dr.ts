/**
 * The DR run's loss: exactly the engine's (pool + evaluate, docs/maths.md §3–4), its gradient
 * ∂DR/∂logit and its pooled scores, computed by one DrStep (createDrStep: in place in WebAssembly
 * memory where it can, else pool + evaluate on kept buffers; the same doubles either way). The step's
 * buffers are reused from step to step (the targets never change, so n+ and n− never do): no
 * allocation per step. grad(), positives() and negatives() are views of them, overwritten by the next
 * evaluate (TrainLoss's contract).
 */
import { createDrStep } from '../../engine/index.ts';
import type { DRParams, DrStep, DrStepOutput } from '../../engine/index.ts';
import type { LossValue, TrainLoss } from './loss.ts';

export class DRTrainLoss implements TrainLoss {
  private readonly step: DrStep = createDrStep();
  private last: DrStepOutput | null = null;

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
    this.last = null;
    const out = this.step.run(logits, this.targets, this.K, this.params);
    this.last = out;
    const r = out.result;
    return { loss: r.loss, pPlus: r.pPlus, pMinus: r.pMinus };
  }

  grad(): Float64Array {
    return this.output().ws.gradLogits;
  }

  positives(): Float64Array {
    return this.output().pooled.pPos;
  }

  negatives(): Float64Array {
    return this.output().pooled.pNeg;
  }

  private output(): DrStepOutput {
    if (this.last === null) throw new Error('DRTrainLoss: evaluate first');
    return this.last;
  }
}
