/** Seeded randomness for tests (mulberry32): deterministic, never Math.random. */
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

/** A standard normal draw (Box–Muller) from a uniform source. */
export function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/**
 * A random problem: R rows × K classes, logits ~ scale·N(0,1), targets from -1..K with the given
 * probabilities of ignored (-1) and positive rows; the rest background.
 */
export function randomProblem(
  seed: number,
  R: number,
  K: number,
  opts: { scale?: number; pIgnored?: number; pPositive?: number } = {},
): { logits: Float64Array; targets: Int32Array; K: number } {
  const u = rng(seed);
  const scale = opts.scale ?? 2;
  const logits = new Float64Array(R * K);
  for (let i = 0; i < logits.length; i++) logits[i] = scale * normal(u);
  const targets = new Int32Array(R);
  for (let r = 0; r < R; r++) {
    const x = u();
    if (x < (opts.pIgnored ?? 0.1)) targets[r] = -1;
    else if (x < (opts.pIgnored ?? 0.1) + (opts.pPositive ?? 0.3))
      targets[r] = 1 + Math.floor(u() * K);
    else targets[r] = 0;
  }
  return { logits, targets, K };
}
