/**
 * What the store produces for the rest of the app: the persisted state (what a permalink carries) and
 * the edits a panel may ask the store to apply.
 */
import type { CandidateSource } from '../data/types.ts';
import type { AppParams } from '../params/types.ts';
import type { TrainChoice } from './train.ts';

/** One choice of parameters and candidates: what a pinned baseline (A) freezes. */
export interface Choice {
  readonly params: AppParams;
  readonly source: CandidateSource;
}

/** Everything a permalink carries (and undo restores): the choice, and the baseline A when pinned. */
export interface PersistedState extends Choice {
  /** The pinned baseline A; absent when none. Its source is often the very object of `source`. */
  readonly baseline?: Choice;
  /** The Train section's setup and shown step; absent when both are the defaults (state/train.ts). */
  readonly train?: TrainChoice;
}

/** An edit a panel asks for; the app applies it through the store (so undo works). */
export type PanelEdit =
  | {
      readonly kind: 'setLogit';
      readonly row: number;
      readonly cls: number;
      readonly logit: number;
    }
  | { readonly kind: 'cycleLabel'; readonly row: number }
  | { readonly kind: 'delete'; readonly row: number };
