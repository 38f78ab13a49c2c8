import { describe, expect, it } from 'vitest';
import { ANCHOR_DEFAULTS, generateAnchors } from '../../src/data/anchors.ts';
import type { AnchorSet } from '../../src/data/anchors.ts';

/** FNV-1a over the bytes: a fingerprint of the exact bits. */
function fnv(a: Float64Array | Int32Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** x coordinates of the rows [from, to). */
function xs(set: AnchorSet, from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r < to; r++) out.push(set.features[2 * r]);
  return out;
}

describe('generateAnchors', () => {
  it('builds the default set: 10⁴ anchors, 99 positives (1:100), 198 hard negatives, 2-D features', () => {
    const set = generateAnchors();
    expect(set.R).toBe(ANCHOR_DEFAULTS.anchors);
    expect([set.K, set.d]).toEqual([1, 2]);
    expect(set.counts).toEqual({ positives: 99, hard: 198, easy: 9703 });
    expect(set.features.length).toBe(2 * set.R);
    expect(Array.from(set.targets.subarray(0, 99)).every((t) => t === 1)).toBe(true);
    expect(Array.from(set.targets.subarray(99)).every((t) => t === 0)).toBe(true);
    expect(set.features.every((x) => Number.isFinite(x))).toBe(true);
  });

  it('is a pure function of its options, pinned to the bit (same draws in every JavaScript engine)', () => {
    const a = generateAnchors({ seed: 42 });
    const b = generateAnchors({ seed: 42 });
    expect(fnv(a.features)).toBe(fnv(b.features));
    expect(fnv(a.targets)).toBe(fnv(b.targets));
    expect(fnv(generateAnchors({ seed: 43 }).features)).not.toBe(fnv(a.features));
    // the default set's fingerprint: a change of generator or stream shows here
    const d = generateAnchors();
    expect([fnv(d.features), fnv(d.targets)]).toEqual(['5b90f210', 'ee8ec1d4']);
  });

  it('puts the positives in clusters at x = 2.5, the band between them and the easy negatives', () => {
    const set = generateAnchors({ overlap: 0 });
    const { positives, hard } = set.counts;
    const pos = mean(xs(set, 0, positives));
    const band = mean(xs(set, positives, positives + hard));
    const easy = mean(xs(set, positives + hard, set.R));
    expect(pos).toBeCloseTo(2.5, 1);
    expect(band).toBeCloseTo(2.5 - 0.35 * 3.5, 1);
    expect(easy).toBeCloseTo(-1.5, 1);
  });

  it('moves the band towards the clusters as overlap grows', () => {
    const gap = (overlap: number): number => {
      const set = generateAnchors({ overlap });
      const { positives, hard } = set.counts;
      return mean(xs(set, 0, positives)) - mean(xs(set, positives, positives + hard));
    };
    expect(gap(0)).toBeGreaterThan(gap(0.5));
    expect(gap(0.5)).toBeGreaterThan(gap(1));
    expect(gap(1)).toBeGreaterThan(0);
  });

  it('with K = 2 gives the lower clusters class 1 and the upper class 2', () => {
    const set = generateAnchors({ classes: 2, clusters: 4 });
    expect(set.K).toBe(2);
    const y = { 1: [] as number[], 2: [] as number[] };
    for (let r = 0; r < set.counts.positives; r++) {
      y[set.targets[r] as 1 | 2].push(set.features[2 * r + 1]);
    }
    expect(y[1].length).toBeGreaterThan(0);
    expect(y[2].length).toBeGreaterThan(0);
    expect(mean(y[1])).toBeLessThan(0);
    expect(mean(y[2])).toBeGreaterThan(0);
  });

  it('reaches 10⁶ anchors at 1:10⁴ (100 positives)', () => {
    const set = generateAnchors({ anchors: 1_000_000, imbalance: 10_000 });
    expect(set.counts.positives).toBe(100);
    expect(set.counts.hard + set.counts.easy).toBe(999_900);
    expect(set.features.length).toBe(2_000_000);
  });

  it('rejects options out of range, naming the option', () => {
    expect(() => generateAnchors({ anchors: 1 })).toThrow(/^anchors must be/);
    expect(() => generateAnchors({ anchors: 1_000_001 })).toThrow(/^anchors must be/);
    expect(() => generateAnchors({ imbalance: 2e4 })).toThrow(/^imbalance must be/);
    expect(() => generateAnchors({ overlap: -0.1 })).toThrow(/^overlap must be/);
    expect(() => generateAnchors({ classes: 3 as 1 })).toThrow(/^classes must be/);
    expect(() => generateAnchors({ classes: 2, clusters: 1 })).toThrow(/^clusters must be/);
    expect(() => generateAnchors({ hardPerPositive: NaN })).toThrow(/^hardPerPositive must be/);
    expect(() => generateAnchors({ seed: Infinity })).toThrow(/^seed must be/);
  });
});
