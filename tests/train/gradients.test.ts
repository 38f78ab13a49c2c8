import { describe, expect, it } from 'vitest';
import { createTraining } from '../../src/train/index.ts';
import type { ModelSpec, RunName, RunState, TrainData } from '../../src/train/index.ts';
import { freeData, randomize, smallData, spec } from './fixtures.ts';

/** ℓ at the run's current θ (forward + loss). */
function lossAt(run: RunState): number {
  run.model.forward(run.logits);
  return run.loss.evaluate(run.logits).loss;
}

/** ∂ℓ/∂θ by the model's backward from the loss's ∂ℓ/∂x, at the run's current θ. */
function analytic(run: RunState): Float64Array {
  lossAt(run);
  run.model.backward(run.loss.grad());
  return Float64Array.from(run.model.grad);
}

/**
 * Central differences (ℓ(θ + h e_i) − ℓ(θ − h e_i))/(2h) against the analytic gradient, per parameter:
 * |fd − g| ≤ tol·max(1, |g|) (h = 1e-6: truncation O(h²·ℓ''') ~ 1e-12, rounding ~ ε·ℓ/h ~ 1e-10).
 */
function checkAgainstFiniteDifferences(run: RunState, tol: number): void {
  const g = analytic(run);
  const theta = run.model.params;
  const h = 1e-6;
  let checked = 0;
  for (let i = 0; i < theta.length; i++) {
    const t = theta[i];
    theta[i] = t + h;
    const up = lossAt(run);
    theta[i] = t - h;
    const down = lossAt(run);
    theta[i] = t;
    const fd = (up - down) / (2 * h);
    expect(Math.abs(fd - g[i]), `${run.name} θ[${i}]: fd ${fd} vs ${g[i]}`).toBeLessThanOrEqual(
      tol * Math.max(1, Math.abs(g[i])),
    );
    checked++;
  }
  expect(checked).toBe(theta.length);
}

const cases: { title: string; data: () => TrainData; model: ModelSpec; scale: number }[] = [
  { title: 'linear head, K = 1', data: () => smallData(), model: { kind: 'linear' }, scale: 1 },
  {
    title: 'linear head, K = 2',
    data: () => smallData({ classes: 2 }),
    model: { kind: 'linear' },
    scale: 1,
  },
  {
    title: 'mlp head (H = 5), K = 1',
    data: () => smallData(),
    model: { kind: 'mlp', hidden: 5 },
    scale: 1,
  },
  {
    title: 'mlp head (H = 3), K = 2',
    data: () => smallData({ classes: 2 }),
    model: { kind: 'mlp', hidden: 3 },
    scale: 1,
  },
  {
    title: 'free model, K = 2',
    data: () => freeData({ classes: 2 }),
    model: { kind: 'free' },
    scale: 0,
  },
];

describe('head gradients agree with finite differences of the loss', () => {
  for (const c of cases) {
    for (const name of ['dr', 'focal', 'bce'] as RunName[]) {
      it(`${c.title}: ${name}`, () => {
        const training = createTraining(spec(c.data(), { model: c.model, losses: [name] }));
        const run = training.runs[0];
        // away from W = 0 (where the mlp's hidden gradient vanishes) at seeded parameters
        if (c.scale > 0) randomize(run.model.params, 3, c.scale);
        checkAgainstFiniteDifferences(run, 1e-6);
      });
    }
  }
});

describe('ignored rows', () => {
  it('get zero ∂ℓ/∂x in every loss and contribute nothing to the head gradient', () => {
    const data = smallData();
    for (const name of ['dr', 'focal', 'bce'] as RunName[]) {
      const run = createTraining(spec(data, { losses: [name] })).runs[0];
      randomize(run.model.params, 5, 1);
      const g = analytic(run);
      const gx = run.loss.grad();
      for (const r of [5, 17, 29]) expect(gx[r]).toBe(0);
      // changing an ignored row's features changes nothing
      const moved = Float64Array.from(data.features as Float64Array);
      moved[2 * 5] += 10;
      moved[2 * 17 + 1] -= 7;
      const run2 = createTraining(spec({ ...data, features: moved }, { losses: [name] })).runs[0];
      run2.model.params.set(run.model.params);
      expect(Array.from(analytic(run2))).toEqual(Array.from(g));
    }
  });
});
