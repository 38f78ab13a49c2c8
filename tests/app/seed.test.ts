// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { MAX_SEED, parseSeed } from '../../src/app/seed.ts';

describe('seed box', () => {
  it('accepts whole numbers from 0 to 2^32 − 1', () => {
    expect(parseSeed('0')).toEqual({ ok: true, seed: 0 });
    expect(parseSeed(String(MAX_SEED))).toEqual({ ok: true, seed: 4294967295 });
  });

  it('refuses fractions, negatives, too-large and empty values, naming the seed', () => {
    for (const bad of ['1.5', '-1', '4294967296', '', 'x']) {
      const r = parseSeed(bad);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.key).toBe('seed.invalid');
      expect(!r.ok && r.vars.text).toBe(bad.trim());
    }
  });
});
