/**
 * The permalink codec: PersistedState ⇄ URL hash text. Pure (no location, no storage) and total:
 * decodePermalink accepts any string, never throws, keeps the default for each field it cannot use
 * and returns one notice per such field, naming it.
 *
 * Format (version 1), `&`-separated `key=value`, values percent-encoded where needed:
 *   v=1 · one key per parameter that differs from its default (margin, lambdaPos, lambdaNeg, L, tau,
 *   rho, hardK, smoothing, original) · a generated set: set=<preset>&seed=<n>[&data=<edits blob>]
 *   · an explicit set: name=<text>&data=<blob with base and edits> (candidates.ts)
 *   · b=<the pinned baseline A: its own parameter and source fields, percent-encoded as one value;
 *   without source fields A is pinned on the current set> · the lesson view (lesson.ts):
 *   tour=<step>, hide=<names,…>, embed=<panel>.
 * Numbers are written as the shortest decimal that reads back as the same double, so nothing the
 * person typed is rounded.
 */
import { DEFAULT_STATE } from '../defaults.ts';
import type { AppParams } from '../../params/types.ts';
import type { CandidateEdit, CandidateSet, CandidateSource, PresetId } from '../../data/types.ts';
import type { Choice, PersistedState } from '../types.ts';
import {
  DEFAULT_LESSON,
  HIDE_IDS,
  MAX_TOUR_STEP,
  PANEL_IDS,
  isHideId,
  isPanelId,
  type HideId,
  type Lesson,
  type PanelId,
} from '../lesson.ts';
import { MAX_BLOB_CHARS, decodeBase, decodeEdits, encodeBase, encodeEdits } from './candidates.ts';
import {
  PARAM_ROWS,
  BASELINE_KEY,
  LESSON_KEYS,
  PERMALINK_VERSION,
  SOURCE_KEYS,
  cleanName,
  linkCarriesSet,
  readPreset,
  readSeed,
  type ReadResult,
} from './schema.ts';
import { TRAIN_KEYS, decodeTrain, trainParts } from './train.ts';

/** A hash longer than this is refused whole, before it is split (blob limit plus room for fields). */
export const MAX_HASH_CHARS = MAX_BLOB_CHARS + 4096;

/**
 * Blobs per object: the state is immutable, so a parameter change or a new edit reuses the encoded
 * base set (a large import is compressed once, not on every slider step).
 */
const baseCache = new WeakMap<CandidateSet, string>();
const editsCache = new WeakMap<readonly CandidateEdit[], string>();

function cached<K extends object>(cache: WeakMap<K, string>, key: K, encode: (k: K) => string) {
  let blob = cache.get(key);
  if (blob === undefined) {
    blob = encode(key);
    cache.set(key, blob);
  }
  return blob;
}

/**
 * The hash (without '#') that reproduces `state` exactly: version, the parameters that differ from
 * their defaults, and the candidate source (preset + seed, or the compressed explicit set) with its
 * edits. Sizes measured in tests: a generated set's link is under 300 characters; a 1,000-candidate
 * imported or edited set under 12,000.
 */
export function encodePermalink(state: PersistedState, lesson: Lesson = DEFAULT_LESSON): string {
  const parts = [`v=${PERMALINK_VERSION}`, ...choiceParts(state, null)];
  if (state.baseline) parts.push(`${BASELINE_KEY}=${baselineText(state.baseline, state.source)}`);
  parts.push(...trainParts(state.train), ...lessonParts(lesson));
  return parts.join('&');
}

/**
 * The fields of one choice: the parameters that differ from their defaults, then the candidate source
 * (left out when it is the very object `sameAs`, which a baseline pinned on the current set is).
 */
function choiceParts(choice: Choice, sameAs: CandidateSource | null): string[] {
  const parts: string[] = [];
  for (const row of PARAM_ROWS) {
    const value = choice.params[row.key];
    if (!Object.is(value, DEFAULT_STATE.params[row.key])) {
      parts.push(`${row.key}=${encodeURIComponent(row.write(value as never))}`);
    }
  }
  const source = choice.source;
  if (source === sameAs) return parts;
  if (source.kind === 'generated') {
    parts.push(`${SOURCE_KEYS.preset}=${source.preset}`, `${SOURCE_KEYS.seed}=${source.seed}`);
  } else if (!linkCarriesSet(source)) {
    // Too large to encode on every change: the link names the set; its edits mean nothing without it.
    parts.push(`${SOURCE_KEYS.name}=${encodeURIComponent(cleanName(source.name))}`);
    parts.push(`${SOURCE_KEYS.big}=${source.base.R}x${source.base.K}`);
    return parts;
  } else {
    parts.push(`${SOURCE_KEYS.name}=${encodeURIComponent(cleanName(source.name))}`);
    parts.push(`${SOURCE_KEYS.data}=${cached(baseCache, source.base, encodeBase)}`);
  }
  if (source.edits.length > 0) {
    parts.push(`${SOURCE_KEYS.edits}=${cached(editsCache, source.edits, encodeEdits)}`);
  }
  return parts;
}

/** The baseline's fields as one percent-encoded value, cached per baseline object and current set. */
const baselineCache = new WeakMap<Choice, { sameAs: CandidateSource; text: string }>();
function baselineText(baseline: Choice, sameAs: CandidateSource): string {
  const hit = baselineCache.get(baseline);
  if (hit && hit.sameAs === sameAs) return hit.text;
  const text = encodeURIComponent(choiceParts(baseline, sameAs).join('&'));
  baselineCache.set(baseline, { sameAs, text });
  return text;
}

/** The lesson's fields (none for the plain page). */
function lessonParts(lesson: Lesson): string[] {
  const parts: string[] = [];
  if (lesson.tour !== null) parts.push(`${LESSON_KEYS.tour}=${lesson.tour}`);
  if (lesson.hide.length > 0) parts.push(`${LESSON_KEYS.hide}=${lesson.hide.join(',')}`);
  if (lesson.embed !== null) parts.push(`${LESSON_KEYS.embed}=${lesson.embed}`);
  return parts;
}

/**
 * Whether a hash from encodePermalink can be opened again: not longer than MAX_HASH_CHARS (which is
 * also under Chromium's 2 MiB URL limit). An imported set of more than ~150,000 full-precision
 * float64 logits does not fit; the app should say so rather than hand out a link that fails.
 */
export function fitsInLink(hash: string): boolean {
  return hash.length <= MAX_HASH_CHARS;
}

/**
 * Quote a piece of untrusted text for a notice: percent-decoded when possible (browsers encode
 * characters such as '<' in the address), short, as a JSON string. Notices are rendered as text.
 */
function quote(text: string): string {
  let shown = text;
  try {
    shown = decodeURIComponent(text);
  } catch {
    // keep the raw text
  }
  return JSON.stringify(shown.length > 40 ? `${shown.slice(0, 40)}…` : shown);
}

function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : `“${String(value)}”`;
}

/**
 * Read a hash (with or without the leading '#') back into a state. Total: any string gives a state;
 * each field that is missing keeps its default silently, each field that is present but bad
 * (not a number, out of range, unknown preset, corrupt or oversized data, bad percent-encoding,
 * unknown key) keeps its default and adds a notice naming it; the other fields still apply.
 * `from` starts every notice ("Link", "Saved state").
 */
export function decodePermalink(
  hash: string,
  from = 'Link',
): { state: PersistedState; notices: string[]; lesson: Lesson } {
  const notices: string[] = [];
  try {
    return { ...decodeFields(hash, from, notices), notices };
  } catch {
    // Unreachable by design (every step is total); a last guard so a bug cannot break startup.
    return {
      state: DEFAULT_STATE,
      lesson: DEFAULT_LESSON,
      notices: [...notices, `${from} unreadable: defaults used`],
    };
  }
}

type Fail = (name: string, raw: string, why: string, fallback: unknown) => void;

/** Split `text` into its fields (percent-decoded); malformed pieces become notices. */
function splitFields(text: string, from: string, notices: string[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const piece of text.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    if (eq < 0) {
      notices.push(`${from}: ${quote(piece)} is not a field=value pair; ignored`);
      continue;
    }
    const key = piece.slice(0, eq);
    if (fields.has(key)) {
      notices.push(`${from} field ${quote(key)} appears more than once; the last one is used`);
    }
    try {
      fields.set(key, decodeURIComponent(piece.slice(eq + 1)));
    } catch {
      notices.push(`${from} field “${quote(key).slice(1, -1)}”: bad percent-encoding; ignored`);
    }
  }
  return fields;
}

function failer(from: string, notices: string[]): Fail {
  return (name, raw, why, fallback) =>
    notices.push(`${from} field ${name}: ${quote(raw)} ${why}; kept the default ${show(fallback)}`);
}

function decodeFields(
  hash: string,
  from: string,
  notices: string[],
): { state: PersistedState; lesson: Lesson } {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.length > MAX_HASH_CHARS) {
    notices.push(
      `${from} too long (${text.length} characters; limit ${MAX_HASH_CHARS}): defaults used`,
    );
    return { state: DEFAULT_STATE, lesson: DEFAULT_LESSON };
  }
  if (text === '') return { state: DEFAULT_STATE, lesson: DEFAULT_LESSON };

  const fields = splitFields(text, from, notices);
  const fail = failer(from, notices);

  const version = fields.get('v');
  if (version === undefined) {
    if (fields.size > 0) notices.push(`${from} field v (version) is missing; read as version 1`);
  } else if (!/^\d{1,6}$/.test(version) || Number(version) < 1) {
    fail('v (version)', version, 'is not a version number', PERMALINK_VERSION);
  } else if (Number(version) > PERMALINK_VERSION) {
    notices.push(
      `${from} field v (version): ${version} is newer than this app (${PERMALINK_VERSION}); read as far as possible`,
    );
  }

  const known = new Set<string>(['v', BASELINE_KEY, ...Object.values(LESSON_KEYS), ...TRAIN_KEYS]);
  const choice = decodeChoice(fields, from, notices, known, null);
  for (const key of fields.keys()) {
    if (!known.has(key)) notices.push(`${from}: unknown field ${quote(key)} ignored`);
  }
  const lesson = decodeLesson(fields, fail, notices, from);
  const train = decodeTrain(fields, fail);
  const withTrain = <T extends Choice>(c: T) => (train ? { ...c, train } : c);

  const inner = fields.get(BASELINE_KEY);
  if (inner === undefined) return { state: withTrain(choice), lesson };
  // The baseline is a link of its own inside `b=`: the same rows, exactness and notices; without
  // source fields it is pinned on the current set.
  const bFrom = `${from} baseline`;
  const bKnown = new Set<string>();
  const baseline = decodeChoice(
    splitFields(inner, bFrom, notices),
    bFrom,
    notices,
    bKnown,
    choice.source,
  );
  return { state: withTrain({ ...choice, baseline }), lesson };
}

/** Parameters and source from `fields`; every key read is added to `known`. */
function decodeChoice(
  fields: Map<string, string>,
  from: string,
  notices: string[],
  known: Set<string>,
  sameSource: CandidateSource | null,
): Choice {
  const fail = failer(from, notices);
  for (const key of Object.values(SOURCE_KEYS)) known.add(key);
  const params: AppParams = { ...DEFAULT_STATE.params };
  for (const row of PARAM_ROWS) {
    known.add(row.key);
    const raw = fields.get(row.key);
    if (raw === undefined) continue;
    const r = row.read(raw);
    if (r.ok) Object.assign(params, { [row.key]: r.value });
    else fail(row.name, raw, r.why, DEFAULT_STATE.params[row.key]);
  }
  if (sameSource !== null) {
    for (const key of fields.keys()) {
      if (!known.has(key)) notices.push(`${from}: unknown field ${quote(key)} ignored`);
    }
    const hasSource = Object.values(SOURCE_KEYS).some((k) => fields.has(k));
    if (!hasSource) return { params, source: sameSource };
  }
  return { params, source: decodeSource(fields, from, notices, fail) };
}

/** The lesson fields: the tour step, the hidden blocks and the embedded panel. */
function decodeLesson(
  fields: Map<string, string>,
  fail: Fail,
  notices: string[],
  from: string,
): Lesson {
  let tour: number | null = null;
  const rawTour = fields.get(LESSON_KEYS.tour);
  if (rawTour !== undefined) {
    const n = /^\d{1,3}$/.test(rawTour) ? Number(rawTour) : NaN;
    if (n >= 1 && n <= MAX_TOUR_STEP) tour = n;
    else fail('tour (step)', rawTour, `is not a step number in 1…${MAX_TOUR_STEP}`, 'closed');
  }
  let hide: readonly HideId[] = [];
  const rawHide = fields.get(LESSON_KEYS.hide);
  if (rawHide !== undefined) {
    const names = rawHide.split(',').filter((n) => n !== '');
    const bad = names.filter((n) => !isHideId(n));
    if (bad.length > 0) {
      notices.push(
        `${from} field hide: ${bad.map(quote).join(', ')} ${bad.length > 1 ? 'are' : 'is'} not a block or panel name; ignored`,
      );
    }
    hide = HIDE_IDS.filter((id) => names.includes(id));
  }
  let embed: PanelId | null = null;
  const rawEmbed = fields.get(LESSON_KEYS.embed);
  if (rawEmbed !== undefined) {
    if (isPanelId(rawEmbed)) embed = rawEmbed;
    else fail('embed (panel)', rawEmbed, `is not one of ${PANEL_IDS.join(', ')}`, 'the full page');
  }
  if (tour === null && hide.length === 0 && embed === null) return DEFAULT_LESSON;
  return { tour, hide, embed };
}

function decodeSource(
  fields: Map<string, string>,
  from: string,
  notices: string[],
  fail: Fail,
): CandidateSource {
  const fallback = DEFAULT_STATE.source as Extract<CandidateSource, { kind: 'generated' }>;
  const read = <T>(key: string, reader: (t: string) => ReadResult<T>, dflt: T): T => {
    const raw = fields.get(key);
    if (raw === undefined) return dflt;
    const r = reader(raw);
    if (r.ok) return r.value;
    fail(key, raw, r.why, dflt);
    return dflt;
  };
  const preset: PresetId = read(SOURCE_KEYS.preset, readPreset, fallback.preset);
  const seed = read(SOURCE_KEYS.seed, readSeed, fallback.seed);

  let edits: readonly CandidateEdit[] = [];
  const editsBlob = fields.get(SOURCE_KEYS.edits);
  if (editsBlob !== undefined) {
    const decoded = decodeEdits(editsBlob);
    if (decoded.ok) edits = decoded.value;
    else notices.push(`${from} field edits: ${decoded.error}; edits dropped`);
  }

  const big = fields.get(SOURCE_KEYS.big);
  if (big !== undefined && !fields.has(SOURCE_KEYS.data)) {
    const name = fields.get(SOURCE_KEYS.name);
    const shape = /^(\d{1,10})x(\d{1,6})$/.exec(big);
    notices.push(
      `${from} names the imported set ${quote(name ?? 'imported')} ` +
        `(${shape ? `${shape[1]} × ${shape[2]}` : quote(big)}), too large to travel in a link: ` +
        'the default candidate set is used (open its case file instead)',
    );
    return fallback;
  }

  const baseBlob = fields.get(SOURCE_KEYS.data);
  if (baseBlob !== undefined) {
    if (fields.has(SOURCE_KEYS.preset)) {
      notices.push(`${from} field data (candidates): set= names a preset as well; data ignored`);
    } else {
      const decoded = decodeBase(baseBlob);
      if (decoded.ok) {
        const name = fields.get(SOURCE_KEYS.name);
        return {
          kind: 'explicit',
          name: name === undefined ? 'imported' : cleanName(name),
          base: decoded.value,
          edits,
        };
      }
      notices.push(
        `${from} field data (candidates): ${decoded.error}; the default candidate set is used`,
      );
      // Edits were made on the imported set: on a preset they would mean something else.
      edits = [];
    }
  }
  return { kind: 'generated', preset, seed, edits };
}
