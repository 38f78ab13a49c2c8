import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/cli/check.ts';
import { runCli } from '../../src/cli/run.ts';
import type { CliIo, CliOutcome } from '../../src/cli/run.ts';
import { port } from '../check/ports.ts';
import type { PortCase } from '../check/ports.ts';

const CASE: PortCase = {
  logits: [
    [1.2, -0.4],
    [-1.5, 0.8],
    [0.1, 1.9],
    [2.4, -0.2],
    [-0.3, -1.1],
  ],
  targets: [1, 0, 2, -1, 1],
};
const check = (yours: unknown) => ({ ...CASE, yours });

function parse(out: CliOutcome): { verdict: string; variant: string | null; matches: string[] } {
  expect(out.stderr).toBe('');
  return JSON.parse(out.stdout) as { verdict: string; variant: string | null; matches: string[] };
}

function oneLineFailure(out: CliOutcome): string {
  expect(out.code).toBe(2);
  expect(out.stdout).toBe('');
  expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  return out.stderr.trimEnd();
}

describe('dr check: verdicts and exit status', () => {
  it('official float64 numbers: verdict match, variant official, exit 0', () => {
    const out = checkText(JSON.stringify(check(port(CASE, 'official'))));
    expect(out.code).toBe(0);
    expect(parse(out)).toMatchObject({ verdict: 'match', variant: 'official' });
  });

  it('official float32 numbers: verdict match-float32, variant float32, exit 0', () => {
    const out = checkText(JSON.stringify(check(port(CASE, 'official', true))));
    expect(out.code).toBe(0);
    expect(parse(out)).toMatchObject({ verdict: 'match-float32', variant: 'float32' });
  });

  it('a port with the seed blog’s sign error: mismatch, variant positive-sign, exit 3', () => {
    const out = checkText(JSON.stringify(check(port(CASE, 'positive-sign'))));
    expect(out.code).toBe(3);
    expect(parse(out)).toMatchObject({ verdict: 'mismatch', variant: 'positive-sign' });
  });

  it('the loss alone is enough to check (grad, pPlus and pMinus are optional)', () => {
    const { loss } = port(CASE, 'official');
    const out = checkText(JSON.stringify(check({ loss })));
    expect(out.code).toBe(0);
    expect(parse(out).verdict).toBe('match');
  });

  it('an array of checks gives an array, exit 3 when any one mismatches', () => {
    const text = JSON.stringify([
      check(port(CASE, 'official')),
      check(port(CASE, 'lambdas-swapped')),
    ]);
    const out = checkText(text);
    expect(out.code).toBe(3);
    const got = JSON.parse(out.stdout) as { variant: string }[];
    expect(got.map((d) => d.variant)).toEqual(['official', 'lambdas-swapped']);
  });

  it('each diagnosis holds per-field yours, expected, relative error, the worst gradient entry and a hint', () => {
    const d = JSON.parse(checkText(JSON.stringify(check(port(CASE, 'grad-wrt-scores')))).stdout);
    expect(Object.keys(d)).toEqual(['verdict', 'variant', 'matches', 'fields', 'hint']);
    expect(Object.keys(d.fields)).toEqual(['loss', 'pPlus', 'pMinus', 'grad']);
    expect(Object.keys(d.fields.loss)).toEqual(['yours', 'expected', 'relError', 'agreement']);
    expect(d.fields.loss.agreement).toBe('float64');
    expect(d.fields.grad.agreement).toBe('none');
    expect(d.fields.grad.at).toHaveLength(2);
    expect(d.hint).toMatch(/p·\(1 − p\)/);
  });
});

describe('dr check: extreme but valid numbers', () => {
  it('a loss of 1e308 against a tiny expected one is a mismatch with relError null, not an internal error', () => {
    const c = { logits: [-30, -30], targets: [0, 0], params: { tau: 1e-10 } };
    const out = checkText(JSON.stringify({ ...c, yours: { loss: 1e308, grad: [1e308, -1e308] } }));
    expect(out.stderr).toBe('');
    expect(out.code).toBe(3);
    const d = JSON.parse(out.stdout);
    expect(d.fields.loss.relError).toBeNull();
    expect(d.fields.grad.relError).toBeNull();
  });
});

describe('dr check never fails internally (fast-check, seeded)', () => {
  it('any finite yours on random cases gives exit 0 or 3 and parseable JSON', () => {
    const num = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -10, max: 10, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 18, maxLength: 18 }),
        fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 6, maxLength: 6 }),
        fc.constantFrom('logistic', 'quad', 'hinge'),
        fc.double({ min: 0.001, max: 10, noNaN: true }),
        num,
        fc.array(num, { minLength: 18, maxLength: 18 }),
        (R, K, xs, ts, smoothing, lambdaNeg, loss, gs) => {
          const logits = Array.from({ length: R }, (_, r) => xs.slice(r * K, r * K + K));
          const targets = ts.slice(0, R).map((t) => Math.min(t, K));
          const grad = Array.from({ length: R }, (_, r) => gs.slice(r * K, r * K + K));
          const text = JSON.stringify({
            logits,
            targets,
            params: { smoothing, lambdaNeg },
            yours: { loss, grad },
          });
          const out = checkText(text);
          expect(out.stderr).toBe('');
          expect([0, 3]).toContain(out.code);
          expect(() => JSON.parse(out.stdout) as unknown).not.toThrow();
        },
      ),
      { seed: 31337, numRuns: 300 },
    );
  });
});

describe('dr check: bad input exits 2 with one stderr line naming case and field', () => {
  it.each([
    ['not JSON', '{', /^input: not valid JSON/],
    ['no yours', JSON.stringify(CASE), /^case 0: missing yours/],
    ['yours without loss', JSON.stringify(check({ grad: [] })), /^case 0: missing yours\.loss$/],
    [
      'a non-numeric loss',
      JSON.stringify(check({ loss: '1.5' })),
      /^case 0: yours\.loss is not a finite number \(got "1\.5"\)$/,
    ],
    [
      'a gradient of the wrong length',
      JSON.stringify([check({ loss: 1 }), check({ loss: 1, grad: [[0, 0]] })]),
      /^case 1: yours\.grad has length 1 but logits has 5 rows$/,
    ],
    [
      'a gradient row of the wrong width',
      JSON.stringify(check({ loss: 1, grad: [[0, 0], [0], [0, 0], [0, 0], [0, 0]] })),
      /^case 0: yours\.grad\[1\] has 1 entries but logits has K = 2$/,
    ],
    [
      'a null gradient entry',
      JSON.stringify(
        check({
          loss: 1,
          grad: [
            [0, 0],
            [0, null],
            [0, 0],
            [0, 0],
            [0, 0],
          ],
        }),
      ),
      /^case 0: yours\.grad\[1\]\[1\] is not a finite number \(got null\)$/,
    ],
    [
      'an unknown field in yours',
      JSON.stringify(check({ loss: 1, gradient: [] })),
      /^case 0: yours\.gradient is not a known field/,
    ],
    [
      'a bad case',
      JSON.stringify({ logits: [0, 'x'], targets: [0, 0], yours: { loss: 1 } }),
      /^case 0: logits\[1\] is not a finite number/,
    ],
  ])('%s', (_name, text, pattern) => {
    expect(oneLineFailure(checkText(text))).toMatch(pattern);
  });
});

describe('dr check through runCli', () => {
  const text = JSON.stringify(check(port(CASE, 'official')));
  const io: CliIo = {
    readFile: (path) =>
      path === 'checks.json'
        ? Promise.resolve(text)
        : Promise.reject(new Error('ENOENT: no such file or directory, open')),
    readStdin: () => Promise.resolve(text),
    stdinIsTTY: false,
  };

  it('reads a file or stdin to the same output', async () => {
    const fromFile = await runCli(['check', 'checks.json'], io);
    expect(fromFile.code).toBe(0);
    expect(await runCli(['check'], io)).toEqual(fromFile);
    expect(await runCli(['check', '-'], io)).toEqual(fromFile);
  });

  it('check --help prints its usage; two files exit 2', async () => {
    const help = await runCli(['check', '--help'], io);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run --silent dr -- check/);
    expect(oneLineFailure(await runCli(['check', 'a', 'b'], io))).toMatch(
      /^dr check: expected at most one input file/,
    );
  });

  it('a file named like a subcommand is still read as ./check', async () => {
    const out = await runCli(['./check'], {
      ...io,
      readFile: () => Promise.resolve('{"logits": [0], "targets": [1]}'),
    });
    expect(out.code).toBe(0);
  });
});
