/**
 * A case's `features` (R rows of d numbers, a detector head's inputs) travel with the set everywhere
 * the set goes: the JSON case format (whole and streamed), .npz, the exports, the edits and the link,
 * exactly; and a bad `features` is named in one line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/engine/index.ts';
import { applyEditsReport } from '../../src/data/edits.ts';
import type { CandidateSet } from '../../src/data/types.ts';
import { parseCases } from '../../src/io/case.ts';
import { CaseStreamParser } from '../../src/io/caseStream.ts';
import { caseJson } from '../../src/io/exportCase.ts';
import { npzToCase } from '../../src/io/npz.ts';
import { npzBytes } from '../../src/io/npzWrite.ts';
import { decodeBase, encodeBase } from '../../src/state/permalink/candidates.ts';
import { linkCarriesSet, LINK_DATA_ENTRIES } from '../../src/state/permalink/schema.ts';
import { same } from '../state/permalink/same.ts';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

const setArb: fc.Arbitrary<CandidateSet> = fc
  .record({
    R: fc.integer({ min: 1, max: 20 }),
    K: fc.integer({ min: 1, max: 3 }),
    d: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ R, K, d }) =>
    fc.record({
      R: fc.constant(R),
      K: fc.constant(K),
      logits: fc.float64Array({
        minLength: R * K,
        maxLength: R * K,
        noNaN: true,
        noDefaultInfinity: true,
      }),
      targets: fc
        .array(fc.integer({ min: -1, max: K }), { minLength: R, maxLength: R })
        .map((t) => Int32Array.from(t)),
      features: fc.record({
        d: fc.constant(d),
        values: fc
          .array(finite, { minLength: R * d, maxLength: R * d })
          .map((v) => Float64Array.from(v)),
      }),
    }),
  );

describe('features in the case format', () => {
  it('parse exactly, whole and streamed in chunks', () => {
    fc.assert(
      fc.property(setArb, fc.integer({ min: 1, max: 50 }), (set, chunk) => {
        const text = caseJson(set, DEFAULT_PARAMS);
        const whole = parseCases(text);
        if (!whole.ok) throw new Error(whole.error);
        const c = whole.cases[0];
        expect(c.features?.d).toBe(set.features!.d);
        expect(same(c.features!.values, set.features!.values)).toBe(true);
        const p = new CaseStreamParser();
        for (let i = 0; i < text.length; i += chunk) p.push(text.slice(i, i + chunk));
        const streamed = p.finish();
        if (!streamed.ok) throw new Error(streamed.error);
        expect(same(streamed.cases[0].features!.values, set.features!.values)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['3', 'case 0: features must be an array of 2 rows of d numbers (got 3)'],
    ['[[1]]', 'case 0: features has 1 rows but logits has 2'],
    ['[1, 2]', 'case 0: features[0] is not a row of numbers (got 1)'],
    ['[[], []]', 'case 0: features[0] is an empty row (need d ≥ 1 features)'],
    ['[[1], 2]', 'case 0: features[1] is not a row like features[0] (got 2)'],
    [
      '[[1], [2, 3]]',
      'case 0: features[1] has 2 entries but features[0] has 1 (rows must be equal)',
    ],
    ['[[1], [null]]', 'case 0: features[1][0] is not a finite number (got null)'],
  ])('features: %s → %s', (features, message) => {
    const text = `{"logits": [1, 2], "targets": [0, 1], "features": ${features}}`;
    expect(parseCases(text)).toEqual({ ok: false, error: message });
    const p = new CaseStreamParser();
    p.push(text);
    expect(p.finish()).toEqual({ ok: false, error: message });
  });

  it('a case without features has none', () => {
    const r = parseCases('{"logits": [1, 2], "targets": [0, 1]}');
    expect(r.ok && r.cases[0].features).toBe(null);
  });
});

describe('features in .npz', () => {
  it('read back exactly from the writer', () => {
    const values = Float64Array.from([0.5, -1, 2, 1e-300, -0, 7]);
    const bytes = npzBytes({
      logits: { values: Float64Array.from([1, 2, 3]), shape: [3] },
      targets: { values: Int32Array.from([0, 1, -1]), shape: [3] },
      features: { values, shape: [3, 2] },
    });
    const r = npzToCase(bytes, undefined);
    if (!r.ok) throw new Error(r.error);
    expect(r.value.features?.d).toBe(2);
    expect(same(r.value.features!.values, values)).toBe(true);
  });

  it('name a wrong shape', () => {
    const bytes = npzBytes({
      logits: { values: Float64Array.from([1, 2, 3]), shape: [3] },
      targets: { values: Int32Array.from([0, 1, -1]), shape: [3] },
      features: { values: Float64Array.from([1, 2]), shape: [2, 1] },
    });
    expect(npzToCase(bytes, undefined)).toEqual({
      ok: false,
      error: 'features has shape (2, 1) but logits has 3 rows: need (3, d) with d ≥ 1',
    });
  });
});

describe('features through edits', () => {
  const base: CandidateSet = {
    R: 3,
    K: 1,
    logits: Float64Array.from([1, 2, 3]),
    targets: Int32Array.from([0, 1, 0]),
    features: { d: 2, values: Float64Array.from([10, 11, 20, 21, 30, 31]) },
  };

  it('follow their rows through deletes, label and logit edits', () => {
    const r = applyEditsReport(base, [
      { op: 'setLogit', row: 2, cls: 0, logit: 9 },
      { op: 'delete', row: 1 },
      { op: 'setLabel', row: 0, target: 1 },
    ]);
    expect(r.featuresDropped).toBe(false);
    expect(Array.from(r.set.features!.values)).toEqual([10, 11, 30, 31]);
    expect(Array.from(base.features!.values)).toEqual([10, 11, 20, 21, 30, 31]);
  });

  it('are dropped, and said to be, when a row without features is added', () => {
    const r = applyEditsReport(base, [{ op: 'add', logits: [0], target: 0 }]);
    expect(r.featuresDropped).toBe(true);
    expect(r.set.features).toBeUndefined();
    expect(r.set.R).toBe(4);
  });
});

describe('features in the link', () => {
  it('round-trip exactly', () => {
    fc.assert(
      fc.property(setArb, (set) => {
        const back = decodeBase(encodeBase(set));
        if (!back.ok) throw new Error(back.error);
        expect(back.value.features?.d).toBe(set.features!.d);
        expect(same(back.value.features!.values, set.features!.values)).toBe(true);
        expect(same(back.value.logits, set.logits)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a set without features decodes without them, as before', () => {
    const set: CandidateSet = {
      R: 2,
      K: 1,
      logits: Float64Array.from([1, 2]),
      targets: Int32Array.from([0, 1]),
    };
    const back = decodeBase(encodeBase(set));
    expect(back.ok && back.value.features).toBeUndefined();
  });

  it('count towards the size a link carries', () => {
    const R = LINK_DATA_ENTRIES / 2;
    const set: CandidateSet = {
      R,
      K: 1,
      logits: new Float64Array(R),
      targets: new Int32Array(R),
    };
    const source = { kind: 'explicit' as const, name: 'x', base: set, edits: [] };
    expect(linkCarriesSet(source)).toBe(true);
    const withFeatures = {
      ...source,
      base: { ...set, features: { d: 2, values: new Float64Array(2 * R) } },
    };
    expect(linkCarriesSet(withFeatures)).toBe(false);
  });
});
