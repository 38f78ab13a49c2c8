/**
 * Test vectors for another implementation's suite (`dr vectors`): our golden cases plus edge cases,
 * each with the engine's float64 loss, P̂±, gradient w.r.t. the logits, and the rounding bounds of
 * tolerance.ts at float64 and float32 (what a faithful port may differ by). Pure: the caller supplies
 * the golden cases' JSON and writes the result.
 */
import { drLoss } from '../engine/index.ts';
import { DEFAULT_PARAMS } from '../engine/index.ts';
import { parseCasesValue } from '../io/case.ts';
import type { ParsedCase } from '../io/case.ts';
import { evaluateReference } from './reference.ts';
import { errorBounds, FLOAT32, FLOAT64 } from './tolerance.ts';
import type { Bounds } from './tolerance.ts';

/** A case as JSON (the CLI's case format) with a name. */
export interface NamedCaseJson {
  readonly name: string;
  readonly logits: number[] | number[][];
  readonly targets: number[];
  readonly params: Record<string, number | string>;
}

type Grad = number[] | number[][];

/** One vector: the case, the expected outputs and the tolerances (absolute, per field). */
export interface Vector extends NamedCaseJson {
  readonly expected: { loss: number; pPlus: number; pMinus: number; grad: Grad };
  readonly tolerance: Readonly<
    Record<'float64' | 'float32', { loss: number; pPlus: number; pMinus: number; grad: Grad }>
  >;
}

/** The whole file. */
export interface VectorFile {
  readonly format: 'dr-loss-vectors/1';
  readonly about: string;
  readonly defaults: Record<string, number | string>;
  readonly cases: Vector[];
}

/** mulberry32: deterministic in every JavaScript engine (integer ops and one division only). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** R rows of K logits uniform in ±scale (rounded to 6 decimals, so the file stays readable). */
function randomLogits(u: () => number, R: number, K: number, scale: number): number[][] {
  return Array.from({ length: R }, () =>
    Array.from({ length: K }, () => Math.round((u() * 2 - 1) * scale * 1e6) / 1e6),
  );
}

/** Targets: ignored with probability pIgnored, a class with probability pPositive, else 0. */
function randomTargets(
  u: () => number,
  R: number,
  K: number,
  pIgnored: number,
  pPositive: number,
): number[] {
  return Array.from({ length: R }, () => {
    const v = u();
    return v < pIgnored ? -1 : v < pIgnored + pPositive ? 1 + Math.floor(u() * K) : 0;
  });
}

/**
 * The edge cases (docs/maths.md §1–3, §6): the sanity values, no positives, no negatives, ignored
 * rows, saturated logits, several classes, every surrogate, the hard-negative prior, extreme λ, τ = 0.
 */
export function edgeCases(): NamedCaseJson[] {
  const u = rng(20200613);
  const cases: NamedCaseJson[] = [
    {
      name: 'sanity-two-positives',
      logits: [2, -1, 0.5, -3, -2],
      targets: [1, 1, 0, 0, 0],
      params: {},
    },
    {
      name: 'no-positives-one-ignored',
      logits: [2, -1, 0.5, -3, -2],
      targets: [0, 0, 0, -1, 0],
      params: {},
    },
    { name: 'all-logits-zero', logits: [0, 0, 0, 0], targets: [1, 0, 0, 0], params: {} },
    {
      name: 'no-positives-three-classes',
      logits: randomLogits(u, 6, 3, 3),
      targets: [0, -1, 0, 0, -1, 0],
      params: {},
    },
    { name: 'no-negatives', logits: [0.3, -1.2, 2.5], targets: [1, 1, 1], params: {} },
    { name: 'single-positive-entry', logits: [[0.7]], targets: [1], params: {} },
    {
      name: 'half-ignored',
      logits: randomLogits(u, 12, 2, 4),
      targets: randomTargets(u, 12, 2, 0.5, 0.25),
      params: {},
    },
    {
      name: 'saturated-logits',
      logits: [
        [40, -40],
        [100, -100],
        [-35, 36],
        [0.5, -0.5],
        [20, -20],
      ],
      targets: [1, 0, 2, 0, -1],
      params: {},
    },
    {
      name: 'several-classes',
      logits: randomLogits(u, 30, 5, 4),
      targets: randomTargets(u, 30, 5, 0.1, 0.3),
      params: {},
    },
    ...(['logistic', 'quad', 'hinge'] as const).map((smoothing) => ({
      name: `surrogate-${smoothing}`,
      logits: randomLogits(u, 10, 2, 3),
      targets: randomTargets(u, 10, 2, 0.1, 0.3),
      params: smoothing === 'quad' ? { smoothing, rho: 0.2 } : { smoothing },
    })),
    {
      name: 'surrogate-quad-rho-0.5-wide-margin',
      logits: randomLogits(u, 10, 2, 3),
      targets: randomTargets(u, 10, 2, 0.1, 0.3),
      params: { smoothing: 'quad', rho: 0.5, margin: 1 },
    },
    {
      name: 'hard-negative-prior-k3',
      logits: randomLogits(u, 12, 2, 3),
      targets: randomTargets(u, 12, 2, 0.1, 0.25),
      params: { negTopK: 3 },
    },
    {
      name: 'small-lambdas',
      logits: randomLogits(u, 10, 3, 3),
      targets: randomTargets(u, 10, 3, 0.1, 0.3),
      params: { lambdaPos: 0.02, lambdaNeg: 0.01 },
    },
    {
      name: 'large-lambdas',
      logits: randomLogits(u, 10, 3, 3),
      targets: randomTargets(u, 10, 3, 0.1, 0.3),
      params: { lambdaPos: 100, lambdaNeg: 50 },
    },
    {
      name: 'paper-h-plus-5.5-h-minus-20-L-10-tau-1',
      logits: randomLogits(u, 10, 2, 3),
      targets: randomTargets(u, 10, 2, 0.1, 0.3),
      params: { lambdaPos: 1 / Math.log(5.5), lambdaNeg: 0.1 / Math.log(20), L: 10, tau: 1 },
    },
    { name: 'tau-zero', logits: [1, -1, 2], targets: [1, 0, 0], params: { tau: 0 } },
    {
      name: 'thousand-entries',
      logits: randomLogits(u, 250, 4, 5),
      targets: randomTargets(u, 250, 4, 0.05, 0.05),
      params: {},
    },
  ];
  return cases;
}

/** Flat (K = 1 given flat) or R rows of K, like the case's logits. */
function shaped(values: Float64Array, c: ParsedCase): Grad {
  if (c.flat) return Array.from(values);
  return Array.from({ length: c.R }, (_, r) => Array.from(values.subarray(r * c.K, (r + 1) * c.K)));
}

function toleranceJson(b: Bounds, c: ParsedCase) {
  return { loss: b.loss, pPlus: b.pPlus ?? 0, pMinus: b.pMinus ?? 0, grad: shaped(b.grad, c) };
}

/**
 * The vector file: `golden` (the golden cases' JSON array, named golden-0…) then edgeCases().
 * Throws if a case does not parse (they are ours: that is a bug, not bad input).
 */
export function buildVectors(golden: readonly unknown[]): VectorFile {
  const named: NamedCaseJson[] = [
    ...golden.map((g, i) => {
      const { logits, targets, params } = g as NamedCaseJson;
      return { name: `golden-${i}`, logits, targets, params: params ?? {} };
    }),
    ...edgeCases(),
  ];
  const parsed = parseCasesValue(
    named.map(({ logits, targets, params }) => ({ logits, targets, params })),
  );
  if (!parsed.ok) throw new Error(`vectors: ${parsed.error}`);
  const cases = parsed.cases.map((c, i): Vector => {
    const { result, gradLogits } = drLoss(c.logits, c.targets, c.K, c.params);
    const trace = evaluateReference(c, null);
    return {
      ...named[i],
      expected: {
        loss: result.loss,
        pPlus: result.pPlus,
        pMinus: result.pMinus,
        grad: shaped(gradLogits, c),
      },
      tolerance: {
        float64: toleranceJson(errorBounds(trace, c.params, FLOAT64), c),
        float32: toleranceJson(errorBounds(trace, c.params, FLOAT32), c),
      },
    };
  });
  const d = DEFAULT_PARAMS;
  return {
    format: 'dr-loss-vectors/1',
    about:
      'DR loss (Qian et al., CVPR 2020) test vectors from DR Loss Explorer: expected = the official SigmoidDRLoss semantics in float64 (loss, P̂+, P̂−, d loss / d logits); tolerance = absolute bounds a faithful float64 or float32 port stays within (docs/cli.md). Targets: 0 background, 1..K class, negative = ignored.',
    defaults: {
      margin: d.margin,
      lambdaPos: d.lambdaPos,
      lambdaNeg: d.lambdaNeg,
      L: d.L,
      tau: d.tau,
      rho: d.rho,
      smoothing: d.smoothing,
    },
    cases,
  };
}
