/**
 * From a candidate source (what the permalink stores) to the arrays the engine reads.
 */
import type { CandidateSet, CandidateSource } from './types.ts';
import { applyEdits } from './edits.ts';
import { generatePreset, presetInfo } from './presets.ts';

/**
 * The candidate set a source describes: the preset generated from its seed, or the explicit base,
 * with the source's edits replayed in order (edits that cannot apply are skipped, see applyEdits).
 * Always returns fresh arrays the caller owns (safe to transfer; an explicit source's base is never
 * aliased). Deterministic: the same source gives the same bits everywhere.
 */
export function materialize(source: CandidateSource): CandidateSet {
  if (source.kind === 'generated') {
    const set = generatePreset(source.preset, source.seed);
    return source.edits.length === 0 ? set : applyEdits(set, source.edits);
  }
  return applyEdits(source.base, source.edits);
}

/**
 * An upper bound on R·K of the set a source describes, without building it: the base's rows (from
 * PRESETS for a generated source) plus the added rows, times K. Lets the store decide whether a set is
 * small enough to hold on the main thread.
 */
export function sourceEntries(source: CandidateSource): number {
  const shape = source.kind === 'generated' ? presetInfo(source.preset) : source.base;
  if (!shape) return 0;
  const adds = source.edits.reduce((n, e) => n + (e.op === 'add' ? 1 : 0), 0);
  return (shape.R + adds) * shape.K;
}
