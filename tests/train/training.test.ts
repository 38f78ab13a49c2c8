import { describe, expect, it } from 'vitest';
import { generateAnchors } from '../../src/data/anchors.ts';
import {
  TrainDivergedError,
  createTraining,
  logitsAtStep,
  priorLogit,
  stepTraining,
  suggestedMetricsEvery,
  trainDataFromAnchors,
  trainOutputJson,
  trainRuns,
} from '../../src/train/index.ts';
import type { ModelSpec, TrainData, TrainResult } from '../../src/train/index.ts';
import { freeData, smallData, spec } from './fixtures.ts';

/** A 2,000-anchor default-shaped set (1:50), seeded. */
function fixture(): TrainData {
  return trainDataFromAnchors(generateAnchors({ anchors: 2000, imbalance: 50, seed: 3 }));
}

/** Every number of a result as its 64 bits (so −0, NaN and the last bit all count). */
function bits(result: TrainResult): string[] {
  const out: string[] = [];
  const view = new DataView(new ArrayBuffer(8));
  const walk = (v: unknown): void => {
    if (typeof v === 'number') {
      view.setFloat64(0, v);
      out.push(view.getBigUint64(0).toString(16));
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(result.runs);
  return out;
}

describe('training decreases each loss on a seeded fixture', () => {
  const models: ModelSpec[] = [{ kind: 'linear' }, { kind: 'mlp', hidden: 6 }];
  for (const model of models) {
    it(`${model.kind}: DR, focal and BCE each end lower than they start and rank better (100 steps)`, () => {
      const result = trainRuns(spec(fixture(), { model, steps: 100 }));
      for (const name of ['dr', 'focal', 'bce'] as const) {
        const r = result.runs[name];
        expect(r, name).toBeDefined();
        if (r === undefined) continue;
        expect(r.loss[100], name).toBeLessThan(0.8 * r.loss[0]);
        expect(r.ap[100], name).toBeGreaterThan(r.ap[0] + 0.3);
        expect(r.auc[100], name).toBeGreaterThan(0.95);
      }
    });
  }

  it('free model: every loss decreases on seeded logits, with SGD and with Adam', () => {
    for (const optimizer of [
      { kind: 'sgd', momentum: 0.9 },
      { kind: 'adam', beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    ] as const) {
      const result = trainRuns(spec(freeData(), { optimizer, steps: 50 }));
      for (const name of ['dr', 'focal', 'bce'] as const) {
        const loss = result.runs[name]?.loss ?? [];
        expect(loss[50], `${optimizer.kind} ${name}`).toBeLessThan(loss[0]);
      }
    }
  });
});

describe('initialisation', () => {
  it('starts the linear head at W = 0, b = log(π/(1−π)) per run: DR at π = ½ gives the paper’s ≈ 2 (4·log(1+e³)/6)', () => {
    const training = createTraining(spec(fixture(), { steps: 0 }));
    for (const run of training.runs) {
      const bias = priorLogit(training.spec.prior[run.name]);
      expect(Array.from(run.model.params)).toEqual([0, 0, bias]);
      expect(run.logits.every((x) => x === bias)).toBe(true);
    }
    expect(training.runs[0].latest.loss).toBeCloseTo((4 * Math.log1p(Math.exp(3))) / 6, 12);
    expect(priorLogit(0.01)).toBe(Math.log(0.01 / 0.99));
  });

  it('gives the mlp the same Glorot-uniform hidden weights in every run, within ±√(6/(d+H))', () => {
    const training = createTraining(
      spec(fixture(), { model: { kind: 'mlp', hidden: 4 }, steps: 0 }),
    );
    const [a, b, c] = training.runs.map((r) => Array.from(r.model.params.subarray(0, 8)));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const bound = Math.sqrt(6 / (2 + 4));
    expect(a.every((w) => Math.abs(w) <= bound && w !== 0)).toBe(true);
  });

  it('starts the free model at the given logits and leaves ignored rows where they are', () => {
    const data = freeData();
    const result = createTraining(spec(data, { steps: 5 }));
    expect(Array.from(result.runs[0].logits)).toEqual(Array.from(data.logits ?? []));
    for (let s = 0; s < 5; s++) stepTraining(result);
    for (const run of result.runs) {
      for (const r of [5, 17, 29]) expect(run.logits[r]).toBe(data.logits?.[r]);
    }
  });
});

describe('determinism and the step-wise API', () => {
  it('two trainings of the same spec are bit-identical (every series and final parameter)', () => {
    const s = spec(fixture(), { model: { kind: 'mlp', hidden: 5 }, steps: 30 });
    expect(bits(trainRuns(s))).toEqual(bits(trainRuns(s)));
  });

  it('stepping createTraining by hand records what trainRuns returns', () => {
    const s = spec(smallData({ classes: 2 }), { steps: 12 });
    const whole = trainRuns(s);
    const training = createTraining(s);
    for (let i = 0; i < 12; i++) stepTraining(training);
    for (const run of training.runs) {
      expect(run.series.loss).toEqual(whole.runs[run.name]?.loss);
      expect(run.series.ap).toEqual(whole.runs[run.name]?.ap);
      expect(run.latest.step).toBe(12);
      expect(run.latest.loss).toBe(run.series.loss[12]);
    }
  });

  it('with metricsEvery = k, AP and AUC are NaN (null in the output) off the sampled steps and equal elsewhere', () => {
    const every = trainRuns(spec(smallData(), { steps: 7 }));
    const sampled = trainRuns(spec(smallData(), { steps: 7, metricsEvery: 3 }));
    const ap = sampled.runs.dr?.ap ?? [];
    expect(ap.map((x) => Number.isNaN(x))).toEqual([
      false,
      true,
      true,
      false,
      true,
      true,
      false,
      false,
    ]);
    for (const t of [0, 3, 6, 7]) expect(ap[t]).toBe(every.runs.dr?.ap[t]);
    expect(sampled.runs.dr?.loss).toEqual(every.runs.dr?.loss);
    const json = trainOutputJson(sampled).runs.dr as { ap: (number | null)[] };
    expect(json.ap[1]).toBeNull();
  });
});

describe('divergence', () => {
  it('throws a TrainDivergedError naming the run’s learning rate when its loss stops being finite', () => {
    const s = spec(smallData(), {
      losses: ['focal'],
      optimizer: { kind: 'sgd', momentum: 0.9 },
      lr: { focal: 1e308 },
      steps: 20,
    });
    expect(() => trainRuns(s)).toThrow(TrainDivergedError);
    expect(() => trainRuns(s)).toThrow(
      /^lr\.focal: the focal run diverged \(the (loss is|parameters are) not finite at step \d+\)/,
    );
  });
});

describe('output object', () => {
  it('has S+1 values per series, P̂± for DR only, and W, b (plus the hidden layer for mlp)', () => {
    const S = 4;
    const linear = trainOutputJson(trainRuns(spec(smallData({ classes: 2 }), { steps: S })));
    expect(Object.keys(linear.runs)).toEqual(['dr', 'focal', 'bce']);
    const dr = linear.runs.dr as Record<string, unknown>;
    for (const key of ['loss', 'ap', 'auc', 'pPlus', 'pMinus'])
      expect((dr[key] as number[]).length).toBe(S + 1);
    for (const key of ['precision', 'recall']) {
      const byT = dr[key] as Record<string, number[]>;
      expect(Object.keys(byT)).toEqual(['0.05', '0.5']);
      expect(byT['0.05'].length).toBe(S + 1);
    }
    expect(dr.W).toHaveLength(2);
    expect((dr.W as number[][])[0]).toHaveLength(2);
    expect(dr.b).toHaveLength(2);
    expect(Object.keys(linear.runs.focal as object)).toEqual([
      'loss',
      'ap',
      'auc',
      'precision',
      'recall',
      'W',
      'b',
    ]);

    const mlp = trainOutputJson(
      trainRuns(
        spec(smallData(), { steps: 1, model: { kind: 'mlp', hidden: 3 }, losses: ['bce'] }),
      ),
    );
    expect(Object.keys(mlp.runs)).toEqual(['bce']);
    const bce = mlp.runs.bce as Record<string, unknown>;
    expect(bce.W).toEqual([expect.any(Array)]);
    expect((bce.W as number[][])[0]).toHaveLength(3);
    expect(bce.hiddenW).toHaveLength(3);
    expect(bce.hiddenB).toHaveLength(3);

    const free = trainOutputJson(trainRuns(spec(freeData(), { steps: 1 })));
    expect(Object.keys(free.runs.dr as object)).toEqual([
      'loss',
      'ap',
      'auc',
      'precision',
      'recall',
      'pPlus',
      'pMinus',
    ]);
  });
});

describe('suggestedMetricsEvery', () => {
  it('keeps AP/AUC at every step up to 10⁵ entries and samples them above (every 10 steps at 10⁶)', () => {
    expect(suggestedMetricsEvery(1)).toBe(1);
    expect(suggestedMetricsEvery(100_000)).toBe(1);
    expect(suggestedMetricsEvery(100_001)).toBe(2);
    expect(suggestedMetricsEvery(1_000_000)).toBe(10);
  });
});

describe('logitsAtStep', () => {
  it('gives a head run’s logits at any recorded step and leaves the training to continue bit for bit', () => {
    const s = spec(smallData(), { model: { kind: 'mlp', hidden: 3 }, steps: 6 });
    const plain = createTraining(s);
    const probed = createTraining(s);
    const initial = probed.runs.map((r) => Array.from(r.logits));
    const out = new Float64Array(s.data.R);
    for (let i = 0; i < 6; i++) {
      stepTraining(plain);
      stepTraining(probed);
      probed.runs.forEach((run, k) => {
        expect(logitsAtStep(run, 0, out)).toBe(true);
        expect(Array.from(out)).toEqual(initial[k]);
        expect(logitsAtStep(run, probed.step, out)).toBe(true);
        expect(Array.from(out)).toEqual(Array.from(run.logits));
      });
    }
    probed.runs.forEach((run, k) => {
      expect(run.series.loss).toEqual(plain.runs[k].series.loss);
      expect(Array.from(run.model.params)).toEqual(Array.from(plain.runs[k].model.params));
      expect(logitsAtStep(run, 7, out)).toBe(false);
    });
    expect(logitsAtStep(createTraining(spec(freeData(), { steps: 1 })).runs[0], 0, out)).toBe(
      false,
    );
  });
});
