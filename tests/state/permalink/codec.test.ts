import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { materialize } from '../../../src/data/materialize.ts';
import { PRESETS } from '../../../src/data/presets.ts';
import { Rng } from '../../../src/data/rng.ts';
import { NUMERIC_SPECS } from '../../../src/params/table.ts';
import {
  MAX_HASH_CHARS,
  decodePermalink,
  encodePermalink,
  fitsInLink,
} from '../../../src/state/permalink/codec.ts';
import { LINK_DATA_ENTRIES, cleanName } from '../../../src/state/permalink/schema.ts';
import { DEFAULT_STATE } from '../../../src/state/defaults.ts';
import { DEFAULT_LESSON } from '../../../src/state/lesson.ts';
import { canonicalEdits } from '../../../src/state/permalink/candidates.ts';
import { same } from './same.ts';
import type { AppParams } from '../../../src/params/types.ts';
import type { CandidateEdit, CandidateSet, CandidateSource } from '../../../src/data/types.ts';
import type { PersistedState } from '../../../src/state/types.ts';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

/** Any value the parameter table allows (−0 excluded: the codec writes it as 0 on purpose). */
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

const editArb: fc.Arbitrary<CandidateEdit> = fc.oneof(
  fc.record({
    op: fc.constant('setLogit' as const),
    row: fc.nat(5000),
    cls: fc.nat(3),
    logit: finite,
  }),
  fc.record({
    op: fc.constant('setLabel' as const),
    row: fc.nat(5000),
    target: fc.integer({ min: -1, max: 3 }),
  }),
  fc.record({
    op: fc.constant('add' as const),
    logits: fc.array(finite, { minLength: 1, maxLength: 3 }),
    target: fc.integer({ min: -1, max: 3 }),
  }),
  fc.record({ op: fc.constant('delete' as const), row: fc.nat(5000) }),
);

const setArb: fc.Arbitrary<CandidateSet> = fc
  .record({ R: fc.integer({ min: 1, max: 20 }), K: fc.integer({ min: 1, max: 3 }) })
  .chain(({ R, K }) =>
    fc.record({
      R: fc.constant(R),
      K: fc.constant(K),
      logits: fc
        .array(finite, { minLength: R * K, maxLength: R * K })
        .map((a) => Float64Array.from(a)),
      targets: fc
        .array(fc.integer({ min: -1, max: K }), { minLength: R, maxLength: R })
        .map((a) => Int32Array.from(a)),
    }),
  );

const sourceArb: fc.Arbitrary<CandidateSource> = fc.oneof(
  fc.record({
    kind: fc.constant('generated' as const),
    preset: fc.constantFrom(...PRESETS.map((p) => p.id)),
    seed: fc.nat({ max: 4294967295 }),
    edits: fc.array(editArb, { maxLength: 6 }),
  }),
  fc.record({
    kind: fc.constant('explicit' as const),
    name: fc.string({ maxLength: 30 }).map(cleanName),
    base: setArb,
    edits: fc.array(editArb, { maxLength: 6 }),
  }),
);

const stateArb: fc.Arbitrary<PersistedState> = fc.record({ params: paramsArb, source: sourceArb });

/** The state as a link gives it back: edits in their canonical order (same set, same count). */
function canonical(state: PersistedState): PersistedState {
  return { ...state, source: { ...state.source, edits: canonicalEdits(state.source.edits) } };
}

/** The invariants every decoded state satisfies, whatever the input. */
function expectValid(state: PersistedState): void {
  for (const spec of NUMERIC_SPECS) {
    const v = state.params[spec.key];
    expect(Number.isFinite(v) && v >= spec.min && v <= spec.max).toBe(true);
  }
  expect(['logistic', 'quad', 'hinge']).toContain(state.params.smoothing);
  expect(['uniform', 'hardNegative']).toContain(state.params.original);
  const s = state.source;
  if (s.kind === 'generated') {
    expect(PRESETS.map((p) => p.id)).toContain(s.preset);
    expect(Number.isInteger(s.seed) && s.seed >= 0 && s.seed <= 4294967295).toBe(true);
  } else {
    expect(s.base.logits.length).toBe(s.base.R * s.base.K);
    expect(s.base.logits.every(Number.isFinite)).toBe(true);
  }
}

const rng = new Rng(2020);
function randomLogits(n: number): Float64Array {
  const out = new Float64Array(n);
  rng.fillNormal(out, 0, n, -1, 2);
  return out;
}

describe('encodePermalink / decodePermalink', () => {
  it('writes the default state as version, preset and seed only', () => {
    expect(encodePermalink(DEFAULT_STATE)).toBe('v=1&set=paper-default&seed=1');
  });

  it('reads an empty hash (with or without #) as the defaults, without notices', () => {
    expect(decodePermalink('')).toEqual({
      state: DEFAULT_STATE,
      notices: [],
      lesson: DEFAULT_LESSON,
    });
    expect(decodePermalink('#')).toEqual({
      state: DEFAULT_STATE,
      notices: [],
      lesson: DEFAULT_LESSON,
    });
  });

  it('round-trips any valid state exactly (edits in canonical order), with no notice', () => {
    fc.assert(
      fc.property(stateArb, (state) => {
        const { state: back, notices } = decodePermalink(encodePermalink(state));
        expect(notices).toEqual([]);
        expect(same(back, canonical(state))).toBe(true);
      }),
      { seed: 5, numRuns: 300 },
    );
  }, 30_000);

  it('reads its own output with a leading #', () => {
    const state: PersistedState = {
      ...DEFAULT_STATE,
      params: { ...DEFAULT_STATE.params, tau: 2.5 },
    };
    expect(decodePermalink(`#${encodePermalink(state)}`).state.params.tau).toBe(2.5);
  });
});

describe('decodePermalink is total', () => {
  it('never throws and always yields a valid state, for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        (s) => {
          const { state, notices } = decodePermalink(s);
          expectValid(state);
          for (const n of notices) expect(typeof n).toBe('string');
        },
      ),
      { seed: 6, numRuns: 2000 },
    );
  }, 30_000);

  it('never throws for key=value soup built from the real keys', () => {
    const keys = [
      'v',
      'margin',
      'lambdaPos',
      'lambdaNeg',
      'L',
      'tau',
      'rho',
      'hardK',
      'smoothing',
      'original',
      'set',
      'seed',
      'name',
      'data',
      'edits',
      'x',
    ];
    const field = fc.tuple(
      fc.constantFrom(...keys),
      fc.oneof(fc.string(), fc.double().map(String), fc.base64String()),
    );
    fc.assert(
      fc.property(fc.array(field, { maxLength: 8 }), (pairs) => {
        expectValid(decodePermalink(pairs.map(([k, v]) => `${k}=${v}`).join('&')).state);
      }),
      { seed: 7, numRuns: 2000 },
    );
  }, 30_000);

  it('never throws for truncations, deletions and replacements of valid links', () => {
    fc.assert(
      fc.property(
        stateArb,
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 4 }),
        (state, i, j, insert) => {
          const link = encodePermalink(state);
          const a = i % (link.length + 1);
          const b = a + (j % 8);
          for (const mutated of [
            link.slice(0, a),
            link.slice(0, a) + insert + link.slice(b),
            link.slice(a),
          ]) {
            const { state: s, notices } = decodePermalink(mutated);
            expectValid(s);
            expect(Array.isArray(notices)).toBe(true);
          }
        },
      ),
      { seed: 8, numRuns: 500 },
    );
  }, 30_000);
});

describe('bad fields keep their default, name the field in a notice, and the rest still applies', () => {
  const cases: [string, string, string][] = [
    ['margin=abc', 'γ', 'margin'],
    ['margin=0x1', 'γ', 'margin'],
    ['lambdaNeg=1e9', 'λ−', 'lambdaNeg'],
    ['lambdaPos=-1', 'λ+', 'lambdaPos'],
    ['lambdaNeg=', 'λ−', 'lambdaNeg'],
    ['L=NaN', 'L', 'L'],
    ['tau=Infinity', 'τ', 'tau'],
    ['rho=5', 'ρ', 'rho'],
    ['hardK=2.5', 'n̂', 'hardK'],
    ['smoothing=cubic', 'surrogate', 'smoothing'],
    ['original=best', 'original distribution', 'original'],
  ];
  it.each(cases)('%s → notice names %s', (field, name, key) => {
    const [other, value] = key === 'tau' ? (['margin', 0.25] as const) : (['tau', 3] as const);
    const { state, notices } = decodePermalink(
      `v=1&${field}&${other}=${value}&set=no-positives&seed=9`,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(name);
    expect(state.params[key as keyof AppParams]).toBe(DEFAULT_STATE.params[key as keyof AppParams]);
    expect(state.params[other]).toBe(value);
    expect(state.source).toMatchObject({ kind: 'generated', preset: 'no-positives', seed: 9 });
  });

  it.each([
    ['set=paper-defaults', 'set'],
    ['seed=-3', 'seed'],
    ['seed=4294967296', 'seed'],
    ['seed=1.5', 'seed'],
    ['edits=%%%', 'edits'],
    ['edits=AAAA', 'edits'],
    ['data=garbage', 'data'],
    ['v=x', 'v (version)'],
    ['zzz=1', 'zzz'],
    ['junk', 'junk'],
    ['lambdaNeg=%E0%A4%A', 'lambdaNeg'],
  ])('%s → notice names %s', (field, name) => {
    const { state, notices } = decodePermalink(`v=1&tau=3&${field}`);
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(notices.join(' | ')).toContain(name);
    expect(state.params.tau).toBe(3);
    expectValid(state);
  });

  it('uses the last of repeated fields and says so', () => {
    const { state, notices } = decodePermalink('v=1&tau=3&tau=2');
    expect(state.params.tau).toBe(2);
    expect(notices).toEqual([expect.stringContaining('"tau" appears more than once')]);
  });

  it('reads a link of a newer version as far as it can, with a notice', () => {
    const { state, notices } = decodePermalink('v=2&tau=3');
    expect(state.params.tau).toBe(3);
    expect(notices.join()).toContain('newer');
  });

  it('refuses a hash over MAX_HASH_CHARS whole, before parsing it, within 100 ms', () => {
    const huge = `v=1&tau=3&data=${'A'.repeat(MAX_HASH_CHARS)}`;
    const t0 = performance.now();
    const { state, notices } = decodePermalink(huge);
    expect(performance.now() - t0).toBeLessThan(100);
    expect(state).toEqual(DEFAULT_STATE);
    expect(notices.join()).toContain('too long');
  });

  it('fitsInLink accepts exactly the hashes the decoder does not refuse as too long', () => {
    expect(fitsInLink('v=1'.padEnd(MAX_HASH_CHARS, 'A'))).toBe(true);
    expect(fitsInLink('v=1'.padEnd(MAX_HASH_CHARS + 1, 'A'))).toBe(false);
    expect(
      decodePermalink('#' + 'v=1&x='.padEnd(MAX_HASH_CHARS, 'A')).notices.join(),
    ).not.toContain('too long');
  });

  it('keeps an HTML-looking name as plain text and drops control characters', () => {
    const name = '<img src=x onerror=alert(1)>\u0007';
    const state: PersistedState = {
      params: DEFAULT_STATE.params,
      source: {
        kind: 'explicit',
        name,
        base: { R: 1, K: 1, logits: Float64Array.of(0), targets: Int32Array.of(1) },
        edits: [],
      },
    };
    const back = decodePermalink(encodePermalink(state)).state.source;
    expect(back.kind === 'explicit' && back.name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('link sizes', () => {
  it('a generated set with every parameter changed stays under 300 characters', () => {
    const state: PersistedState = {
      params: {
        margin: 0.123456789012345,
        lambdaPos: 0.000123456789012345,
        lambdaNeg: 1234.56789012345,
        L: 12.3456789012345,
        tau: 7.65432101234567,
        rho: 0.987654321012345,
        smoothing: 'quad',
        original: 'hardNegative',
        hardK: 12345678,
      },
      source: { kind: 'generated', preset: 'detection-scale', seed: 4294967295, edits: [] },
    };
    const link = encodePermalink(state);
    expect(link.length).toBeLessThan(300);
  });

  const R = 1000;
  const logits = randomLogits(R);
  const targets = Int32Array.from({ length: R }, () =>
    rng.uniform() < 0.3 ? 1 : rng.uniform() < 0.05 ? -1 : 0,
  );
  const imported: PersistedState = {
    params: DEFAULT_STATE.params,
    source: { kind: 'explicit', name: 'case.json', base: { R, K: 1, logits, targets }, edits: [] },
  };

  it('an imported set of 1,000 random float64 logits stays under 12,000 characters, bit-exact', () => {
    const link = encodePermalink(imported);
    expect(link.length).toBeLessThan(12_000);
    const back = decodePermalink(link).state.source;
    expect(back.kind === 'explicit' && same(back.base.logits, logits)).toBe(true);
  });

  it('a preset with all 1,000 candidates edited to random float64 logits, in random order, stays under 12,000 characters, exact', () => {
    // hard-negatives has 1,020 rows; each of 1,000 distinct rows is edited once, in shuffled order.
    const rows = Array.from({ length: R }, (_, i) => i);
    for (let i = R - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    const edits: CandidateEdit[] = rows.map((row, i) => ({
      op: 'setLogit',
      row,
      cls: 0,
      logit: logits[i],
    }));
    const state: PersistedState = {
      params: DEFAULT_STATE.params,
      source: { kind: 'generated', preset: 'hard-negatives', seed: 3, edits },
    };
    const link = encodePermalink(state);
    expect(link.length).toBeLessThan(12_000);
    const back = decodePermalink(link).state;
    expect(same(back, canonical(state))).toBe(true);
    expect(same(materialize(back.source), materialize(state.source))).toBe(true);
  });

  it('1,000 added rows of random float64 logits stay under 12,000 characters, exact', () => {
    const edits: CandidateEdit[] = Array.from({ length: R }, (_, i) => ({
      op: 'add',
      logits: [logits[i]],
      target: targets[i],
    }));
    const state: PersistedState = {
      params: DEFAULT_STATE.params,
      source: { kind: 'generated', preset: 'no-positives', seed: 3, edits },
    };
    const link = encodePermalink(state);
    expect(link.length).toBeLessThan(12_000);
    expect(same(decodePermalink(link).state, canonical(state))).toBe(true);
  });

  it('an imported set of 1,000 three-decimal scores is far smaller (under 5,000 characters)', () => {
    const short = logits.map((x) => Math.round(x * 1000) / 1000);
    const link = encodePermalink({
      ...imported,
      source: {
        kind: 'explicit',
        name: 'csv',
        base: { R, K: 1, logits: short, targets },
        edits: [],
      },
    });
    expect(link.length).toBeLessThan(5_000);
  });
});

describe('an imported set too large for a link', () => {
  const setOf = (R: number): PersistedState => ({
    params: { ...DEFAULT_STATE.params, tau: 3 },
    source: {
      kind: 'explicit',
      name: 'big.csv',
      base: {
        R,
        K: 1,
        logits: Float64Array.from({ length: R }, (_, i) => Math.sin(i)),
        targets: Int32Array.from({ length: R }, (_, i) => (i % 100 === 0 ? 1 : 0)),
      },
      edits: [{ op: 'setLabel', row: 0, target: 0 }],
    },
  });

  it(`carries the values up to LINK_DATA_ENTRIES (${LINK_DATA_ENTRIES}) entries, bit-exact`, () => {
    const state = setOf(LINK_DATA_ENTRIES);
    const back = decodePermalink(encodePermalink(state));
    expect(back.notices).toEqual([]);
    expect(back.state.source.kind).toBe('explicit');
    if (back.state.source.kind === 'explicit' && state.source.kind === 'explicit') {
      expect(same(back.state.source.base.logits, state.source.base.logits)).toBe(true);
    }
  });

  it('above it the link names the set and its shape without its values, and opening it says so', () => {
    const link = encodePermalink(setOf(LINK_DATA_ENTRIES + 1));
    expect(link).toBe(`v=1&tau=3&name=big.csv&big=${LINK_DATA_ENTRIES + 1}x1`);
    const back = decodePermalink(link);
    expect(back.state.params.tau).toBe(3);
    expect(back.state.source).toEqual(DEFAULT_STATE.source);
    expect(back.notices).toEqual([
      `Link names the imported set "big.csv" (${LINK_DATA_ENTRIES + 1} × 1), too large to travel in a link: the default candidate set is used (open its case file instead)`,
    ]);
  });

  it('a 10⁶-entry set is linked in well under a millisecond per change (no values encoded)', () => {
    const state = setOf(1_000_000);
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) encodePermalink({ ...state, params: { ...state.params, tau: i } });
    expect((performance.now() - t0) / 10).toBeLessThan(5);
  });
});
