// The real command, spawned as a person runs it (tsx src/cli/dr.ts, and once through npm). Each spawn
// costs ~0.5–1 s, so the many kinds of bad input are covered in-process by run.test.ts; here one of
// each path through the process: file, stdin, JSON error, case error, unreadable path, bad option.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectClose, expectGradClose } from './close.ts';
import { fileURLToPath } from 'node:url';
import { GOLDEN_JSON } from '../golden/cases.ts';
import { port } from '../check/ports.ts';
import type { GoldenJson as GoldenCase } from '../golden/cases.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');
const SPAWN_TIMEOUT_MS = 30_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `command args` in the repo root with `input` on stdin (empty when not given). */
function spawn(command: string, args: string[], input = ''): Promise<Run> {
  return new Promise((done, fail) => {
    const child = execFile(
      command,
      args,
      { cwd: repoRoot, encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS },
      (err, stdout, stderr) => {
        if (err === null) return done({ code: 0, stdout, stderr });
        // A non-zero exit is an outcome to check; a spawn failure or timeout (no numeric code) is not.
        if (typeof err.code === 'number') return done({ code: err.code, stdout, stderr });
        fail(err);
      },
    );
    child.stdin?.end(input);
  });
}

const dr = (args: string[], input?: string) => spawn(tsx, ['src/cli/dr.ts', ...args], input);

/** Exit 2, nothing on stdout, one stderr line, no stack trace; returns the line. */
function expectCleanFailure(run: Run): string {
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(/^\s*at /m);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(run.code).toBe(2);
  return lines[0];
}

function expectMatchesGolden(got: unknown, g: GoldenCase, label: string): void {
  const out = got as { loss: number; pPlus: number; pMinus: number; grad: unknown };
  expectClose(out.loss, g.expected.loss, `${label} loss`);
  expectClose(out.pPlus, g.expected.pPlus, `${label} pPlus`);
  expectClose(out.pMinus, g.expected.pMinus, `${label} pMinus`);
  expectGradClose(out.grad, g.expected.grad, `${label} grad`);
}

const golden = GOLDEN_JSON;
// Saturated λ = 0.001 with -0 gradients, quadratic surrogate, hard-negative prior, flat K = 1, R = 1.
const picked = [0, 5, 6, 7, 14].map((i) => golden[i]);
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dr-cli-'));
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(picked));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dr, the real process', { timeout: SPAWN_TIMEOUT_MS }, () => {
  it('a file of golden cases gives an array matching their expected values to 1e-9', async () => {
    const run = await dr([join(dir, 'cases.json')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const got = JSON.parse(run.stdout) as unknown[];
    expect(got).toHaveLength(picked.length);
    picked.forEach((g, i) => expectMatchesGolden(got[i], g, `picked ${i}`));
    // Golden case 0's exact-zero gradient entries are -0; the output keeps the sign.
    expect(run.stdout).toMatch(/\[-0, -0, /);
  });

  it('one case on stdin gives one object, flat like its flat logits', async () => {
    const run = await dr([], JSON.stringify(golden[7]));
    expect(run.code).toBe(0);
    const got = JSON.parse(run.stdout) as { grad: unknown[] };
    expect(Array.isArray(got)).toBe(false);
    expect(typeof got.grad[0]).toBe('number');
    expectMatchesGolden(got, golden[7], 'golden 7');
  });

  it('invalid JSON on stdin: exit 2, one line, no stack trace', async () => {
    expect(expectCleanFailure(await dr(['-'], '{"logits": [1,'))).toMatch(/^input: not valid JSON/);
  });

  it('an invalid case in an array: exit 2, the line names the case and field, nothing printed', async () => {
    const text = JSON.stringify([
      golden[1],
      {
        logits: [
          [0, 0],
          [0, 'abc'],
        ],
        targets: [0, 0],
      },
    ]);
    expect(expectCleanFailure(await dr([], text))).toBe(
      'case 1: logits[1][1] is not a finite number (got "abc")',
    );
  });

  it('a CSV file (streamed): the numbers of its logits, how they were read on stderr; a bad cell: exit 2', async () => {
    const path = join(dir, 'scores.csv');
    writeFileSync(path, 'logit,label\n2,1\n-1,0\n0.5,0\n-3,-1\n-2,0\n');
    const run = await dr([path]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`dr: ${path}: values read as logits (header "logit")\n`);
    const same = await dr([], '{"logits": [2, -1, 0.5, -3, -2], "targets": [1, 0, 0, -1, 0]}');
    expect(run.stdout).toBe(same.stdout);
    writeFileSync(path, 'logit,label\n2,1\n-1,zero\n');
    expect(expectCleanFailure(await dr([path]))).toBe(
      `dr: ${path}: line 3, column 2 (label): "zero" is not an integer`,
    );
  });

  it('a missing file: exit 2 with the path', async () => {
    const path = join(dir, 'nope.json');
    expect(expectCleanFailure(await dr([path]))).toBe(
      `dr: cannot read ${JSON.stringify(path)}: no such file or directory (ENOENT)`,
    );
  });

  it('a directory as the path: exit 2 with the path', async () => {
    expect(expectCleanFailure(await dr([dir]))).toMatch(/^dr: cannot read ".*dr-cli-.*": .*EISDIR/);
  });

  it('--help prints usage and exits 0; an unknown option exits 2', async () => {
    const help = await dr(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run --silent dr/);
    expect(expectCleanFailure(await dr(['--nope']))).toBe(
      'dr: unknown option "--nope" (see --help)',
    );
  });

  it('dr check: exit 0 for the official numbers, 3 for a port with positive-sign', async () => {
    const c = { logits: [2, -1, 0.5, -3, -2], targets: [1, 1, 0, 0, 0] };
    const ok = await dr(['check'], JSON.stringify({ ...c, yours: port(c, 'official') }));
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).verdict).toBe('match');
    const bad = await dr(['check', '-'], JSON.stringify({ ...c, yours: port(c, 'positive-sign') }));
    expect(bad.code).toBe(3);
    expect(JSON.parse(bad.stdout).variant).toBe('positive-sign');
  });

  it('dr FILE.npz and dr --logits/--targets read NumPy files as the JSON case they hold', async () => {
    const fixtures = join(repoRoot, 'tests/io/fixtures');
    const json = await dr(
      [],
      JSON.stringify({
        logits: [
          [0.5, -1.25, 2.0],
          [3.5, 0.0, -0.75],
          [-2.5, 1.5, 0.25],
          [1.0, -3.0, 0.125],
        ],
        targets: [1, 0, -1, 3],
      }),
    );
    const npz = await dr([join(fixtures, 'case_compressed.npz')]);
    expect(npz.stderr).toBe('');
    expect(npz.stdout).toBe(json.stdout);
    const npy = await dr([
      '--logits',
      join(fixtures, 'logits_f4_be_c.npy'),
      '--targets',
      join(fixtures, 'targets_i4_be.npy'),
    ]);
    expect(npy.stdout).toBe(json.stdout);
    expect(expectCleanFailure(await dr([join(fixtures, 'object.npz')]))).toMatch(/object array/);
  });

  it('the documented `npm run --silent dr` adds nothing to stdout or stderr', async () => {
    const text = JSON.stringify({ logits: [2, -1, 0.5], targets: [1, 0, 0] });
    const viaNpm = await spawn('npm', ['run', '--silent', 'dr', '--', '-'], text);
    expect(viaNpm.stderr).toBe('');
    expect(viaNpm.stdout).toBe((await dr(['-'], text)).stdout);
    const bad = await spawn('npm', ['run', '--silent', 'dr', '--', '-'], '{"logits": [0]}');
    expect(expectCleanFailure(bad)).toBe('case 0: missing targets');
  });
});
