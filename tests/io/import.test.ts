import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { materialize } from '../../src/data/materialize.ts';
import { drLoss } from '../../src/engine/index.ts';
import { parseCsv } from '../../src/io/csv.ts';
import { parseImport } from '../../src/io/import.ts';
import { DEFAULT_APP_PARAMS, toEngineParams } from '../../src/params/table.ts';
import { GOLDEN_JSON, GOLDEN_TEXT } from '../golden/cases.ts';
import { decodePermalink, encodePermalink } from '../../src/state/permalink/codec.ts';

const golden = GOLDEN_JSON;

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe('parseCsv', () => {
  it('reads "logit,label" rows with a header, keeping every logit bit for bit', () => {
    const r = parseCsv('logit,label\n0.1,1\n-2.5e-3,0\n3.000000000000001,-1\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Array.from(r.value.logits)).toEqual([0.1, -2.5e-3, 3.000000000000001]);
    expect(Array.from(r.value.targets)).toEqual([1, 0, -1]);
    expect(r.value.interpretation.as).toBe('logit');
  });

  it('turns a score column into logits, σ(logit) = score to 1e-15', () => {
    const r = parseCsv('score;label\r\n0.9;1\r\n0.25;0\r\n1e-9;0\r\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    [0.9, 0.25, 1e-9].forEach((s, i) => {
      expect(rel(1 / (1 + Math.exp(-r.value.logits[i])), s)).toBeLessThan(1e-15);
    });
  });

  it('without a header reads values in [0, 1] as scores and says so', () => {
    const r = parseCsv('0.5,1\n0.25,0\n');
    expect(r.ok && r.value.interpretation).toEqual({
      as: 'score',
      because: expect.stringContaining('[0, 1]'),
    });
    const l = parseCsv('# comment\n\n1.5,1\n0.25,0\n');
    expect(l.ok && l.value.interpretation.as).toBe('logit');
  });

  it('reads K logit columns then the label, labels 1..K', () => {
    const r = parseCsv('logit1\tlogit2\tlabel\n1\t2\t2\n3\t4\t0\n');
    expect(
      r.ok && [r.value.R, r.value.K, Array.from(r.value.logits), Array.from(r.value.targets)],
    ).toEqual([2, 2, [1, 2, 3, 4], [2, 0]]);
  });

  it('accepts a byte-order mark, quoted cells and any negative label as ignored', () => {
    const r = parseCsv('\ufeff"logit","label"\n"0.5","-3"\n');
    expect(r.ok && Array.from(r.value.targets)).toEqual([-1]);
  });

  it.each([
    ['logit,label\n0.5,1\nabc,0\n', 'line 3, column 1: "abc" is not a number'],
    ['0.5,1\n0.5\n', 'line 2: expected 2 columns like line 1, found 1'],
    ['logit,label\n0.5,1.5\n', 'line 2, column 2 (label): "1.5" is not an integer'],
    ['logit,label\n0.5,2\n', 'line 2, column 2 (label): 2 is out of range'],
    ['score,label\n0.5,1\n1,0\n', 'line 3, column 1: score 1 has no finite logit'],
    ['score,label\n0.5,1\n1.5,0\n', 'line 3, column 1: score 1.5 is not in (0, 1)'],
    ['logit,label\nInfinity,1\n', 'line 2, column 1: "Infinity" is not a number'],
    ['logit,label\n0x10,1\n', 'line 2, column 1: "0x10" is not a number'],
    ['weight,label\n0.5,1\n', 'line 1, column 1: header "weight"'],
    ['logit,colour\n0.5,1\n', 'line 1, column 2: header "colour"'],
    ['score,logit,label\n0.5,1,1\n', 'line 1: mixes score and logit'],
    ['\n\n# nothing\n', 'no data rows'],
    ['0.5\n', 'line 1: expected at least 2 columns'],
  ])('refuses %j naming the line: %s', (text, message) => {
    const r = parseCsv(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('never throws, for any text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .array(fc.constantFrom('0.5', '1', '-1', ',', '\n', 'x', ';', '"', '1e3', '\t'))
            .map((a) => a.join('')),
        ),
        (text) => {
          const r = parseCsv(text);
          if (r.ok) {
            expect(r.value.logits.every(Number.isFinite)).toBe(true);
            expect(r.value.logits.length).toBe(r.value.R * r.value.K);
          } else expect(r.error).not.toMatch(/\n/);
        },
      ),
      { seed: 21, numRuns: 2000 },
    );
  });
});

describe('parseImport', () => {
  it('chooses JSON by extension or a leading { or [, CSV otherwise', () => {
    const json = '{"logits":[0.5,-1],"targets":[1,0]}';
    expect(parseImport(json).ok).toBe(true);
    expect(parseImport(`  ${json}`, 'case.json').ok).toBe(true);
    const csv = parseImport('logit,label\n0.5,1\n', 'scores.csv');
    expect(csv.ok && csv.source.kind === 'explicit' && csv.source.name).toBe('scores.csv');
    expect(csv.ok && csv.params).toBeUndefined();
    expect(parseImport(json, 'case.csv').ok).toBe(false);
  });

  it('names the case and field of a JSON error, and the line of a CSV error', () => {
    const j = parseImport('{"logits":[0.5,"x"],"targets":[1,0]}');
    expect(!j.ok && j.error).toMatch(/^JSON case 0: logits\[1\]/);
    const c = parseImport('logit,label\n0.5,1\n0.5,x\n');
    expect(!c.ok && c.error).toMatch(/^CSV line 3, column 2/);
  });

  it('imports case 0 of an array by default, any other on request, and says which', () => {
    const r = parseImport(GOLDEN_TEXT, 'dr_loss_cases.json', { caseIndex: 5 });
    expect(r.ok && r.notices).toEqual([
      `The file holds ${golden.length} cases; case 5 was imported`,
    ]);
    expect(r.ok && r.source.kind === 'explicit' && r.source.name).toBe('dr_loss_cases.json #5');
    expect(parseImport(GOLDEN_TEXT, undefined, { caseIndex: 48 }).ok).toBe(false);
  });

  it('keeps the default for a case parameter outside the app’s range, naming it', () => {
    const r = parseImport('{"logits":[0.5,-1],"targets":[1,0],"params":{"L":500,"tau":2}}');
    expect(r.ok && r.params).toEqual({ ...DEFAULT_APP_PARAMS, tau: 2 });
    expect(r.ok && r.notices.join()).toContain('L (logistic sharpness) = 500');
  });

  it.each(golden.map((g, i) => [i, g] as const))(
    'golden case %i: imported, linked and reloaded, gives its expected loss and P̂± to 1e-9',
    (i, g) => {
      const r = parseImport(JSON.stringify(g), `case${i}.json`);
      expect(r.ok).toBe(true);
      if (!r.ok || !r.params) return;
      expect(r.notices).toEqual([]);
      // Through the permalink and back: the numbers must survive exactly.
      const { state, notices } = decodePermalink(
        encodePermalink({ params: r.params, source: r.source }),
      );
      expect(notices).toEqual([]);
      const set = materialize(state.source);
      const { result } = drLoss(set.logits, set.targets, set.K, toEngineParams(state.params));
      expect(rel(result.loss, g.expected.loss)).toBeLessThan(1e-9);
      expect(rel(result.pPlus, g.expected.pPlus)).toBeLessThan(1e-9);
      expect(rel(result.pMinus, g.expected.pMinus)).toBeLessThan(1e-9);
    },
  );
});
