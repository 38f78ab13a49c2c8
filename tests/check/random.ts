// Seeded random problems for the tests of src/check (mulberry32: deterministic, never Math.random).
import { DEFAULT_PARAMS } from '../../src/engine/index.ts';
import type { DRParams } from '../../src/engine/index.ts';
import type { ParsedCase } from '../../src/io/case.ts';

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * R×K logits ~ scale·N(0, 1) and targets: ignored with probability pIgnored, a class with probability
 * pPositive, else background.
 */
export function randomCase(
  seed: number,
  R: number,
  K: number,
  params: Partial<DRParams> = {},
  opts: { scale?: number; pIgnored?: number; pPositive?: number } = {},
): ParsedCase {
  const u = rng(seed);
  const scale = opts.scale ?? 2;
  const logits = new Float64Array(R * K);
  for (let i = 0; i < logits.length; i++) {
    logits[i] = scale * Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  }
  const targets = new Int32Array(R);
  for (let r = 0; r < R; r++) {
    const v = u();
    targets[r] =
      v < (opts.pIgnored ?? 0.05)
        ? -1
        : v < (opts.pIgnored ?? 0.05) + (opts.pPositive ?? 0.05)
          ? 1 + Math.floor(u() * K)
          : 0;
  }
  return {
    logits,
    targets,
    R,
    K,
    flat: false,
    params: { ...DEFAULT_PARAMS, ...params },
    features: null,
  };
}
