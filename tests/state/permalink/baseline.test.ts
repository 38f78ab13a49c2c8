import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/data/presets.ts';
import type { CandidateSource } from '../../../src/data/types.ts';
import { DEFAULT_APP_PARAMS } from '../../../src/params/table.ts';
import type { AppParams } from '../../../src/params/types.ts';
import { canonicalEdits } from '../../../src/state/permalink/candidates.ts';
import { decodePermalink, encodePermalink } from '../../../src/state/permalink/codec.ts';
import { DEFAULT_STATE } from '../../../src/state/defaults.ts';
import { DEFAULT_LESSON, HIDE_IDS, PANEL_IDS, type Lesson } from '../../../src/state/lesson.ts';
import type { Choice, PersistedState } from '../../../src/state/types.ts';
import { same } from './same.ts';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

const paramsArb: fc.Arbitrary<AppParams> = fc.record({
  margin: fc.double({ min: 0, max: 1, noNaN: true, minExcluded: true }),
  lambdaPos: fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
  lambdaNeg: fc.double({ min: 1e-4, max: 1e4, noNaN: true }),
  L: fc.double({ min: 0.1, max: 50, noNaN: true }),
  tau: fc.double({ min: 0, max: 20, noNaN: true, minExcluded: true }),
  rho: fc.double({ min: 0.01, max: 1, noNaN: true }),
  smoothing: fc.constantFrom('logistic' as const, 'quad' as const, 'hinge' as const),
  original: fc.constantFrom('uniform' as const, 'hardNegative' as const),
  hardK: fc.integer({ min: 1, max: 1e8 }),
});

const sourceArb: fc.Arbitrary<CandidateSource> = fc.oneof(
  fc.record({
    kind: fc.constant('generated' as const),
    preset: fc.constantFrom(...PRESETS.map((p) => p.id)),
    seed: fc.nat({ max: 4294967295 }),
    edits: fc.array(
      fc.record({
        op: fc.constant('setLogit' as const),
        row: fc.nat(50),
        cls: fc.nat(2),
        logit: finite,
      }),
      { maxLength: 4 },
    ),
  }),
  fc.integer({ min: 1, max: 12 }).chain((R) =>
    fc.record({
      kind: fc.constant('explicit' as const),
      name: fc.constantFrom('imported', 'mine'),
      base: fc.record({
        R: fc.constant(R),
        K: fc.constant(1),
        logits: fc.array(finite, { minLength: R, maxLength: R }).map((a) => Float64Array.from(a)),
        targets: fc
          .array(fc.integer({ min: -1, max: 1 }), { minLength: R, maxLength: R })
          .map((a) => Int32Array.from(a)),
      }),
      edits: fc.constant([]),
    }),
  ),
);

/** A state with a baseline pinned on the same set (same object) or on another set. */
const stateArb: fc.Arbitrary<PersistedState> = fc
  .record({ params: paramsArb, source: sourceArb, bParams: paramsArb, other: fc.option(sourceArb) })
  .map(({ params, source, bParams, other }) => ({
    params,
    source,
    baseline: { params: bParams, source: other ?? source },
  }));

const lessonArb: fc.Arbitrary<Lesson> = fc.record({
  tour: fc.option(fc.integer({ min: 1, max: 99 })),
  hide: fc.subarray([...HIDE_IDS]),
  embed: fc.option(fc.constantFrom(...PANEL_IDS)),
});

function canonical(c: Choice): Choice {
  return { ...c, source: { ...c.source, edits: canonicalEdits(c.source.edits) } };
}

describe('permalink: the pinned baseline A', () => {
  it('round-trips any state with a baseline exactly, with no notice', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const { state: back, notices } = decodePermalink(encodePermalink(state));
        expect(notices).toEqual([]);
        expect(same(back.params, state.params)).toBe(true);
        expect(same(canonical(back).source, canonical(state).source)).toBe(true);
        expect(same(canonical(back.baseline!), canonical(state.baseline!))).toBe(true);
        // Pinned on the current set: the link says so, and A gets the current source object back.
        if (state.baseline!.source === state.source) {
          expect(back.baseline!.source).toBe(back.source);
        }
      }),
      { seed: 11, numRuns: 300 },
    );
  }, 30_000);

  it('a baseline on the current set adds only its differing parameters to the link', () => {
    const state: PersistedState = {
      ...DEFAULT_STATE,
      params: { ...DEFAULT_APP_PARAMS, lambdaNeg: 0.3 },
      baseline: DEFAULT_STATE,
    };
    expect(encodePermalink(state)).toBe('v=1&lambdaNeg=0.3&set=paper-default&seed=1&b=');
    const pinnedTuned: PersistedState = { ...DEFAULT_STATE, baseline: state };
    expect(
      encodePermalink({
        ...pinnedTuned,
        baseline: { params: state.params, source: DEFAULT_STATE.source },
      }),
    ).toBe('v=1&set=paper-default&seed=1&b=lambdaNeg%3D0.3');
  });

  it('a link without b= has no baseline; b= with nothing is A = the defaults on the current set', () => {
    expect(decodePermalink('v=1&set=paper-default&seed=1').state.baseline).toBeUndefined();
    const { state, notices } = decodePermalink('v=1&set=hard-negatives&seed=4&b=');
    expect(notices).toEqual([]);
    expect(state.baseline!.source).toBe(state.source);
    expect(state.baseline!.params).toEqual(DEFAULT_APP_PARAMS);
  });

  it('a bad field of A keeps its default with a notice naming the baseline; the rest applies', () => {
    const { state, notices } = decodePermalink(
      'v=1&tau=2&set=paper-default&seed=1&b=lambdaNeg%3Dbanana%26tau%3D3%26zz%3D1',
    );
    expect(state.params.tau).toBe(2);
    expect(state.baseline!.params.tau).toBe(3);
    expect(state.baseline!.params.lambdaNeg).toBe(DEFAULT_APP_PARAMS.lambdaNeg);
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatch(
      /^Link baseline field λ− .*"banana" is not a number; kept the default/,
    );
    expect(notices[1]).toBe('Link baseline: unknown field "zz" ignored');
  });

  it('A on another set keeps that set, and a bad set of A falls back with a notice', () => {
    const ok = decodePermalink('v=1&set=paper-default&seed=1&b=set%3Dhard-negatives%26seed%3D9');
    expect(ok.notices).toEqual([]);
    expect(ok.state.baseline!.source).toMatchObject({ preset: 'hard-negatives', seed: 9 });
    const bad = decodePermalink('v=1&set=paper-default&seed=1&b=set%3Dnope%26seed%3D9');
    expect(bad.notices).toEqual([
      'Link baseline field set: "nope" is not a known preset; kept the default “paper-default”',
    ]);
    expect(bad.state.baseline!.source).toMatchObject({ preset: 'paper-default', seed: 9 });
  });

  it('never throws for junk inside b=, and A is always a valid choice', () => {
    const keys = ['lambdaNeg', 'tau', 'set', 'seed', 'data', 'edits', 'name', 'b', 'v', 'x'];
    const field = fc.tuple(
      fc.constantFrom(...keys),
      fc.oneof(fc.string(), fc.double().map(String), fc.base64String()),
    );
    fc.assert(
      fc.property(fc.array(field, { maxLength: 6 }), fc.string(), (pairs, tail) => {
        const inner = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&') + tail;
        const { state, notices } = decodePermalink(`v=1&b=${encodeURIComponent(inner)}`);
        expect(state.baseline).toBeDefined();
        expect(Number.isFinite(state.baseline!.params.lambdaNeg)).toBe(true);
        for (const n of notices) expect(typeof n).toBe('string');
        // Unencoded, the text may break the outer link: never a throw, A only when b= was readable.
        const raw = decodePermalink(`v=1&b=${inner}`);
        if (raw.state.baseline) expect(Number.isFinite(raw.state.baseline.params.tau)).toBe(true);
      }),
      { seed: 12, numRuns: 1000 },
    );
  }, 30_000);

  it('a baseline pinned on the current imported set does not copy its data into the link', () => {
    const R = 1000;
    const source: CandidateSource = {
      kind: 'explicit',
      name: 'big',
      base: {
        R,
        K: 1,
        logits: Float64Array.from({ length: R }, (_, i) => Math.sin(i) * 3.3),
        targets: Int32Array.from({ length: R }, (_, i) => (i % 7 === 0 ? 1 : 0)),
      },
      edits: [],
    };
    const plain = encodePermalink({ params: DEFAULT_APP_PARAMS, source });
    const pinned = encodePermalink({
      params: { ...DEFAULT_APP_PARAMS, lambdaNeg: 0.5 },
      source,
      baseline: { params: DEFAULT_APP_PARAMS, source },
    });
    expect(pinned.length).toBeLessThan(plain.length + 40);
  });
});

describe('permalink: the lesson view (tour step, hidden blocks, embed)', () => {
  it('round-trips any lesson with no notice, and is absent from the plain link', () => {
    expect(encodePermalink(DEFAULT_STATE, DEFAULT_LESSON)).toBe(encodePermalink(DEFAULT_STATE));
    fc.assert(
      fc.property(lessonArb, (lesson) => {
        const { lesson: back, notices } = decodePermalink(encodePermalink(DEFAULT_STATE, lesson));
        expect(notices).toEqual([]);
        expect(back).toEqual(lesson);
      }),
      { seed: 13, numRuns: 300 },
    );
  });

  it('writes readable fields', () => {
    expect(
      encodePermalink(DEFAULT_STATE, { tour: 4, hide: ['controls', 'ranking'], embed: null }),
    ).toBe('v=1&set=paper-default&seed=1&tour=4&hide=controls,ranking');
    expect(encodePermalink(DEFAULT_STATE, { tour: null, hide: [], embed: 'gradient' })).toBe(
      'v=1&set=paper-default&seed=1&embed=gradient',
    );
  });

  it('bad lesson fields are dropped with a notice each; good ones apply', () => {
    const { lesson, notices } = decodePermalink('tour=0&hide=controls,bogus,smoothing&embed=nope');
    expect(lesson).toEqual({ tour: null, hide: ['controls', 'smoothing'], embed: null });
    expect(notices).toEqual([
      'Link field v (version) is missing; read as version 1',
      'Link field tour (step): "0" is not a step number in 1…99; kept the default “closed”',
      'Link field hide: "bogus" is not a block or panel name; ignored',
      'Link field embed (panel): "nope" is not one of imbalance, ranking, worst-case, distribution, smoothing, gradient, recovery, tables; kept the default “the full page”',
    ]);
  });
});
