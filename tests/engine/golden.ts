/**
 * Loader for the shared golden cases (../shared/golden/dr_loss_cases.json beside the repository:
 * /work/shared here, `shared/` next to the clone in CI). Fails loudly when the file is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DRParams, Smoothing } from '../../src/engine/types.ts';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const GOLDEN_PATH = resolve(repoRoot, '..', 'shared/golden/dr_loss_cases.json');

interface RawCase {
  logits: number[] | number[][];
  targets: number[];
  params: {
    margin?: number;
    lambdaPos?: number;
    lambdaNeg?: number;
    L?: number;
    tau?: number;
    smoothing?: Smoothing;
    rho?: number;
    negTopK?: number;
  };
  expected: { loss: number; pPlus: number; pMinus: number; grad: number[] | number[][] };
}

/** One golden case in engine shapes. */
export interface GoldenCase {
  readonly index: number;
  readonly logits: Float64Array;
  readonly targets: Int32Array;
  readonly K: number;
  readonly params: Partial<DRParams>;
  readonly expected: { loss: number; pPlus: number; pMinus: number; grad: Float64Array };
}

/** Golden params → DRParams; negTopK is the hard-negative prior size k. */
function mapParams(raw: RawCase['params']): Partial<DRParams> {
  const out: { -readonly [K in keyof DRParams]?: DRParams[K] } = {};
  if (raw.margin !== undefined) out.margin = raw.margin;
  if (raw.lambdaPos !== undefined) out.lambdaPos = raw.lambdaPos;
  if (raw.lambdaNeg !== undefined) out.lambdaNeg = raw.lambdaNeg;
  if (raw.L !== undefined) out.L = raw.L;
  if (raw.tau !== undefined) out.tau = raw.tau;
  if (raw.smoothing !== undefined) out.smoothing = raw.smoothing;
  if (raw.rho !== undefined) out.rho = raw.rho;
  if (raw.negTopK !== undefined) out.original = { kind: 'hardNegative', k: raw.negTopK };
  return out;
}

export function loadGoldenCases(): GoldenCase[] {
  if (!existsSync(GOLDEN_PATH)) {
    throw new Error(
      `golden cases not found at ${GOLDEN_PATH}: the shared/ folder must sit beside the repository`,
    );
  }
  const raw = JSON.parse(readFileSync(GOLDEN_PATH, 'utf8')) as RawCase[];
  if (!Array.isArray(raw) || raw.length === 0) throw new Error(`no golden cases in ${GOLDEN_PATH}`);
  return raw.map((c, index) => {
    const K = Array.isArray(c.logits[0]) ? (c.logits[0] as number[]).length : 1;
    return {
      index,
      logits: new Float64Array(c.logits.flat()),
      targets: new Int32Array(c.targets),
      K,
      params: mapParams(c.params),
      expected: { ...c.expected, grad: new Float64Array(c.expected.grad.flat()) },
    };
  });
}
