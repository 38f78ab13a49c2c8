/**
 * "Explain the claim": every claim of every preset's description, in both languages, is checked here
 * against the engine's numbers for that preset (explained independently of src/app/presetFacts.ts)
 * and against the generator's draws, for several seeds.
 */
import { describe, expect, it } from 'vitest';
import { describePreset, factsOf, lossAtInit, presetFacts } from '../../src/app/presetFacts.ts';
import { generatePreset, PRESETS, presetInfo } from '../../src/data/presets.ts';
import type { CandidateSet, PresetId } from '../../src/data/types.ts';
import { explain } from '../../src/explain/index.ts';
import { t } from '../../src/i18n/strings.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import { fmtCount, fmtNum, fmtP, fmtPct } from '../../src/viz/format.ts';

const en = t('en');
const zh = t('zh');
const SEEDS = [1, 2, 3];
const sig = (x: number) => 1 / (1 + Math.exp(-x));

/** Mean and sd of the logits of rows [from, to) of a one-class set (or of every entry with target t). */
function stats(xs: number[]) {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
  return { mean, sd };
}
function rows(set: CandidateSet, from: number, to: number): number[] {
  return Array.from(set.logits.subarray(from, to));
}
/** Entry logits of positive (1) or negative (0) entries of a set (docs/maths.md §1). */
function entries(set: CandidateSet, positive: boolean): number[] {
  const out: number[] = [];
  for (let r = 0; r < set.R; r++) {
    const t0 = set.targets[r];
    if (t0 < 0) continue;
    for (let c = 0; c < set.K; c++)
      if ((t0 === c + 1) === positive) out.push(set.logits[r * set.K + c]);
  }
  return out;
}

function text(id: PresetId, seed: number, s = en): string {
  return describePreset(id, presetFacts(id, seed), s).join(' ');
}

describe('preset labels (issue item 1)', () => {
  it('the imbalance preset is named with the counts its generator builds, in both languages', () => {
    const set = generatePreset('imbalance-1000', 1);
    const pos = set.targets.filter((x) => x > 0).length;
    const neg = set.targets.filter((x) => x === 0).length;
    expect([pos, neg]).toEqual([10, 10_000]);
    expect(en('preset.imbalance-1000')).toBe('imbalance: 10 positives, 10,000 negatives');
    expect(zh('preset.imbalance-1000')).toContain(`${pos} 个正样本`);
    expect(zh('preset.imbalance-1000')).toContain(`${fmtCount(neg)} 个负样本`);
  });
});

describe.each(PRESETS.filter((p) => p.id !== 'detection-scale'))('preset $id', (info) => {
  it.each(SEEDS)(
    'seed %i: every number of the description is the engine’s (both languages)',
    (seed) => {
      const set = generatePreset(info.id, seed);
      const d = explain(set, DEFAULT_APP_PARAMS);
      const r = d.result;
      for (const s of [en, zh]) {
        const txt = text(info.id, seed, s);
        expect(txt).not.toMatch(/\{\w+\}/);
        expect(txt).toContain(`P̂+ = ${fmtP(r.pPlus)}`);
        expect(txt).toContain(`P̂− = ${fmtP(r.pMinus)}`);
        expect(txt).toContain(fmtNum(r.z));
        expect(txt).toContain(fmtNum(r.loss));
        expect(txt).toContain(fmtP(d.neg.mean));
        if (r.nPos > 0) expect(txt).toContain(fmtP(d.pos.mean));
      }
      const txt = text(info.id, seed);
      if (r.nPos > 0) {
        expect(txt).toContain(r.pMinus > r.pPlus ? 'P̂− is above P̂+' : 'P̂− is below P̂+');
      } else expect(txt).not.toMatch(/P̂− is (above|below) P̂\+|plain means are/);
      expect(txt).toContain(r.z > 0 ? 'z > 0: the ranking constraint' : 'z ≤ 0: the ranking');
    },
  );
});

describe('paper-default', () => {
  it.each(SEEDS)('seed %i: counts, laws and the top-1 % share of q−', (seed) => {
    const set = generatePreset('paper-default', seed);
    const d = explain(set, DEFAULT_APP_PARAMS);
    const txt = text('paper-default', seed);
    expect(txt).toContain('300 anchors × 3 classes, 30 positive anchors');
    expect(txt).toContain('and 15 ignored anchors');
    expect(txt).toContain(`n+ = ${d.result.nPos} and n− = ${d.result.nNeg}`);
    // logits ~ N(0.4, 1) for 30 positives (standard error 0.18) and N(−2, 1) for 825 negatives
    expect(Math.abs(stats(entries(set, true)).mean - 0.4)).toBeLessThan(0.6);
    expect(Math.abs(stats(entries(set, false)).mean + 2)).toBeLessThan(0.15);
    // "the top 1 % receive {share} of q−": recompute from the scores, sorted
    const neg = entries(set, false).map(sig);
    const m = neg.length;
    const w = neg.map((p) => Math.exp(p / DEFAULT_APP_PARAMS.lambdaNeg));
    const W = w.reduce((a, b) => a + b, 0);
    const order = neg.map((_, i) => i).sort((a, b) => neg[b] - neg[a]);
    const k = Math.ceil(0.01 * m);
    const share = order.slice(0, k).reduce((a, i) => a + w[i] / W, 0);
    expect(txt).toContain(`top 1 % (${k} negatives) receive ${fmtPct(share)}`);
    expect(share).toBeGreaterThan(0.1); // "puts q− on the hardest negatives": ≥ 10× their count share
  });
});

describe('imbalance-1000', () => {
  it.each(SEEDS)('seed %i: 10 positives among 10,000 negatives, laws, pairs', (seed) => {
    const set = generatePreset('imbalance-1000', seed);
    const txt = text('imbalance-1000', seed);
    expect(txt).toContain('10 positives (logits ~ N(0.5, 1)) among 10,000 negatives');
    expect(txt).toContain('not the 100,000 pairs');
    expect(Math.abs(stats(rows(set, 10, 10_010)).mean + 3)).toBeLessThan(0.05);
    expect(Math.abs(stats(rows(set, 10, 10_010)).sd / 1.2 - 1)).toBeLessThan(0.05);
    const f = presetFacts('imbalance-1000', seed);
    // "a few negatives in the upper tail decide P̂−": 1 % of them carry most of q−
    expect(f?.top.k).toBe(100);
    expect(f?.top.share).toBeGreaterThan(0.5);
  });
});

describe('hard-negatives', () => {
  it.each(SEEDS)(
    'seed %i: blocks, laws, the 30 highest negatives and their share of q−',
    (seed) => {
      const set = generatePreset('hard-negatives', seed);
      const txt = text('hard-negatives', seed);
      expect(txt).toContain('20 positives (logits ~ N(1, 0.7²)), 970 easy negatives');
      expect(txt).toContain('30 hard negatives (logits ~ N(1.5, 0.5²)');
      expect(Math.abs(stats(rows(set, 20, 990)).mean + 3)).toBeLessThan(0.1);
      expect(Math.abs(stats(rows(set, 990, 1020)).mean - 1.5)).toBeLessThan(0.3);
      const f = presetFacts('hard-negatives', seed);
      const hard = rows(set, 990, 1020).map(sig);
      const top = entries(set, false)
        .map(sig)
        .sort((a, b) => b - a)
        .slice(0, 30);
      expect(f?.top.k).toBe(30);
      expect(f?.top.mean).toBeCloseTo(top.reduce((a, b) => a + b, 0) / 30, 12);
      // the highest 30 are (nearly all) the hard block
      expect(top.filter((p) => hard.includes(p)).length).toBeGreaterThanOrEqual(28);
      expect(txt).toContain(`receive ${fmtPct(f?.top.share ?? NaN)} of q−`);
      expect(f?.top.share).toBeGreaterThan(0.9);
    },
  );
});

describe('no-positives (issue item 3)', () => {
  it.each(SEEDS)(
    'seed %i: descent raises every negative below P̂− − λ−, counted from the scores',
    (seed) => {
      const set = generatePreset('no-positives', seed);
      const d = explain(set, DEFAULT_APP_PARAMS);
      const r = d.result;
      const c = r.pMinus - DEFAULT_APP_PARAMS.lambdaNeg;
      const neg = entries(set, false).map(sig);
      const below = neg.filter((p) => p < c).length;
      let gradNeg = 0;
      let gradPos = 0;
      const det = d.detail;
      if (!det) throw new Error('detail expected');
      for (let i = 0; i < det.p.length; i++) {
        if (det.gradP[i] < 0) gradNeg++;
        else if (det.gradP[i] > 0) gradPos++;
      }
      expect(gradNeg).toBe(below);
      expect(gradPos).toBe(neg.length - below);
      const txt = text('no-positives', seed);
      expect(txt).toContain(`${fmtCount(below)} of the 500 negatives have ∂DR/∂p < 0`);
      expect(txt).toContain(`P̂− − λ− = ${fmtP(c)}`);
      expect(txt).toContain(`only the ${neg.length - below} negatives above that are pushed down`);
      expect(txt).not.toContain('only pushes the negatives down');
      if (seed === 1) expect(below).toBe(490);
      expect(
        zh('presetDesc.no-positives.raised', { raised: 1, nNeg: 2, c: 3, lowered: 4 }),
      ).toContain('反而提高');
    },
  );
});

describe('Fig. 2 presets (issue item 2)', () => {
  it('say they illustrate the figure, never that they reproduce it (both languages)', () => {
    for (const s of [en, zh]) {
      for (const id of ['fig2-small-var', 'fig2-large-var'] as const) {
        const txt = text(id, 1, s);
        expect(txt).not.toMatch(/reproduc|as the paper|重现|复现自/i);
      }
      expect(s('dist.fig2')).not.toMatch(/reproduc|重现/i);
    }
    expect(text('fig2-small-var', 1)).toContain('illustrates the paper’s Fig. 2');
    expect(en('dist.fig2')).toContain('illustrate');
    expect(zh('dist.fig2')).toContain('示意');
  });

  it.each(SEEDS)(
    'seed %i: the plain means are less than γ apart in both presets, so the text says so',
    (seed) => {
      for (const id of ['fig2-small-var', 'fig2-large-var'] as const) {
        const d = explain(generatePreset(id, seed), DEFAULT_APP_PARAMS);
        const gap = d.pos.mean - d.neg.mean;
        expect(gap).toBeLessThan(0.5);
        expect(d.result.z).toBeGreaterThan(0);
        const txt = text(id, seed);
        expect(txt).toContain(`differ by ${fmtP(gap)}, less than γ = 0.5`);
        expect(txt).not.toContain('far apart');
        expect(txt).toContain('z > 0: the ranking constraint P̂+ − P̂− ≥ γ is violated');
      }
    },
  );

  it('seed 1: the tail lifts P̂− from 0.304 to 0.555, z more than triples, the loss roughly doubles', () => {
    const a = explain(generatePreset('fig2-small-var', 1), DEFAULT_APP_PARAMS).result;
    const b = explain(generatePreset('fig2-large-var', 1), DEFAULT_APP_PARAMS).result;
    expect(a.pMinus).toBeCloseTo(0.304, 3);
    expect(b.pMinus).toBeCloseTo(0.555, 3);
    expect(b.z / a.z).toBeGreaterThan(3);
    expect(b.z / a.z).toBeLessThan(3.5);
    expect(b.loss / a.loss).toBeGreaterThan(1.8);
    expect(b.loss / a.loss).toBeLessThan(2.4);
    // "the plain negative mean stays": the two presets' negative means differ by < 0.01
    for (const seed of SEEDS) {
      const ma = explain(generatePreset('fig2-small-var', seed), DEFAULT_APP_PARAMS).neg.mean;
      const mb = explain(generatePreset('fig2-large-var', seed), DEFAULT_APP_PARAMS).neg.mean;
      expect(Math.abs(ma - mb)).toBeLessThan(0.01);
    }
    const txt = text('fig2-large-var', 1);
    expect(txt).toContain(`takes P̂− from ${fmtP(a.pMinus)} to ${fmtP(b.pMinus)}`);
    expect(txt).toContain(`z goes from ${fmtNum(a.z)} to ${fmtNum(b.z)} (${fmtNum(b.z / a.z)}×)`);
    expect(txt).toContain(`(${fmtNum(b.loss / a.loss)}×)`);
  });
});

describe('detection-scale (issue item 9)', () => {
  it('names RetinaNet’s π = 0.01 and DR’s π = 0.5 initialisation, with the loss at zero logits', () => {
    const s0 = describePreset('detection-scale', null, en).join(' ');
    expect(Math.log(0.01 / 0.99)).toBeCloseTo(-4.6, 1);
    expect(s0).toContain('logit(0.01) ≈ −4.6');
    expect(s0).toContain('π = 0.01');
    expect(s0).toContain('DR initialises with π = 0.5');
    // docs/maths.md §6: all logits 0 → DR = 4·log(1 + e³)/6 = 2.0323916
    expect(lossAtInit()).toBeCloseTo(2.0323916, 7);
    expect(s0).toContain(`τ·ℓ(γ) = ${fmtNum(lossAtInit())}`);
    expect(s0).toContain('100,000 anchors × 80 classes = 8,000,000 entries');
    const info = presetInfo('detection-scale');
    expect(info?.positives).toBe(100);
    expect(describePreset('detection-scale', null, zh).join('')).toContain('π = 0.5');
  });
});

describe('factsOf', () => {
  it('describes an edited set by its own numbers', () => {
    const set = generatePreset('no-positives', 1);
    const logits = set.logits.slice();
    logits.fill(0);
    const f = factsOf('no-positives', 1, { ...set, logits });
    expect(f.raised).toBe(0); // all scores equal P̂−: every factor is 1 > 0
    expect(f.lowered).toBe(500);
  });
});
