import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../../src/train/optim/createOptimizer.ts';

const grads = [
  [0.5, -1],
  [-0.25, 2],
  [0.125, 0],
];

function run(kind: Parameters<typeof createOptimizer>[0], lr: number): number[][] {
  const theta = Float64Array.of(1, -2);
  const opt = createOptimizer(kind, lr, 2);
  return grads.map((g) => {
    opt.step(theta, Float64Array.from(g));
    return Array.from(theta);
  });
}

describe('SGD with momentum (torch.optim.SGD)', () => {
  it('follows v ← μv + g, θ ← θ − ηv from v₀ = 0, as computed by hand (μ = 0.9, η = 0.1)', () => {
    // v1 = (0.5, −1)          θ1 = (0.95, −1.9)
    // v2 = (0.2, 1.1)         θ2 = (0.93, −2.01)
    // v3 = (0.305, 0.99)      θ3 = (0.8995, −2.109)
    const steps = run({ kind: 'sgd', momentum: 0.9 }, 0.1);
    const expected = [
      [0.95, -1.9],
      [0.93, -2.01],
      [0.8995, -2.109],
    ];
    steps.forEach((theta, t) => theta.forEach((x, i) => expect(x).toBeCloseTo(expected[t][i], 14)));
  });

  it('is plain gradient descent with μ = 0', () => {
    const steps = run({ kind: 'sgd', momentum: 0 }, 0.1);
    expect(steps[0]).toEqual([1 - 0.1 * 0.5, -2 - 0.1 * -1]);
    expect(steps[1]).toEqual([1 - 0.1 * 0.5 - 0.1 * -0.25, -2 - 0.1 * -1 - 0.1 * 2]);
  });
});

describe('Adam (torch.optim.Adam)', () => {
  it('matches the bias-corrected update computed by hand in 40-digit decimals (β 0.9, 0.999, ε 1e-8, η 0.1)', () => {
    // m ← β1 m + (1−β1) g, v ← β2 v + (1−β2) g², θ ← θ − η m̂/(√v̂ + ε), m̂ = m/(1−β1^t), v̂ = v/(1−β2^t)
    // the decimal results as text: more digits than a double holds
    const expected = [
      ['0.90000000199999996000000079999998', '-1.90000000099999999000000009999999'],
      ['0.87336629870784616255937640286534', '-1.93661035347207508820550714892714'],
      ['0.83932338491665396886029938670804', '-1.96491026200093054847372778277358'],
    ];
    const steps = run({ kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 0.1);
    steps.forEach((theta, t) =>
      theta.forEach((x, i) => expect(Math.abs(x - Number(expected[t][i]))).toBeLessThan(8e-16)),
    );
  });

  it('moves every parameter by η·g/(|g| + ε) on its first step (m̂ = g, v̂ = g²)', () => {
    const theta = Float64Array.of(3, 3, 3);
    const g = Float64Array.of(1e-3, -50, 0);
    createOptimizer({ kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 }, 0.01, 3).step(theta, g);
    expect(theta[0]).toBeCloseTo(3 - (0.01 * 1e-3) / (1e-3 + 1e-8), 15);
    expect(theta[1]).toBeCloseTo(3 + (0.01 * 50) / (50 + 1e-8), 15);
    expect(theta[2]).toBe(3);
  });
});
