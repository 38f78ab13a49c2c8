import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/cli/format.ts';
import { DEFAULT_PARAMS } from '../../src/engine/index.ts';
import {
  DEFAULT_LR,
  parseTrainSpec,
  parseTrainSpecText,
  trainOutputJson,
  trainRuns,
} from '../../src/train/index.ts';
import type { TrainSpec } from '../../src/train/index.ts';

const features = [
  [0, 1],
  [2, 0.5],
  [1, 1],
  [-1, 0],
];
const targets = [0, 1, 0, -3];

function ok(value: unknown): TrainSpec {
  const r = parseTrainSpec(value);
  if (!r.ok) throw new Error(r.error);
  return r.spec;
}

function error(value: unknown): string {
  const r = parseTrainSpec(value);
  if (r.ok) throw new Error('expected an error');
  return r.error;
}

describe('parseTrainSpec', () => {
  it('fills the defaults: linear head with features, all three runs, Adam, the paper’s DR params, π 0.5/0.01/0.01, 200 steps', () => {
    const s = ok({ features, targets });
    expect(s.model).toEqual({ kind: 'linear' });
    expect(s.losses).toEqual(['dr', 'focal', 'bce']);
    expect(s.optimizer).toEqual({ kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    expect(s.lr).toEqual(DEFAULT_LR.adam);
    expect(s.prior).toEqual({ dr: 0.5, focal: 0.01, bce: 0.01 });
    expect(s.params).toEqual(DEFAULT_PARAMS);
    expect(s.focal).toEqual({ alpha: 0.25, gamma: 2 });
    expect(s.steps).toBe(200);
    expect(s.data.d).toBe(2);
    expect(s.data.K).toBe(1);
    // any negative target means ignored
    expect(Array.from(s.data.targets)).toEqual([0, 1, 0, -1]);
  });

  it('reads every field: free model with R×K logits, losses, params, focal, SGD, lr, prior, steps, seed', () => {
    const s = ok({
      targets: [0, 2, 1],
      logits: [
        [0, 1],
        [2, 3],
        [4, 5],
      ],
      losses: ['bce', 'dr'],
      params: { lambdaNeg: 0.2, negTopK: 2 },
      focal: { alpha: 0.5, gamma: 1 },
      optimizer: { kind: 'sgd' },
      lr: { dr: 0.5 },
      prior: { focal: 0.1 },
      steps: 3,
      seed: 9,
      metricsEvery: 2,
    });
    expect(s.model).toEqual({ kind: 'free' });
    expect(s.data.K).toBe(2);
    expect(Array.from(s.data.logits ?? [])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(s.losses).toEqual(['dr', 'bce']);
    expect(s.params.lambdaNeg).toBe(0.2);
    expect(s.params.original).toEqual({ kind: 'hardNegative', k: 2 });
    expect(s.focal).toEqual({ alpha: 0.5, gamma: 1 });
    expect(s.optimizer).toEqual({ kind: 'sgd', momentum: 0.9 });
    expect(s.lr).toEqual({ ...DEFAULT_LR.sgd, dr: 0.5 });
    expect(s.prior).toEqual({ dr: 0.5, focal: 0.1, bce: 0.01 });
    expect([s.steps, s.seed, s.metricsEvery]).toEqual([3, 9, 2]);
    expect(ok({ features, targets, model: { hidden: 4 } }).model).toEqual({
      kind: 'mlp',
      hidden: 4,
    });
  });

  it('names the field in one line for each kind of bad input', () => {
    const cases: [unknown, RegExp][] = [
      [[1], /^input: expected a spec object/],
      [{ features }, /^targets: missing/],
      [{ targets: [] }, /^targets must be a non-empty array/],
      [{ targets: [0, 1.5], logits: [0, 0] }, /^targets\[1\] is not an integer/],
      [{ targets: [0, 2], logits: [0, 0] }, /^targets\[1\] = 2 is out of range/],
      [{ targets }, /^logits: missing/],
      [{ targets, model: 'linear' }, /^features: missing/],
      [{ targets, features: features.slice(1) }, /^features has 3 rows but targets has 4/],
      [{ targets, features: [[0, 1], [2], [1, 1], [0, 0]] }, /^features\[1\] has 1 entries/],
      [
        {
          targets,
          features: [
            [0, 1],
            [2, '3'],
            [1, 1],
            [0, 0],
          ],
        },
        /^features\[1\]\[1\] is not a finite number \(got "3", a string/,
      ],
      [{ targets, features, logits: [0, 0, 0, 0] }, /^logits: only for model "free"/],
      [{ targets, logits: [0, 0, 'x', 0] }, /^logits\[2\] is not a finite number/],
      [{ targets, logits: [0, 0, 0, 0], classes: 2 }, /^classes = 2 but logits is a flat list/],
      [{ targets, features, model: 'deep' }, /^model must be "free", "linear" or \{"hidden": H\}/],
      [{ targets, features, model: { hidden: 0 } }, /^model\.hidden = 0 is out of range/],
      [{ targets, features, losses: ['dr', 'dr'] }, /^losses\[1\] = "dr" is listed twice/],
      [{ targets, features, losses: ['ce'] }, /^losses\[0\] must be "dr", "focal" or "bce"/],
      [{ targets, features, params: { lambdaNeg: 0 } }, /^params\.lambdaNeg = 0 is out of range/],
      [{ targets, features, focal: { alpha: 2 } }, /^focal\.alpha = 2 is out of range/],
      [
        { targets, features, optimizer: { kind: 'rmsprop' } },
        /^optimizer\.kind must be "sgd" or "adam"/,
      ],
      [
        { targets, features, optimizer: { kind: 'adam', beta2: 1 } },
        /^optimizer\.beta2 = 1 is out of range/,
      ],
      [
        { targets, features, optimizer: { kind: 'sgd', nesterov: true } },
        /^optimizer\.nesterov is not a known field/,
      ],
      [{ targets, features, lr: { dr: 0 } }, /^lr\.dr = 0 is out of range/],
      [{ targets, features, lr: { ce: 1 } }, /^lr\.ce is not a known field/],
      [{ targets, features, prior: { focal: 1 } }, /^prior\.focal = 1 is out of range/],
      [{ targets, features, steps: -1 }, /^steps = -1 is out of range/],
      [{ targets, features, steps: 2.5 }, /^steps is not an integer/],
      [{ targets, features, metricsEvery: 0 }, /^metricsEvery = 0 is out of range/],
      [{ targets, features, stpes: 3 }, /^stpes is not a known field/],
    ];
    for (const [value, pattern] of cases) {
      const e = error(value);
      expect(e, JSON.stringify(value)).toMatch(pattern);
      expect(e).not.toMatch(/\n/);
    }
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseTrainSpec(v);
        expect(typeof r.ok).toBe('boolean');
      }),
      { seed: 11, numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.record(
          {
            targets: fc.array(fc.oneof(fc.integer({ min: -2, max: 3 }), fc.jsonValue()), {
              maxLength: 5,
            }),
            features: fc.jsonValue(),
            logits: fc.jsonValue(),
            model: fc.oneof(fc.constantFrom('free', 'linear'), fc.jsonValue()),
            lr: fc.jsonValue(),
          },
          { requiredKeys: [] },
        ),
        (v) => {
          expect(typeof parseTrainSpec(v).ok).toBe('boolean');
        },
      ),
      { seed: 12, numRuns: 500 },
    );
  });

  it('reads JSON text, skipping a byte-order mark, and reports bad JSON in one line', () => {
    expect(parseTrainSpecText(`\ufeff${JSON.stringify({ features, targets })}`).ok).toBe(true);
    const bad = parseTrainSpecText('{"targets": [0,');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^input: not valid JSON/);
    const empty = parseTrainSpecText('  ');
    expect(empty.ok ? '' : empty.error).toMatch(/^input: empty/);
  });

  it('gives a spec whose output has S+1 exact doubles per series', () => {
    const out = trainOutputJson(trainRuns(ok({ features, targets, steps: 2 })));
    const dr = out.runs.dr as Record<string, number[]>;
    expect(dr.loss).toHaveLength(3);
    expect(dr.loss.every((x) => Number.isFinite(x))).toBe(true);
  });
});

describe('trainOutputJson through the CLI formatter', () => {
  it('prints every number as the exact double: the text parses back to the same bits', () => {
    const result = trainRuns(ok({ features, targets, steps: 5, model: { hidden: 2 } }));
    const out = trainOutputJson(result);
    const back = JSON.parse(formatJson(out)) as typeof out;
    expect(back).toEqual(out);
    const dr = back.runs.dr as { loss: number[] };
    expect(dr.loss).toEqual(result.runs.dr?.loss);
  });
});
