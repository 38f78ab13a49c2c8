import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createWorkspace, evaluate, pool } from '../../src/engine/index.ts';
import { binOf, explain, explainPrepared, prepare } from '../../src/explain/index.ts';
import { hardestCount } from '../../src/explain/sortedSet.ts';
import { DEFAULT_APP_PARAMS, toEngineParams } from '../../src/params/table.ts';
import type { AppParams } from '../../src/params/types.ts';
import type { CandidateSet } from '../../src/data/types.ts';
import type { ExplainerData } from '../../src/explain/types.ts';

const set = (logits: number[], targets: number[], K = 1): CandidateSet => ({
  R: targets.length,
  K,
  logits: Float64Array.from(logits),
  targets: Int32Array.from(targets),
});
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
const P: AppParams = { ...DEFAULT_APP_PARAMS };

/** Every number reachable in an ExplainerData, with its path. */
function numbers(x: unknown, path = ''): [string, number][] {
  if (typeof x === 'number') return [[path, x]];
  if (ArrayBuffer.isView(x)) return Array.from(x as Float64Array, (v, i) => [`${path}[${i}]`, v]);
  if (x && typeof x === 'object') {
    return Object.entries(x).flatMap(([k, v]) => numbers(v, path ? `${path}.${k}` : k));
  }
  return [];
}

describe('explain: the sanity values of docs/maths.md §6', () => {
  it('logits [2, −1, 0.5, −3, −2], targets [1, 1, 0, 0, 0]: DR 2.5625233, P̂+ 0.484092, P̂− 0.621115', () => {
    const d = explain(set([2, -1, 0.5, -3, -2], [1, 1, 0, 0, 0]), P);
    expect(d.result.loss).toBeCloseTo(2.5625233, 6);
    expect(d.result.pPlus).toBeCloseTo(0.484092, 6);
    expect(d.result.pMinus).toBeCloseTo(0.621115, 6);
  });

  it('targets [0, 0, 0, −1, 0]: the ignored entry is absent and ∂DR/∂x matches §6 to 1e-8', () => {
    const d = explain(set([2, -1, 0.5, -3, -2], [0, 0, 0, -1, 0]), P);
    expect(d.result.loss).toBeCloseTo(1.5512754, 6);
    expect(Array.from(d.detail!.index)).toEqual([0, 1, 2, 4]);
    const want = [0.41055034, -0.00209256, -0.06765442, -0.00022034];
    d.detail!.gradLogit.forEach((g, k) => expect(Math.abs(g - want[k])).toBeLessThan(1e-8));
  });
});

describe('explain: per-entry detail', () => {
  const d = explain(set([2, -1, 0.5, -3, -2, 1, 0, -4, 3], [1, 0, 3], 3), P);

  it('lists the non-ignored entries in flat-index order with row, class, label and p = σ(logit)', () => {
    const s = set([0.3, -1, 2, 0.1, -0.5, 4], [2, 0, -1], 2);
    const e = explain(s, P).detail!;
    expect(Array.from(e.index)).toEqual([0, 1, 2, 3]);
    expect(Array.from(e.row)).toEqual([0, 0, 1, 1]);
    expect(Array.from(e.cls)).toEqual([0, 1, 0, 1]);
    expect(Array.from(e.positive)).toEqual([0, 1, 0, 0]);
    e.p.forEach((p, k) => expect(p).toBeCloseTo(sigmoid(s.logits[e.index[k]]), 14));
  });

  it('q and o each sum to 1 over the positives and over the negatives', () => {
    const e = d.detail!;
    for (const label of [0, 1]) {
      const pick = (a: Float64Array) => a.filter((_, k) => e.positive[k] === label);
      expect(sum(pick(e.q))).toBeCloseTo(1, 12);
      expect(sum(pick(e.o))).toBeCloseTo(1, 12);
    }
  });

  it('the histograms hold the same counts and q-mass as the detail, bin by bin', () => {
    const e = d.detail!;
    for (const [summary, label] of [
      [d.pos, 1],
      [d.neg, 0],
    ] as const) {
      const count = new Float64Array(40);
      const q = new Float64Array(40);
      e.p.forEach((p, k) => {
        if (e.positive[k] !== label) return;
        const b = Math.min(39, Math.floor(p * 40));
        count[b]++;
        q[b] += e.q[k];
      });
      expect(Array.from(summary.hist.count)).toEqual(Array.from(count));
      summary.hist.qMass.forEach((m, b) => expect(m).toBeCloseTo(q[b], 14));
      expect(summary.hist.edges[0]).toBe(0);
      expect(summary.hist.edges[40]).toBe(1);
    }
  });

  it('pairGradP counts the violated pairs of each entry (negative +, positive −), as a double loop', () => {
    const s = set([2, -1, 0.5, -3, -2, 1.2, 0.1], [1, 1, 0, 0, 0, 1, 0]);
    const e = explain(s, P).detail!;
    const pos = [...e.p].filter((_, k) => e.positive[k] === 1);
    const neg = [...e.p].filter((_, k) => e.positive[k] === 0);
    e.p.forEach((p, k) => {
      const want =
        e.positive[k] === 1
          ? -neg.filter((n) => n - p + P.margin > 0).length
          : pos.filter((q) => p - q + P.margin > 0).length;
      expect(e.pairGradP[k]).toBe(want);
    });
  });

  it('detail is null above the detail limit while every summary stays the same', () => {
    const s = set([2, -1, 0.5, -3, -2, 1.2, 0.1], [1, 1, 0, 0, 0, 1, 0]);
    const full = explain(s, P);
    const lean = explain(s, P, { detailLimit: 6 });
    expect(lean.detail).toBeNull();
    expect({ ...lean, detail: null }).toEqual({ ...full, detail: null });
  });
});

describe('explain: the comparison objectives', () => {
  const s = set([2, -1, 0.5, -3, -2, 1.2, 0.1, -0.3], [1, 1, 0, 0, 0, 1, 0, 0]);
  const d = explain(s, P);
  const p = Array.from(s.logits, sigmoid);
  const pos = p.filter((_, r) => s.targets[r] === 1);
  const neg = p.filter((_, r) => s.targets[r] === 0);

  it('pairwise: Σ over all n+·n− pairs of [p− − p+ + γ]+, with the violating count (Eq. 3/4)', () => {
    let loss = 0;
    let violating = 0;
    for (const a of pos)
      for (const b of neg) {
        const z = b - a + P.margin;
        if (z > 0) {
          loss += z;
          violating++;
        }
      }
    expect(d.pairwise.loss).toBeCloseTo(loss, 12);
    expect(d.pairwise.violating).toBe(violating);
    expect(d.pairwise.pairs).toBe(pos.length * neg.length);
  });

  it('worst case: max p−, min p+ and τ·ℓ(max p− − min p+ + γ) with the logistic ℓ (Eq. 5)', () => {
    const z = Math.max(...neg) - Math.min(...pos) + P.margin;
    expect(d.worstCase.maxNeg).toBe(Math.max(...neg));
    expect(d.worstCase.minPos).toBe(Math.min(...pos));
    expect(d.worstCase.loss).toBeCloseTo((P.tau * Math.log1p(Math.exp(P.L * z))) / P.L, 12);
  });

  it('BCE: total Σ −log p+ − Σ log(1 − p−), and the negatives’ part (Eq. 1–2)', () => {
    const fromNeg = -sum(neg.map((v) => Math.log(1 - v)));
    expect(d.bce!.fromNeg).toBeCloseTo(fromNeg, 12);
    expect(d.bce!.total).toBeCloseTo(fromNeg - sum(pos.map(Math.log)), 12);
  });

  it('recovery: positives with p ≥ γ and negatives with p ≤ 1 − γ (§3.3)', () => {
    expect(d.recovery).toEqual({
      posAbove: pos.filter((v) => v >= P.margin).length,
      posTotal: pos.length,
      negBelow: neg.filter((v) => v <= 1 - P.margin).length,
      negTotal: neg.length,
    });
  });

  it('plain means, minima and maxima of each set', () => {
    expect(d.pos.mean).toBeCloseTo(sum(pos) / pos.length, 14);
    expect(d.neg.mean).toBeCloseTo(sum(neg) / neg.length, 14);
    expect(d.neg.max).toBe(Math.max(...neg));
    expect(d.pos.min).toBe(Math.min(...pos));
  });
});

describe('explain: hardest 1 % of negatives', () => {
  it('takes ⌈1 %⌉ of the negatives, at least one', () => {
    expect(hardestCount(0)).toBe(0);
    expect(hardestCount(5)).toBe(1);
    expect(hardestCount(100)).toBe(1);
    expect(hardestCount(101)).toBe(2);
  });

  it('with 5 negatives it is the highest-scoring negative’s share of Σ|∂DR/∂x| over negatives', () => {
    const d = explain(set([2, -1, 0.5, -3, -2, 0.4], [1, 1, 0, 0, 0, 0]), P);
    const e = d.detail!;
    const negs = [...e.p.keys()].filter((k) => e.positive[k] === 0);
    const top = negs.reduce((a, b) => (e.p[b] > e.p[a] ? b : a));
    const total = sum(negs.map((k) => Math.abs(e.gradLogit[k])));
    expect(d.hardestShare).toBeCloseTo(Math.abs(e.gradLogit[top]) / total, 14);
  });

  it('is 0 without negatives', () => {
    expect(explain(set([1, 2], [1, 1]), P).hardestShare).toBe(0);
  });
});

describe('explain: empty sets follow the official code', () => {
  it('no positives: P̂+ = 1, min p+ reported as 1, empty positive summary with zero masses', () => {
    const d = explain(set([0.3, -1, 2], [0, 0, -1]), P);
    expect(d.result.pPlus).toBe(1);
    expect(d.worstCase.minPos).toBe(1);
    expect(d.pos).toMatchObject({ n: 0, mean: 0, min: 0, max: 0 });
    expect(sum(d.pos.hist.oMass)).toBe(0);
    expect(d.pairwise).toEqual({ loss: 0, violating: 0, pairs: 0 });
  });

  it('no negatives: P̂− = 0, max p− reported as 0', () => {
    const d = explain(set([0.3, -1], [1, 1]), P);
    expect(d.result.pMinus).toBe(0);
    expect(d.worstCase.maxNeg).toBe(0);
    expect(d.neg.n).toBe(0);
  });
});

describe('explain: hard-negative original distribution', () => {
  it('o is 1/n̂ on the n̂ highest-scoring negatives and 0 on the rest; positives stay uniform', () => {
    const s = set([2, -1, 0.5, -3, -2, 0.4, 1.5], [1, 0, 0, 0, 0, 0, 1]);
    const d = explain(s, { ...P, original: 'hardNegative', hardK: 2 });
    const e = d.detail!;
    const o = (flat: number) => e.o[Array.from(e.index).indexOf(flat)];
    expect(o(2)).toBeCloseTo(0.5, 15); // p = σ(0.5), highest negative
    expect(o(5)).toBeCloseTo(0.5, 15); // σ(0.4), second
    for (const flat of [1, 3, 4]) expect(o(flat)).toBe(0);
    expect(o(0)).toBeCloseTo(0.5, 15);
    expect(sum(d.neg.hist.oMass)).toBeCloseTo(1, 14);
  });
});

describe('explain: purity', () => {
  it('a prepared set re-explained under new parameters equals a fresh explanation', () => {
    const s = set([2, -1, 0.5, -3, -2, 0.4], [1, 1, 0, 0, 0, 0]);
    const prep = prepare(s);
    const first = explainPrepared(prep, P);
    const snapshot = structuredClone(first);
    const other: AppParams = { ...P, lambdaNeg: 0.5, margin: 0.3, smoothing: 'quad' };
    expect(explainPrepared(prep, other)).toEqual(explain(s, other));
    // The first result owns its arrays: re-using the workspace did not change it.
    expect(first).toEqual(snapshot);
  });

  it('owns every buffer it returns: none shared within a result or with a later one (safe to transfer)', () => {
    const prep = prepare(set([2, -1, 0.5, -3, -2, 0.4], [1, 1, 0, 0, 0, 0]));
    const buffers = (d: ExplainerData): ArrayBufferLike[] => {
      const out: ArrayBufferLike[] = [];
      const walk = (x: unknown) => {
        if (ArrayBuffer.isView(x)) out.push(x.buffer);
        else if (x && typeof x === 'object') Object.values(x).forEach(walk);
      };
      walk(d);
      return out;
    };
    const a = buffers(explainPrepared(prep, P));
    const b = buffers(explainPrepared(prep, { ...P, lambdaPos: 0.3 }));
    expect(new Set(a).size).toBe(a.length);
    expect(a.length).toBeGreaterThan(20);
    for (const buf of b) expect(a).not.toContain(buf);
    for (const buf of [prep.ws.qPos, prep.ws.qNeg, prep.ws.gradLogits].map((v) => v.buffer))
      expect(a).not.toContain(buf);
  });

  it('never yields NaN or ±Infinity for finite logits, any labels, any parameters in range', () => {
    const arb = fc.record({
      rows: fc.array(
        fc.tuple(fc.double({ min: -40, max: 40, noNaN: true }), fc.integer({ min: -1, max: 1 })),
        { minLength: 0, maxLength: 30 },
      ),
      lambdaNeg: fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
      lambdaPos: fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
      margin: fc.double({ min: 0, max: 1, noNaN: true }),
      smoothing: fc.constantFrom('logistic', 'quad', 'hinge' as const),
      original: fc.constantFrom('uniform', 'hardNegative' as const),
      hardK: fc.integer({ min: 1, max: 10 }),
    });
    fc.assert(
      fc.property(arb, (a) => {
        const { rows, ...chosen } = a;
        const d: ExplainerData = explain(
          set(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
          ),
          { ...P, ...chosen },
        );
        for (const [path, v] of numbers(d)) expect(Number.isFinite(v), path).toBe(true);
        expect(d.hardestShare).toBeGreaterThanOrEqual(0);
        expect(d.hardestShare).toBeLessThanOrEqual(1);
      }),
      { seed: 20200, numRuns: 120 },
    );
  });
});

describe('explain: histogram helpers', () => {
  it('bins p into 40 equal bins on [0, 1]: edges go up, p = 1 into the last bin', () => {
    expect(binOf(0, 40)).toBe(0);
    expect(binOf(0.025, 40)).toBe(1);
    expect(binOf(0.0249999, 40)).toBe(0);
    expect(binOf(1, 40)).toBe(39);
    expect(binOf(-0.1, 40)).toBe(0);
    expect(binOf(1.5, 40)).toBe(39);
  });
});

/** A one-class set of n candidates, logits ~ N(mu, sd²), every `every`-th positive (seeded). */
function gaussianSet(n: number, seed: number, mu: number, sd: number, every = 50): CandidateSet {
  let a = seed >>> 0;
  const u = () => ((a = (Math.imul(a, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const logits = Float64Array.from({ length: n }, () => {
    const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    return mu + sd * z;
  });
  return set(
    Array.from(logits),
    Array.from({ length: n }, (_, r) => (r % every === 0 ? 1 : 0)),
  );
}

/**
 * The per-entry definitions, from a full engine evaluate: q-mass per bin Σ_{j in b} q_j, and the
 * hardest-1 % share Σ_{top ⌈1 %⌉ by p, ties to the lower position} |∂DR/∂logit| / Σ |∂DR/∂logit|,
 * all sums compensated.
 */
function perEntry(s: CandidateSet, params: AppParams) {
  const pooled = pool(s.logits, s.targets, s.K);
  const ws = createWorkspace(pooled);
  const result = evaluate(pooled, toEngineParams(params), ws);
  const mass = (p: Float64Array, q: Float64Array) => {
    const terms: number[][] = Array.from({ length: 40 }, () => []);
    p.forEach((v, j) => terms[binOf(v, 40)].push(q[j]));
    return terms.map(fsum);
  };
  const { pNeg } = pooled;
  const g = Array.from(pNeg, (p, j) => Math.abs(ws.gradPNeg[j] * p * (1 - p)));
  const order = [...pNeg.keys()].sort((i, j) => pNeg[j] - pNeg[i] || i - j);
  const top = order.slice(0, hardestCount(pNeg.length)).map((j) => g[j]);
  const total = fsum(g);
  return {
    result,
    qMassPos: mass(pooled.pPos, ws.qPos),
    qMassNeg: mass(pNeg, ws.qNeg),
    share: total > 0 ? fsum(top) / total : 0,
  };
}

/** Neumaier-compensated Σ. */
function fsum(a: readonly number[]): number {
  let s = 0;
  let c = 0;
  for (const v of a) {
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

describe('explain: the sorted, fused path equals the per-entry definitions', () => {
  // 30,000 detection-like candidates explained without detail (as at 8·10⁶): scores piled up near 0
  // so the threshold P̂− − λ− of the share falls inside dense segments for some λ−.
  const s = gaussianSet(30_000, 99, -4, 1.2);
  const prep = prepare(s);
  const cases: [string, Partial<AppParams>][] = [
    ['defaults', {}],
    ['λ− = 0.001', { lambdaNeg: 0.001 }],
    ['λ− = 0.01', { lambdaNeg: 0.01 }],
    ['λ− = 0.03', { lambdaNeg: 0.03 }],
    ['λ− = 0.1: P̂− − λ− inside the densest bin', { lambdaNeg: 0.1 }],
    ['λ− = 0.3', { lambdaNeg: 0.3 }],
    ['λ− = 1000', { lambdaNeg: 1000 }],
    ['λ+ = 0.01, γ = 0.1', { lambdaPos: 0.01, margin: 0.1 }],
    ['hard negatives n̂ = 40', { original: 'hardNegative', hardK: 40 }],
    [
      'hard negatives n̂ = 5,000, λ− = 0.02',
      { original: 'hardNegative', hardK: 5000, lambdaNeg: 0.02 },
    ],
    ['τ = 0: every gradient 0', { tau: 0 }],
  ];

  for (const [name, change] of cases) {
    it(`binned q-masses, the hardest-1 % share and the scalars agree to 1e-12 (${name})`, () => {
      const params: AppParams = { ...P, ...change };
      const lean = explainPrepared(prep, params, { detailLimit: 0 });
      expect(lean.detail).toBeNull();
      const ref = perEntry(s, params);
      const close = (a: number, b: number, what: string) =>
        expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-12 * Math.abs(b));
      lean.pos.hist.qMass.forEach((m, b) => close(m, ref.qMassPos[b], `q+ bin ${b}`));
      lean.neg.hist.qMass.forEach((m, b) => close(m, ref.qMassNeg[b], `q− bin ${b}`));
      close(lean.hardestShare, ref.share, 'hardest share');
      for (const key of ['loss', 'pPlus', 'pMinus', 'z', 'slope', 'essPos', 'essNeg'] as const)
        close(lean.result[key], ref.result[key], key);
    });
  }

  it('the cases are not trivial: shares from a few % to 1, one threshold in the densest bin, one all-zero gradient', () => {
    const all = cases.map(([, c]) => explainPrepared(prep, { ...P, ...c }, { detailLimit: 0 }));
    const shares = all.map((d) => d.hardestShare);
    expect(Math.max(...shares)).toBeGreaterThan(0.999);
    expect(Math.min(...shares.filter((v) => v > 0))).toBeLessThan(0.1);
    expect(shares[shares.length - 1]).toBe(0);
    // λ− = 0.1: c = P̂− − λ− falls in bin 0, which holds most negatives, so the share's one re-read
    // segment sits among thousands of scores on both sides of c
    const dense = all[cases.findIndex(([name]) => name.startsWith('λ− = 0.1:'))];
    const c = dense.result.pMinus - 0.1;
    expect(c).toBeGreaterThan(dense.neg.min);
    expect(c).toBeLessThan(1 / 40);
    expect(dense.neg.hist.count[0]).toBeGreaterThan(dense.neg.n / 2);
  });

  it('a γ, τ, L or ρ change reuses both sets’ passes: their sums are the same object and unchanged', () => {
    explainPrepared(prep, P, { detailLimit: 0 });
    const sets = prep.cache.sorted!;
    const neg = sets.tiltNeg!;
    const before = Float64Array.from(neg.sums);
    explainPrepared(prep, { ...P, margin: 0.2, tau: 2, L: 3, rho: 0.3 }, { detailLimit: 0 });
    expect(sets.tiltNeg).toBe(neg);
    expect(Array.from(neg.sums)).toEqual(Array.from(before));
    expect(neg.lambda).toBe(P.lambdaNeg);
  });
});

describe('explain: large sets take their sums from cell moments (engine cells.ts)', () => {
  // 200,000 rows × 1 class, 40 % positive: both sets above CELLS_MIN_SCORES, so both get cells; 90 %
  // of the logits quantised to 1/64 so that many scores share a cell, as at detection scale.
  const R = 200_000;
  const u = (() => {
    let a = 12345;
    return () => ((a = (Math.imul(a, 1103515245) + 12345) >>> 0) + 0.5) / 4294967296;
  })();
  const logits = new Float64Array(R);
  const targets = new Int32Array(R);
  for (let r = 0; r < R; r++) {
    const positive = u() < 0.4;
    targets[r] = positive ? 1 : 0;
    const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    const x = (positive ? 1 : -2) + 1.5 * z;
    logits[r] = r % 10 !== 0 ? Math.round(x * 64) / 64 : x;
  }
  const big: CandidateSet = { R, K: 1, logits, targets };
  const prep = prepare(big);

  it('builds cells for both sets, far fewer than their scores', () => {
    explainPrepared(prep, P);
    const sorted = prep.cache.sorted!;
    for (const s of [sorted.pos, sorted.neg]) {
      expect(s.n).toBeGreaterThanOrEqual(65_536);
      expect(s.cells).not.toBeNull();
      expect(s.cells!.count * 8).toBeLessThanOrEqual(s.n);
    }
  });

  it('gives the per-entry engine’s numbers to 1e-12 for λ± from 10⁻⁴ to 10⁴ and both priors', () => {
    const cases: Partial<AppParams>[] = [
      {},
      { lambdaNeg: 1e-4, lambdaPos: 1e-4 },
      { lambdaNeg: 1e-3, lambdaPos: 3 },
      { lambdaNeg: 10, lambdaPos: 1e4 },
      { lambdaNeg: 0.02, original: 'hardNegative', hardK: 5000 },
      { lambdaNeg: 2e-4, original: 'hardNegative', hardK: 77 },
    ];
    for (const change of cases) {
      const params: AppParams = { ...P, ...change };
      const got = explainPrepared(prep, params, { detailLimit: Infinity });
      const engineParams = toEngineParams(params);
      const pooled = pool(big.logits, big.targets, big.K);
      const ws = createWorkspace(pooled);
      const ref = evaluate(pooled, engineParams, ws);
      for (const key of ['loss', 'pPlus', 'pMinus', 'slope', 'essPos', 'essNeg'] as const) {
        const want = ref[key];
        expect(
          Math.abs(got.result[key] - want),
          `${key} ${JSON.stringify(change)}`,
        ).toBeLessThanOrEqual(1e-12 * Math.abs(want));
      }
      for (const key of ['klPos', 'klNeg', 'z'] as const) {
        expect(Math.abs(got.result[key] - ref[key]), key).toBeLessThanOrEqual(1e-12);
      }
      // q-mass per bin from the cells against the per-entry q of the detail (engine evaluate)
      const e = got.detail!;
      for (const [summary, label] of [
        [got.pos, 1],
        [got.neg, 0],
      ] as const) {
        const q = new Float64Array(40);
        e.p.forEach((p, k) => {
          if (e.positive[k] === label) q[binOf(p, 40)] += e.q[k];
        });
        summary.hist.qMass.forEach((m, b) =>
          expect(Math.abs(m - q[b]), `bin ${b}`).toBeLessThan(1e-12),
        );
      }
      // the hardest 1 %'s share of Σ|∂DR/∂x| over negatives, from the detail's gradients
      const negs = [...e.p.keys()].filter((k) => e.positive[k] === 0);
      negs.sort((a, b) => e.p[a] - e.p[b] || a - b);
      const top = negs.slice(negs.length - hardestCount(negs.length));
      const total = sum(negs.map((k) => Math.abs(e.gradLogit[k])));
      const share = total > 0 ? sum(top.map((k) => Math.abs(e.gradLogit[k]))) / total : 0;
      expect(Math.abs(got.hardestShare - share), 'hardest share').toBeLessThan(1e-12);
    }
  });
});
