/**
 * The app's one store (zustand vanilla: no React here; src/app binds it). Four slices:
 * - choice: params and the candidate source (the only persisted state) with undo/redo history;
 * - candidates: the materialised set when it is small enough for the main thread (big sets live only
 *   in the worker; the main thread keeps their source description);
 * - view: what the person points at (the hovered entry, shared by every panel) and the display
 *   preferences (language, theme; kept in localStorage by src/app/preferences.ts, never in the link);
 * - engine: the last result shown (scalars and the explainer's snapshot), its status, and notices.
 * Transitions on the choice are the pure functions of history.ts; the engine and the permalink are
 * wired from outside (engineSync.ts, persistence.ts) by subscribing to this store.
 */
import { DEFAULT_STATE } from './defaults.ts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { editProblem, materialize, sourceEntries } from '../data/index.ts';
import type { DRResult } from '../engine/types.ts';
import { t, type StringKey, type StringVars, type Translate } from '../i18n/strings.ts';
import { translateIoMessage, translateRawMessage } from '../i18n/ioMessages.ts';
import type { PanelEdit } from './types.ts';
import type { ExplainerData } from '../explain/types.ts';
import type { ClientError, ClientResult } from '../worker/client.ts';
import type { ObjectivesResponse, ProgressResponse, SetInfo } from '../worker/protocol.ts';
import { candidateEditOf, logitGesture, withEdit } from './candidateEdits.ts';
import {
  EMPTY_HISTORY,
  withChange,
  withGestureEnd,
  withRedo,
  withUndo,
  samePersisted,
  type History,
} from './history.ts';
import type { Preferences } from './preferences.ts';
import type { AppParams } from '../params/types.ts';
import type { CandidateEdit, CandidateSet, CandidateSource } from '../data/types.ts';
import type { Choice, PersistedState } from './types.ts';
import { DEFAULT_LESSON, sameLesson, type Lesson } from './lesson.ts';
import { DEFAULT_TRAIN, trainChoice, withTrainSetup, type TrainChoice } from './train.ts';
import type { TrainSetup } from '../worker/trainFields.ts';

/** Sets of at most this many entries (R·K) are also materialised on the main thread. */
export const MAIN_THREAD_ENTRY_LIMIT = 100_000;

/** Notices kept on screen; older ones drop off. */
export const NOTICE_LIMIT = 6;

/**
 * A notice is stored as a string-table key and its values, never as finished text, so switching the
 * language re-renders it (src/app/components/Notices.tsx). Values are numbers, names from a file or a
 * link, or messages of lower layers that have no key yet (those stay as given).
 */
export interface Notice {
  readonly id: number;
  readonly key: StringKey;
  readonly vars: StringVars;
  /** Values that are themselves keys of the table (a parameter's name): translated when shown. */
  readonly keyed?: Readonly<Record<string, StringKey>>;
  /** 'error' is announced as an alert; 'info' politely. */
  readonly level: 'info' | 'error';
}

/** The text of a notice in one language. */
export function noticeText(n: Pick<Notice, 'key' | 'vars' | 'keyed'>, s: Translate): string {
  let vars = n.vars;
  // An import failure's `error` is a message of the io layer (English, shared with the CLI).
  if (n.key.startsWith('import.') && typeof vars.error === 'string') {
    vars = { ...vars, error: translateIoMessage(vars.error, s, s === t('en')) };
  }
  // A plain-text notice of a lower layer (worker, link decoder): translated where a pattern knows it.
  if (n.key === 'notice.raw' && typeof vars.text === 'string') {
    vars = { ...vars, text: translateRawMessage(vars.text, s, s === t('en')) };
  }
  if (!n.keyed) return s(n.key, vars);
  const named: Record<string, string> = {};
  for (const [name, key] of Object.entries(n.keyed)) named[name] = s(key);
  return s(n.key, { ...vars, ...named });
}

function sameVars(a: StringVars, b: StringVars): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.is(a[k], b[k]));
}

/** The engine result the readouts show. */
export interface ShownResult {
  readonly result: DRResult;
  /** What the explainer panels draw for this result, and the parameters it was computed for. */
  readonly data: ExplainerData;
  readonly params: AppParams;
  readonly info: SetInfo;
  readonly generation: number;
  readonly loadMs: number;
  readonly evaluateMs: number;
  readonly roundTripMs: number;
  /** Computed by the worker before it was asked (ResultResponse.ahead). */
  readonly ahead: boolean;
}

/**
 * 'computing' while a newer request than the shown result exists, 'ready' when the shown result is
 * the newest, 'error' when the newest request failed.
 */
export type EngineStatus = 'computing' | 'ready' | 'error';

/** What the panels draw as the ghost of the pinned baseline A, and the request it answers. */
export interface BaselineShown {
  readonly data: ExplainerData;
  readonly params: AppParams;
  readonly generation: number;
  /** True when it answers the newest baseline request (A as pinned now, not an older A). */
  readonly latest: boolean;
}

export interface AppState {
  readonly params: AppParams;
  readonly source: CandidateSource;
  /** The set `source` describes, or null when it is larger than MAIN_THREAD_ENTRY_LIMIT. */
  readonly candidates: CandidateSet | null;
  readonly history: History;
  readonly view: View;
  readonly shown: ShownResult | null;
  readonly status: EngineStatus;
  /** The newest request's error, when status is 'error'. */
  readonly engineError: string | null;
  /** How far the load in flight has come when a pool of workers builds it (detection scale), else null. */
  readonly loadProgress: ProgressResponse | null;
  readonly engineMode: 'worker' | 'fallback';
  readonly notices: readonly Notice[];
  /** The pinned baseline A (part of the choice: undo and the link carry it); null when none. */
  readonly baseline: Choice | null;
  /** A's computed snapshot, from the same engine client; null while none has arrived or none is pinned. */
  readonly baselineShown: BaselineShown | null;
  /** The lesson view from the link: tour step, hidden blocks, embedded panel (no undo). */
  readonly lesson: Lesson;
  /** The Train section's setup and shown step (part of the choice: undo covers the setup). */
  readonly train: TrainChoice;
}

/** What the person points at and how they read the page (not part of the choice, no undo). */
export interface View extends Preferences {
  /** The hovered or focused entry's flat index r·K + c, highlighted in every panel; null when none. */
  readonly hovered: number | null;
}

export const DEFAULT_PREFERENCES: Preferences = Object.freeze({ lang: 'en', theme: 'system' });

export interface AppActions {
  /**
   * Change some parameters (values already checked, see checkParam). Changes with the same non-null
   * `gesture` tag in a row make one undo step; endGesture() closes it.
   */
  setParams(patch: Partial<AppParams>, gesture?: string | null): void;
  endGesture(): void;
  /** A new candidate set (preset, seed or import), optionally with the params that came with it: one step. */
  setSource(source: CandidateSource, params?: AppParams): void;
  /**
   * Append an edit to the current source: one step (or, with a `gesture` tag, one step per run of
   * edits carrying it; a setLogit of the same entry then replaces the previous one). An edit that
   * cannot apply to the set as it is now (row out of range, last row deleted) changes nothing and
   * gives a notice. Returns whether it applied.
   */
  editCandidates(edit: CandidateEdit, gesture?: string | null): boolean;
  /**
   * Apply a panel's edit (drag or nudge a score, cycle a label, delete): setLogit runs on one entry
   * coalesce into one undo step until endGesture(). Needs the set on the main thread (sets over
   * MAIN_THREAD_ENTRY_LIMIT are not editable; panels have no per-entry marks for them).
   */
  applyPanelEdit(edit: PanelEdit): void;
  undo(): void;
  redo(): void;
  /** Replace the choice without a history step (start-up from a link or storage). */
  restore(state: PersistedState): void;
  engineRequested(): void;
  engineResult(result: ClientResult): void;
  engineFailed(error: ClientError): void;
  engineProgress(progress: ProgressResponse): void;
  /**
   * BCE and FL that a detection-scale load's result went out without: filled into the shown result
   * when it is the one they complete (same generation, still without them); otherwise ignored.
   */
  engineObjectives(objectives: ObjectivesResponse): void;
  setEngineMode(mode: 'worker' | 'fallback'): void;
  /**
   * A notice with text that has no key (a message from a lower layer, in English): kept as the value
   * of 'notice.raw'. Prefer notifyKey.
   */
  notify(text: string, level?: 'info' | 'error'): void;
  /** A notice by string-table key and values: shown in the current language, re-rendered on a switch. */
  notifyKey(
    key: StringKey,
    vars?: StringVars,
    level?: 'info' | 'error',
    keyed?: Readonly<Record<string, StringKey>>,
  ): void;
  dismissNotice(id: number): void;
  setHovered(index: number | null): void;
  setLang(lang: Preferences['lang']): void;
  setTheme(theme: Preferences['theme']): void;
  /** Freeze the current params and candidates as the baseline A: one undo step. */
  pinBaseline(): void;
  /** Exchange A and the current choice: one undo step (nothing when no A is pinned). */
  swapBaseline(): void;
  /** Forget A: one undo step. */
  clearBaseline(): void;
  /** Replace the whole choice (a link typed in the address bar): one undo step. */
  setChoice(state: PersistedState): void;
  engineBaselineResult(result: ClientResult): void;
  setLesson(patch: Partial<Lesson>): void;
  /** Change the training setup (values checked by the caller; a bad one gives a notice): one undo step. */
  setTrainSetup(patch: Partial<TrainSetup>, gesture?: string | null): void;
  /** Show another step of the training (no undo step; the link carries it). */
  setTrainStep(step: number): void;
}

export type AppStoreState = AppState & AppActions;
export type AppStore = StoreApi<AppStoreState>;

/** The persisted part of a store state (what the permalink and localStorage hold). */
export function persistedOf(state: AppState): PersistedState {
  return withTrain(choiceOf(state.params, state.source, state.baseline), state.train);
}

/** `state` with the train choice (left out when it is the default). */
function withTrain(state: PersistedState, train: TrainChoice): PersistedState {
  return train === DEFAULT_TRAIN ? state : { ...state, train };
}

/** A persisted state with `baseline` present only when pinned. */
function choiceOf(
  params: AppParams,
  source: CandidateSource,
  baseline: Choice | null | undefined,
): PersistedState {
  return baseline ? { params, source, baseline } : { params, source };
}

/** Create a store starting from `initial` (defaults when absent) with the reader's `preferences`. */
export function createAppStore(
  initial: PersistedState = DEFAULT_STATE,
  preferences: Preferences = DEFAULT_PREFERENCES,
  lesson: Lesson = DEFAULT_LESSON,
): AppStore {
  let noticeId = 0;
  const candidatesOf = memoCandidates();

  return createStore<AppStoreState>()((set, get) => {
    /** Apply a new choice, recording the old one unless it continues the gesture `tag`. */
    const choose = (choice: PersistedState, tag: string | null = null, train = get().train) => {
      const s = get();
      const present = persistedOf(s);
      const next = withTrain(choice, train);
      if (samePersisted(present, next)) return;
      const history = withChange(s.history, present, next, tag);
      const candidates = candidatesOf(next.source);
      set({
        params: next.params,
        source: next.source,
        ...baselineFields(s, next.baseline),
        candidates,
        history,
        view: viewFor(s, candidates),
        train,
      });
    };
    const travel = (step: { state: PersistedState; history: History } | null) => {
      if (!step) return;
      const candidates = candidatesOf(step.state.source);
      set({
        params: step.state.params,
        source: step.state.source,
        ...baselineFields(get(), step.state.baseline),
        candidates,
        history: step.history,
        view: viewFor(get(), candidates),
        train: step.state.train ?? DEFAULT_TRAIN,
      });
    };

    return {
      params: initial.params,
      source: initial.source,
      candidates: candidatesOf(initial.source),
      history: EMPTY_HISTORY,
      view: { hovered: null, lang: preferences.lang, theme: preferences.theme },
      shown: null,
      status: 'computing',
      engineError: null,
      loadProgress: null,
      engineMode: 'worker',
      notices: [],
      baseline: initial.baseline ?? null,
      baselineShown: null,
      lesson,
      train: initial.train ?? DEFAULT_TRAIN,

      setParams(patch, gesture = null) {
        const s = get();
        choose(choiceOf({ ...s.params, ...patch }, s.source, s.baseline), gesture);
      },
      endGesture() {
        const s = get();
        const history = withGestureEnd(s.history);
        if (history !== s.history) set({ history });
      },
      setSource(source, params) {
        const s = get();
        choose(choiceOf(params ?? s.params, source, s.baseline));
      },
      editCandidates(edit, gesture = null) {
        const s = get();
        const set = s.candidates;
        const problem = set ? editProblem(set.R, set.K, edit) : null;
        if (problem !== null) {
          s.notifyKey('notice.editNotApplied', { problem }, 'error');
          return false;
        }
        const coalesce = gesture !== null && gesture === s.history.tag;
        choose(choiceOf(s.params, withEdit(s.source, edit, coalesce), s.baseline), gesture);
        return true;
      },
      applyPanelEdit(edit) {
        const s = get();
        if (!s.candidates) {
          s.notifyKey('notice.tooLargeToEdit', {}, 'error');
          return;
        }
        const out = candidateEditOf(edit, s.candidates);
        if (!out.ok) {
          s.notifyKey('notice.editNotApplied', { problem: out.error }, 'error');
          return;
        }
        const tag = out.edit.op === 'setLogit' ? logitGesture(out.edit.row, out.edit.cls) : null;
        s.editCandidates(out.edit, tag);
      },
      undo() {
        const s = get();
        travel(withUndo(s.history, persistedOf(s)));
      },
      redo() {
        const s = get();
        travel(withRedo(s.history, persistedOf(s)));
      },
      restore(state) {
        const candidates = candidatesOf(state.source);
        set({
          params: state.params,
          source: state.source,
          ...baselineFields(get(), state.baseline),
          candidates,
          history: EMPTY_HISTORY,
          view: viewFor(get(), candidates),
          train: state.train ?? DEFAULT_TRAIN,
        });
      },
      engineRequested() {
        if (get().status !== 'computing') set({ status: 'computing' });
      },
      engineResult(r) {
        const shown = get().shown;
        // Generations only grow; a reply older than what is shown never replaces it.
        if (shown && r.gen <= shown.generation) return;
        set({
          shown: {
            result: r.result,
            data: r.explained,
            params: r.params,
            info: r.info,
            generation: r.gen,
            loadMs: r.loadMs,
            evaluateMs: r.evaluateMs,
            roundTripMs: r.roundTripMs,
            ahead: r.ahead === true,
          },
          status: r.latest ? 'ready' : 'computing',
          engineError: null,
          loadProgress: null,
        });
      },
      engineFailed(e) {
        if (get().loadProgress !== null) set({ loadProgress: null }); // that load has ended too
        if (!e.latest) return; // a newer request is on its way; its answer decides
        set({ status: 'error', engineError: e.message });
        get().notifyKey('notice.engineFailed', { error: e.message }, 'error');
      },
      engineProgress(p) {
        set({ loadProgress: p });
      },
      engineObjectives(o) {
        const shown = get().shown;
        if (!shown || shown.generation !== o.gen || shown.data.bce !== null) return;
        set({ shown: { ...shown, data: { ...shown.data, bce: o.bce, focal: o.focal } } });
      },
      setEngineMode(mode) {
        set({ engineMode: mode });
      },
      notify(text, level = 'info') {
        get().notifyKey('notice.raw', { text }, level);
      },
      notifyKey(key, vars = {}, level = 'info', keyed) {
        // The same notice again moves to the end instead of piling up (a repeated error stays one line).
        const kept = get().notices.filter((n) => !(n.key === key && sameVars(n.vars, vars)));
        const notice: Notice = keyed
          ? { id: ++noticeId, key, vars, keyed, level }
          : { id: ++noticeId, key, vars, level };
        const notices = [...kept, notice].slice(-NOTICE_LIMIT);
        set({ notices });
      },
      dismissNotice(id) {
        set({ notices: get().notices.filter((n) => n.id !== id) });
      },
      setHovered(index) {
        const view = get().view;
        if (view.hovered !== index) set({ view: { ...view, hovered: index } });
      },
      setLang(lang) {
        const view = get().view;
        if (view.lang !== lang) set({ view: { ...view, lang } });
      },
      setTheme(theme) {
        const view = get().view;
        if (view.theme !== theme) set({ view: { ...view, theme } });
      },
      pinBaseline() {
        const s = get();
        choose(choiceOf(s.params, s.source, { params: s.params, source: s.source }));
      },
      swapBaseline() {
        const s = get();
        const a = s.baseline;
        if (!a) return;
        choose(choiceOf(a.params, a.source, { params: s.params, source: s.source }));
      },
      clearBaseline() {
        const s = get();
        if (s.baseline) choose(choiceOf(s.params, s.source, null));
      },
      setChoice(state) {
        choose(
          choiceOf(state.params, state.source, state.baseline),
          null,
          state.train ?? DEFAULT_TRAIN,
        );
      },
      engineBaselineResult(r) {
        const s = get();
        if (!s.baseline) return;
        if (s.baselineShown && r.gen <= s.baselineShown.generation) return;
        set({
          baselineShown: {
            data: r.explained,
            params: r.params,
            generation: r.gen,
            latest: r.latest,
          },
        });
      },
      setLesson(patch) {
        const lesson = { ...get().lesson, ...patch };
        if (!sameLesson(lesson, get().lesson)) set({ lesson });
      },
      setTrainSetup(patch, gesture = null) {
        const s = get();
        const r = withTrainSetup(s.train, patch);
        if (!r.ok) {
          s.notify(`train ${r.field} ${r.why}`, 'error');
          return;
        }
        choose(choiceOf(s.params, s.source, s.baseline), gesture, r.value);
      },
      setTrainStep(step) {
        const train = get().train;
        const next = trainChoice(train.setup, step);
        if (next.step !== train.step || next.setup !== train.setup) set({ train: next });
      },
    };
  });
}

/**
 * The view after the candidates become `next`: the hovered entry is kept while the set keeps its
 * shape (a drag or a relabel changes values, not which entry an index names) and cleared when rows
 * come or go, or when the set is not on the main thread to tell.
 */
function viewFor(state: AppState, next: CandidateSet | null): View {
  const prev = state.candidates;
  const same = prev !== null && next !== null && prev.R === next.R && prev.K === next.K;
  return same || state.view.hovered === null ? state.view : { ...state.view, hovered: null };
}

/**
 * The store fields for a new baseline: A itself, and its shown snapshot, dropped when A is gone and
 * marked stale when A changed (the panels keep the old ghost until the new one arrives).
 */
function baselineFields(
  state: AppState,
  next: Choice | undefined,
): Pick<AppState, 'baseline' | 'baselineShown'> {
  const baseline = next ?? null;
  if (baseline === state.baseline) {
    return { baseline, baselineShown: state.baselineShown };
  }
  const shown = state.baselineShown;
  return {
    baseline,
    baselineShown: baseline && shown ? { ...shown, latest: false } : null,
  };
}

/** Materialise small sets once per source object (undo/redo brings back the same objects). */
function memoCandidates(): (source: CandidateSource) => CandidateSet | null {
  const cache = new WeakMap<CandidateSource, CandidateSet | null>();
  return (source) => {
    let set = cache.get(source);
    if (set === undefined) {
      set = sourceEntries(source) <= MAIN_THREAD_ENTRY_LIMIT ? materialize(source) : null;
      cache.set(source, set);
    }
    return set;
  };
}
