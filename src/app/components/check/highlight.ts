/**
 * The entries the last check marked (largest gradient errors first), tied to the candidate source the
 * check loaded: once the set changes (another import, an edit, a preset) the marks no longer apply
 * and are not drawn. Outside the app store on purpose: marks are not part of the choice (no undo, not
 * in the link).
 */
import { create } from 'zustand';
import type { CandidateSource } from '../../../data/types.ts';

interface HighlightState {
  readonly source: CandidateSource | null;
  readonly indices: Int32Array | null;
  set(source: CandidateSource, indices: Int32Array): void;
  clear(): void;
}

export const useHighlight = create<HighlightState>()((set) => ({
  source: null,
  indices: null,
  set: (source, indices) => set({ source, indices }),
  clear: () => set({ source: null, indices: null }),
}));

/** The marks for `source`, or undefined when there are none or they belong to another set. */
export function highlightFor(
  state: Pick<HighlightState, 'source' | 'indices'>,
  source: CandidateSource,
): Int32Array | undefined {
  return state.source === source && state.indices !== null && state.indices.length > 0
    ? state.indices
    : undefined;
}
