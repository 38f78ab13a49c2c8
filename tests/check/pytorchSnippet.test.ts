// The exported PyTorch snippet, run with a python3 that has torch: its last line is the engine's loss
// to 1e-6 relative (inline data, and the .npz beside it for a set over 10⁴ entries).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, drLoss } from '../../src/engine/index.ts';
import type { DRParams } from '../../src/engine/types.ts';
import type { CandidateSet } from '../../src/data/types.ts';
import { SNIPPET_NPZ_NAME, pytorchSnippet } from '../../src/check/pytorchSnippet.ts';
import { npzBytes } from '../../src/io/npzWrite.ts';

const CANDIDATES = [...new Set([process.env.DR_PYTHON, 'python3', '/usr/bin/python3'])].filter(
  (p): p is string => p !== undefined,
);
const python = CANDIDATES.find((p) => {
  try {
    execFileSync(p, ['-c', 'import torch, numpy'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
});
const why =
  python === undefined
    ? ` (skipped: no python with torch and numpy among ${CANDIDATES.join(', ')})`
    : '';

function randomSet(R: number, K: number, seed: number): CandidateSet {
  let a = seed;
  const u = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  const logits = Float64Array.from({ length: R * K }, () => (u() * 2 - 1) * 4);
  const targets = Int32Array.from({ length: R }, () => {
    const v = u();
    return v < 0.05 ? -1 : v < 0.3 ? 1 + Math.floor(u() * K) : 0;
  });
  return { R, K, logits, targets };
}

function run(set: CandidateSet, params: DRParams, withNpz: boolean): number {
  const dir = mkdtempSync(join(tmpdir(), 'snippet-'));
  const loss = drLoss(set.logits, set.targets, set.K, params).result.loss;
  writeFileSync(join(dir, 'dr_loss_case.py'), pytorchSnippet(set, params, loss));
  if (withNpz) {
    writeFileSync(
      join(dir, SNIPPET_NPZ_NAME),
      npzBytes({
        logits: { values: set.logits, shape: [set.R, set.K] },
        targets: { values: set.targets, shape: [set.R] },
      }),
    );
  }
  const out = execFileSync(python!, [join(dir, 'dr_loss_case.py')], { timeout: 120_000 })
    .toString()
    .trimEnd()
    .split('\n');
  return Number(out[out.length - 1]);
}

describe('PyTorch snippet', () => {
  it.skipIf(python === undefined)(`inline data: prints the engine's loss to 1e-6${why}`, () => {
    const set = randomSet(200, 3, 9);
    const params: DRParams = { ...DEFAULT_PARAMS, lambdaNeg: 0.05, margin: 0.3, tau: 3 };
    const expected = drLoss(set.logits, set.targets, 3, params).result.loss;
    const got = run(set, params, false);
    expect(Math.abs(got - expected) / Math.abs(expected)).toBeLessThan(1e-6);
  });

  it.skipIf(python === undefined)(`over 10⁴ entries: loads the .npz beside it${why}`, () => {
    const set = randomSet(6000, 2, 4);
    const snippet = pytorchSnippet(set, DEFAULT_PARAMS, 0);
    expect(snippet).toContain(SNIPPET_NPZ_NAME);
    expect(snippet).not.toContain('LOGITS = [');
    const expected = drLoss(set.logits, set.targets, 2, DEFAULT_PARAMS).result.loss;
    const got = run(set, DEFAULT_PARAMS, true);
    expect(Math.abs(got - expected) / Math.abs(expected)).toBeLessThan(1e-6);
  });
});
