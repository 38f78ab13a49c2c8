/**
 * Defaults of a training spec (parseTrainSpec fills them in).
 */
import type { FocalSettings, OptimizerSpec, RunName } from './types.ts';

/** RetinaNet's α = 0.25, γf = 2. */
export const DEFAULT_FOCAL: FocalSettings = Object.freeze({ alpha: 0.25, gamma: 2 });

/** π of each run: 0.5 for DR (as the paper: logits start at 0), 0.01 for focal and BCE (RetinaNet). */
export const DEFAULT_PRIOR: Readonly<Record<RunName, number>> = Object.freeze({
  dr: 0.5,
  focal: 0.01,
  bce: 0.01,
});

/** torch.optim.SGD's momentum when only {"kind": "sgd"} is given. */
export const DEFAULT_MOMENTUM = 0.9;

/** torch.optim.Adam's β1, β2, ε. */
export const DEFAULT_ADAM: OptimizerSpec = Object.freeze({
  kind: 'adam',
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
});

/** The optimiser when none is given. */
export const DEFAULT_OPTIMIZER: OptimizerSpec = DEFAULT_ADAM;

/** Learning rates per optimiser kind (see the measurements above DEFAULT_LR_NOTE). */
export const DEFAULT_LR: Readonly<Record<'sgd' | 'adam', Readonly<Record<RunName, number>>>> =
  Object.freeze({
    adam: Object.freeze({ dr: 0.05, focal: 0.05, bce: 0.05 }),
    sgd: Object.freeze({ dr: 0.1, focal: 0.1, bce: 0.1 }),
  });

export const DEFAULT_STEPS = 200;
export const DEFAULT_SEED = 1;
