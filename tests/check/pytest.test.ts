// The generated pytest file (dr vectors) run under a real pytest: it passes against a port of the
// official code and fails, saying how, against a port carrying positive-sign. The ports are in
// ./python: numpy always, the retyped official PyTorch class when `import torch` works.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkText } from '../../src/cli/check.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const portsDir = fileURLToPath(new URL('./python', import.meta.url));
const TIMEOUT_MS = 120_000;

/** Whether `python -c code` exits 0. */
function pythonRuns(python: string, code: string): boolean {
  try {
    execFileSync(python, ['-c', code], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

const CANDIDATES = [
  ...new Set([process.env.DR_PYTHON, 'python3', '/usr/bin/python3', 'python']),
].filter((p): p is string => p !== undefined && p !== '');
const usable = CANDIDATES.filter((p) => pythonRuns(p, 'import pytest, numpy'));
const withTorch = usable.find((p) => pythonRuns(p, 'import torch'));
/** A Python with pytest and numpy (one with PyTorch too when there is one), or null. */
const python = withTorch ?? usable[0] ?? null;
const torch = withTorch !== undefined;
const NO_PYTHON = `no Python with pytest and numpy found (tried ${CANDIDATES.join(', ')}): install them (Debian: apt-get install python3-pytest python3-numpy; or pip install pytest numpy), or point DR_PYTHON at a Python that has them`;

interface Run {
  code: number;
  out: string;
}

function pytest(dir: string, impl: string): Promise<Run> {
  return new Promise((done, fail) => {
    execFile(
      python!,
      ['-m', 'pytest', '-v', '-rs', '-p', 'no:cacheprovider', join(dir, 'test_dr_loss.py')],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: TIMEOUT_MS,
        env: {
          ...process.env,
          DR_LOSS_IMPL: impl,
          PYTHONPATH: portsDir,
          PYTHONDONTWRITEBYTECODE: '1',
        },
      },
      (err, stdout, stderr) => {
        if (err === null) return done({ code: 0, out: stdout + stderr });
        if (typeof err.code === 'number') return done({ code: err.code, out: stdout + stderr });
        fail(err);
      },
    );
  });
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dr-vectors-'));
  // The real command, as a person runs it.
  execFileSync(
    resolve(repoRoot, 'node_modules/.bin/tsx'),
    ['src/cli/dr.ts', 'vectors', '--out', dir],
    {
      cwd: repoRoot,
      timeout: 60_000,
    },
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const backends: [string, string, string][] = [
  ['numpy', 'dr_loss_numpy:SigmoidDRLoss', 'dr_loss_numpy:PositiveSignDRLoss'],
];
if (torch) {
  backends.push([
    'PyTorch',
    'sigmoid_dr_loss_torch:SigmoidDRLoss',
    'sigmoid_dr_loss_torch:PositiveSignDRLoss',
  ]);
}

describe(
  `the generated test_dr_loss.py under pytest (${torch ? 'PyTorch and numpy ports' : 'numpy port only: PyTorch is not installed here'})`,
  { timeout: TIMEOUT_MS },
  () => {
    it('a Python with pytest and numpy is available', () => {
      expect(python, NO_PYTHON).not.toBeNull();
    });

    it.each(backends)(
      'passes against the %s port of the official code, float64 and float32 reported separately, other surrogates and the prior skipped',
      async (_name, official) => {
        expect(python, NO_PYTHON).not.toBeNull();
        const run = await pytest(dir, official);
        expect(run.code, run.out).toBe(0);
        expect(run.out).toMatch(/test_float64\[golden-0\] PASSED/);
        expect(run.out).toMatch(/test_float32\[golden-0\] PASSED/);
        expect(run.out).toMatch(/test_float32\[thousand-entries\] PASSED/);
        expect(run.out).toMatch(
          /SKIPPED .*no keyword 'smoothing' and this vector needs smoothing = 'quad'/,
        );
        expect(run.out).toMatch(/SKIPPED .*no keyword 'neg_top_k'/);
        expect(run.out).not.toMatch(/FAILED/);
      },
    );

    it.each(backends)(
      'fails against the %s port carrying positive-sign, naming the vector, the field and the numbers',
      async (_name, _official, wrong) => {
        expect(python, NO_PYTHON).not.toBeNull();
        const run = await pytest(dir, wrong);
        expect(run.code).toBe(1);
        expect(run.out).toMatch(/test_float64\[sanity-two-positives\] FAILED/);
        expect(run.out).toMatch(
          /vector sanity-two-positives \(float64, (numpy|torch autograd)\): loss = [\d.]+, expected 2\.5625232619749\d* \(\|difference\| [\d.e-]+ > tolerance/,
        );
        expect(run.out).toMatch(/gradient: \d+ of 5 entries beyond tolerance; worst at \[\d\]/);
        // Vectors without positive entries do not tell the sign apart, and pass.
        expect(run.out).toMatch(/test_float64\[no-positives-one-ignored\] PASSED/);
      },
    );

    it('a numpy class without backward fails saying what it needs', async () => {
      expect(python, NO_PYTHON).not.toBeNull();
      const run = await pytest(dir, 'dr_loss_numpy:ForwardOnlyDRLoss');
      expect(run.code).toBe(1);
      expect(run.out).toMatch(
        /ForwardOnlyDRLoss is not a torch\.nn\.Module, so it needs a method backward\(logits, targets\)/,
      );
    });

    it('without DR_LOSS_IMPL it stops with a message saying what to set', async () => {
      expect(python, NO_PYTHON).not.toBeNull();
      const run = await pytest(dir, '');
      expect(run.code).not.toBe(0);
      expect(run.out).toMatch(/Set DR_LOSS_IMPL=module:ClassName/);
    });

    it.skipIf(!torch)(
      "PyTorch's own SigmoidDRLoss on 10⁵ entries reads match-float32 in float32 and match in float64; with positive-sign, mismatch naming it",
      () => {
        const text = execFileSync(python!, [join(portsDir, 'torch_checks.py')], {
          encoding: 'utf8',
          maxBuffer: 1 << 28,
          timeout: TIMEOUT_MS,
          env: { ...process.env, PYTHONPATH: portsDir, PYTHONDONTWRITEBYTECODE: '1' },
        });
        const out = checkText(text);
        expect(out.code).toBe(3);
        const d = JSON.parse(out.stdout) as { verdict: string; variant: string }[];
        expect(d.map((x) => [x.verdict, x.variant])).toEqual([
          ['match-float32', 'float32'],
          ['match-float32', 'float32'],
          ['match', 'official'],
          ['mismatch', 'positive-sign'],
        ]);
      },
    );
  },
);
