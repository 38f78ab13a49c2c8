import { describe, expect, it } from 'vitest';
import { runCli, runText } from '../../src/cli/run.ts';
import type { CliIo, CliOutcome, Evaluate } from '../../src/cli/run.ts';
import { GOLDEN_JSON } from '../golden/cases.ts';
import { expectClose, expectGradClose } from './close.ts';

const golden = GOLDEN_JSON;

/** A run that must fail: exit code, exactly one stderr line, nothing on stdout. */
function expectOneLineFailure(out: CliOutcome, code: 1 | 2): string {
  expect(out.code).toBe(code);
  expect(out.stdout).toBe('');
  expect(out.stderr.endsWith('\n')).toBe(true);
  expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  return out.stderr.trimEnd();
}

describe('runText on the golden cases', () => {
  it('reproduces loss, P̂+, P̂− and the gradient of all 48 cases to 1e-9 relative', () => {
    const out = runText(JSON.stringify(golden));
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    const got = JSON.parse(out.stdout) as {
      loss: number;
      pPlus: number;
      pMinus: number;
      grad: unknown;
    }[];
    expect(got).toHaveLength(golden.length);
    golden.forEach((g, i) => {
      expectClose(got[i].loss, g.expected.loss, `case ${i} loss`);
      expectClose(got[i].pPlus, g.expected.pPlus, `case ${i} pPlus`);
      expectClose(got[i].pMinus, g.expected.pMinus, `case ${i} pMinus`);
      expectGradClose(got[i].grad, g.expected.grad, `case ${i} grad`);
    });
  });

  it('answers one case with one object, and a one-case array with a one-item array', () => {
    const one = golden[1];
    expect(Array.isArray(JSON.parse(runText(JSON.stringify(one)).stdout))).toBe(false);
    expect(JSON.parse(runText(JSON.stringify([one])).stdout)).toHaveLength(1);
  });

  it('keeps a flat input flat and a nested K = 1 input nested', () => {
    const flat = JSON.parse(runText('{"logits": [2, -1], "targets": [1, 0]}').stdout);
    expect(flat.grad).toHaveLength(2);
    expect(typeof flat.grad[0]).toBe('number');
    const nested = JSON.parse(runText('{"logits": [[2], [-1]], "targets": [1, 0]}').stdout);
    expect(nested.grad).toEqual([[flat.grad[0]], [flat.grad[1]]]);
  });

  it('matches the sanity values of docs/maths.md §6 (no positives: P̂+ = 1, ignored row gets 0)', () => {
    const out = JSON.parse(
      runText('{"logits": [2, -1, 0.5, -3, -2], "targets": [0, 0, 0, -1, 0]}').stdout,
    );
    expectClose(out.loss, 1.5512754, 'loss', 1e-7);
    expect(out.pPlus).toBe(1);
    expectClose(out.pMinus, 0.8707033, 'pMinus', 1e-7);
    const want = [0.41055034, -0.00209256, -0.06765442, 0, -0.00022034];
    want.forEach((w, j) => expect(Math.abs(out.grad[j] - w)).toBeLessThanOrEqual(5e-9));
  });
});

describe('runText on bad input: exit 2, one stderr line naming case and field, empty stdout', () => {
  const bad: [string, string, RegExp][] = [
    ['not JSON', '{"logits": [1', /^input: not valid JSON/],
    ['empty input', '', /^input: empty/],
    ['not an object or array', '"x"', /^input: expected one case object/],
    [
      'missing logits',
      '[{"logits": [0], "targets": [0]}, {"targets": [0]}]',
      /^case 1: missing logits$/,
    ],
    ['missing targets', '{"logits": [0]}', /^case 0: missing targets$/],
    ['empty logits', '{"logits": [], "targets": []}', /^case 0: logits is empty/],
    [
      'ragged logits',
      '{"logits": [[1, 2], [3]], "targets": [0, 0]}',
      /^case 0: logits\[1\] has 1 entries/,
    ],
    [
      'non-numeric logit',
      '{"logits": [[1, "abc"]], "targets": [0]}',
      /^case 0: logits\[0\]\[1\] is not a finite number \(got "abc"\)$/,
    ],
    [
      'overflowing logit',
      '{"logits": [1e999], "targets": [0]}',
      /^case 0: logits\[0\] is not a finite number \(got Infinity/,
    ],
    [
      'targets wrong length',
      '{"logits": [0, 0], "targets": [0]}',
      /^case 0: targets has length 1 but logits has 2 rows$/,
    ],
    [
      'target out of range',
      '{"logits": [[0, 0]], "targets": [3]}',
      /^case 0: targets\[0\] = 3 is out of range/,
    ],
    [
      'non-integer target',
      '{"logits": [0], "targets": [0.5]}',
      /^case 0: targets\[0\] = 0.5 is not an integer$/,
    ],
    [
      'unknown smoothing',
      '{"logits": [0], "targets": [0], "params": {"smoothing": "focal"}}',
      /^case 0: params\.smoothing must be/,
    ],
    [
      'λ− ≤ 0',
      '{"logits": [0], "targets": [0], "params": {"lambdaNeg": 0}}',
      /^case 0: params\.lambdaNeg = 0 is out of range/,
    ],
    [
      'L ≤ 0',
      '{"logits": [0], "targets": [0], "params": {"L": -6}}',
      /^case 0: params\.L = -6 is out of range/,
    ],
    [
      'ρ ≤ 0',
      '{"logits": [0], "targets": [0], "params": {"rho": 0}}',
      /^case 0: params\.rho = 0 is out of range/,
    ],
    [
      'τ < 0',
      '{"logits": [0], "targets": [0], "params": {"tau": -4}}',
      /^case 0: params\.tau = -4 is out of range/,
    ],
    [
      'negTopK not a positive integer',
      '{"logits": [0], "targets": [0], "params": {"negTopK": 1.5}}',
      /^case 0: params\.negTopK must be a positive integer/,
    ],
    [
      'unknown param key',
      '{"logits": [0], "targets": [0], "params": {"lamda": 1}}',
      /^case 0: params\.lamda is not a known parameter/,
    ],
    [
      'number as a string',
      '{"logits": ["0.5"], "targets": [0]}',
      /^case 0: logits\[0\] is not a finite number \(got "0.5", a string/,
    ],
  ];
  it.each(bad)('%s', (_name, text, pattern) => {
    expect(expectOneLineFailure(runText(text), 2)).toMatch(pattern);
  });

  it('prints nothing for the good cases before a bad one (no partial output)', () => {
    const text = JSON.stringify([golden[0], golden[1], { logits: [0], targets: [9] }]);
    expect(expectOneLineFailure(runText(text), 2)).toMatch(/^case 2: targets\[0\] = 9/);
  });
});

describe('runText when the engine fails: exit 1, one line, empty stdout', () => {
  const ok = '[{"logits": [0], "targets": [1]}, {"logits": [0], "targets": [0]}]';

  it('reports an engine exception with the case index', () => {
    let calls = 0;
    const throwing: Evaluate = () => {
      if (++calls === 2) throw new Error('boom\n    at somewhere');
      return { result: { loss: 1, pPlus: 1, pMinus: 0 }, gradLogits: new Float64Array(1) };
    };
    expect(expectOneLineFailure(runText(ok, throwing), 1)).toBe(
      'case 1: internal error: boom at somewhere',
    );
  });

  it('refuses to print NaN or Infinity, naming what was non-finite', () => {
    const nanGrad: Evaluate = () => ({
      result: { loss: 1, pPlus: 1, pMinus: 0 },
      gradLogits: Float64Array.of(NaN),
    });
    expect(expectOneLineFailure(runText(ok, nanGrad), 1)).toMatch(/^case 0: internal error: .*NaN/);
    const infLoss: Evaluate = () => ({
      result: { loss: Infinity, pPlus: 1, pMinus: 0 },
      gradLogits: new Float64Array(1),
    });
    expect(expectOneLineFailure(runText(ok, infLoss), 1)).toBe(
      'case 0: internal error: the engine returned loss = Infinity',
    );
  });
});

describe('runCli: arguments and reading', () => {
  const text = '{"logits": [0], "targets": [1]}';
  const io = (over: Partial<CliIo> = {}): CliIo => ({
    readFile: (path) =>
      path === 'case.json'
        ? Promise.resolve(text)
        : Promise.reject(
            Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
              code: 'ENOENT',
            }),
          ),
    readStdin: () => Promise.resolve(text),
    stdinIsTTY: false,
    ...over,
  });

  it('reads the named file, or stdin with no path or "-", to the same output', async () => {
    const fromFile = await runCli(['case.json'], io());
    expect(fromFile.code).toBe(0);
    expect(await runCli([], io())).toEqual(fromFile);
    expect(await runCli(['-'], io())).toEqual(fromFile);
  });

  it('an unreadable file exits 2 with the path and the reason on one line', async () => {
    const line = expectOneLineFailure(await runCli(['missing.json'], io()), 2);
    expect(line).toBe('dr: cannot read "missing.json": no such file or directory (ENOENT)');
  });

  it('--help prints usage on stdout and exits 0', async () => {
    const out = await runCli(['--help'], io());
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Usage: npm run --silent dr -- \[case\.json \| -\]/);
  });

  it('no path at an interactive terminal prints usage on stderr (exit 2) instead of waiting', async () => {
    const out = await runCli([], io({ stdinIsTTY: true, readStdin: () => new Promise(() => {}) }));
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^Usage:/);
  });

  it('"-" reads stdin even at a terminal (the person asked for it)', async () => {
    expect((await runCli(['-'], io({ stdinIsTTY: true }))).code).toBe(0);
  });

  it('an unknown option exits 2 with one line', async () => {
    expect(expectOneLineFailure(await runCli(['--fast'], io()), 2)).toBe(
      'dr: unknown option "--fast" (see --help)',
    );
  });
});
