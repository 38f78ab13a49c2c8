/**
 * `dr`'s case input, read as a stream: a file (or stdin) arrives in chunks and goes through the same
 * incremental parsers as the app's import (src/io/stream.ts: caseStream for JSON cases, csvStream for
 * CSV), straight into typed arrays. There is no whole-file string, so a 10⁶-row file is held once
 * (as its Float64Array and Int32Array), not also as text and as an array of numbers.
 *
 * Which parser: the file name (.json is JSON; .csv, .tsv, .txt are CSV, as the app's import decides),
 * else the first character after a byte-order mark and white space ('{' or '[' is JSON, anything else
 * CSV), read from the stream itself and handed back to the parser.
 */
import type { ParsedCase } from '../io/case.ts';
import { parseCase } from '../io/case.ts';
import type { CsvSet } from '../io/csvStream.ts';
import { importKindOf } from '../io/import.ts';
import type { NpyArray } from '../io/npy.ts';
import { readNpyStream } from '../io/npyStream.ts';
import { bytesSource, readNpzCase, type RandomAccessSource } from '../io/npzStream.ts';
import { readJsonValue, readStream, type ByteSource, type StreamKind } from '../io/stream.ts';
import { describeIoError, failure } from './io.ts';
import type { CliIo, CliOutcome } from './io.ts';

/** The error for --params with JSON input. */
export const PARAMS_WITH_JSON =
  'dr: --params applies to .npz/.npy input and to CSV (a JSON case carries its own params)';

/** Cases read from the input, or the outcome to print instead. */
export type CaseInput =
  | {
      readonly ok: true;
      readonly cases: readonly ParsedCase[];
      /** The input was a JSON array (the output is then an array too). */
      readonly isArray: boolean;
      /** CSV: how its values were read ("values read as scores (all values in [0, 1])"). */
      readonly note?: string;
    }
  | { readonly ok: false; readonly outcome: CliOutcome };

/** The chunks of a source, whichever kind it is (a Node stream or generator, or a web stream). */
async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (!('getReader' in source)) {
    yield* source;
    return;
  }
  const reader = source.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

const WHITE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Which parser the stream's first significant character asks for, and the same stream to parse
 * (the chunks read to find out come first). An empty input goes to the JSON parser, as before.
 */
export async function sniffKind(
  source: ByteSource,
): Promise<{ kind: StreamKind; source: AsyncIterable<Uint8Array> }> {
  const it = chunksOf(source);
  const seen: Uint8Array[] = [];
  let offset = 0; // bytes before the current chunk
  let kind: StreamKind | null = null;
  while (kind === null) {
    const step = await it.next();
    if (step.done) break;
    const chunk = step.value;
    seen.push(chunk);
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      const at = offset + i;
      if (at < 3 && b === BOM[at]) continue;
      if (WHITE.has(b)) continue;
      kind = b === 0x7b || b === 0x5b ? 'json' : 'csv';
      break;
    }
    offset += chunk.length;
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* seen;
    yield* it;
  }
  return { kind: kind ?? 'json', source: replay() };
}

/**
 * `source`, with the first error it throws kept in `failed` instead (the stream then just ends), so
 * a read failure midway is reported as one, naming the input, rather than as a parse error.
 */
function catching(source: ByteSource): {
  source: AsyncIterable<Uint8Array>;
  failed: () => unknown;
} {
  let error: unknown = null;
  async function* guarded(): AsyncGenerator<Uint8Array> {
    try {
      yield* chunksOf(source);
    } catch (e) {
      error = e ?? new Error('read failed');
    }
  }
  return { source: guarded(), failed: () => error };
}

/** The input as a byte stream: the file (or stdin) through `io`, or the usage / a read error. */
async function openInput(
  path: string | null,
  io: CliIo,
  usage: string,
): Promise<{ ok: true; source: ByteSource } | { ok: false; outcome: CliOutcome }> {
  const whole = (text: string): ByteSource =>
    (async function* () {
      yield new TextEncoder().encode(text);
    })();
  if (path === null || path === '-') {
    if (io.stdinIsTTY && path === null) {
      return { ok: false, outcome: { stdout: '', stderr: `${usage}\n`, code: 2 } };
    }
    // Without a stream reader (tests' fakes), the text as one chunk: the same parsers either way.
    if (io.openStdin) return { ok: true, source: io.openStdin() };
    try {
      return { ok: true, source: whole(await io.readStdin()) };
    } catch (e) {
      return { ok: false, outcome: failure(2, `dr: cannot read stdin: ${describeIoError(e)}`) };
    }
  }
  try {
    return {
      ok: true,
      source: io.openFile ? await io.openFile(path) : whole(await io.readFile(path)),
    };
  } catch (e) {
    return {
      ok: false,
      outcome: failure(2, `dr: cannot read ${JSON.stringify(path)}: ${describeIoError(e)}`),
    };
  }
}

/** A CSV as one case: K = 1 gives a flat gradient, as a flat JSON list would. */
function csvCase(
  set: CsvSet,
  params: unknown,
): { ok: true; value: ParsedCase } | { ok: false; error: string } {
  // The JSON case format's own validation of params (one tiny case carrying them), as for .npz.
  const probe = parseCase(
    params === undefined ? { logits: [0], targets: [0] } : { logits: [0], targets: [0], params },
    0,
  );
  if (!probe.ok) return { ok: false, error: probe.error };
  const { R, K, logits, targets } = set;
  return {
    ok: true,
    value: { logits, targets, R, K, flat: K === 1, params: probe.value.params, features: null },
  };
}

/**
 * Read the cases of `path` (null or "-": stdin) chunk by chunk. A failure is one line: a read error
 * names the path; a JSON error is the case format's message ("input: not valid JSON (line 3, column
 * 14: …)", "case 0: targets[2] …"); a CSV error names the input and the line and column. `params`
 * (already parsed from --params) applies to CSV input, which carries none.
 */
export async function readCaseInput(
  path: string | null,
  io: CliIo,
  usage: string,
  params?: unknown,
): Promise<CaseInput> {
  const input = await openInput(path, io, usage);
  if (!input.ok) return input;
  const name = path === null || path === '-' ? 'stdin' : path;
  const guarded = catching(input.source);
  let kind = name === 'stdin' ? null : importKindOf(path ?? undefined, undefined);
  let source: ByteSource = guarded.source;
  if (kind === null) ({ kind, source } = await sniffKind(source));
  const readError = (): CaseInput | null => {
    const e = guarded.failed();
    if (e === null) return null;
    const what = name === 'stdin' ? 'stdin' : JSON.stringify(name);
    return { ok: false, outcome: failure(2, `dr: cannot read ${what}: ${describeIoError(e)}`) };
  };
  if (kind === 'json') {
    if (params !== undefined) {
      return {
        ok: false,
        outcome: failure(2, PARAMS_WITH_JSON),
      };
    }
    const r = await readStream(source, 'json');
    const unread = readError();
    if (unread) return unread;
    if (!r.ok) return { ok: false, outcome: failure(2, r.error) };
    return { ok: true, cases: r.cases, isArray: r.isArray };
  }
  const r = await readStream(source, 'csv');
  const unread = readError();
  if (unread) return unread;
  if (!r.ok) return { ok: false, outcome: failure(2, `dr: ${name}: ${r.error}`) };
  const c = csvCase(r.value, params);
  if (!c.ok) return { ok: false, outcome: failure(2, `dr: ${name}: ${c.error}`) };
  const how = r.value.interpretation;
  return {
    ok: true,
    cases: [c.value],
    isArray: false,
    note: `dr: ${name}: values read as ${how.as}s (${how.because})`,
  };
}

/**
 * The JSON document of `path` (null or "-": stdin), read chunk by chunk into the value JSON.parse
 * would give (io/caseStream.ts's JsonValueStreamParser): `dr check` and `dr train` validate that
 * value, so the text is never one string. A parse failure is `${prefix}${error}` on one line, with
 * `empty` as the error for white space alone (each command's own message); a read error names the
 * input, as for cases.
 */
export async function readJsonInput(
  path: string | null,
  io: CliIo,
  usage: string,
  { prefix, empty }: { readonly prefix: string; readonly empty: string },
): Promise<{ ok: true; value: unknown } | { ok: false; outcome: CliOutcome }> {
  const input = await openInput(path, io, usage);
  if (!input.ok) return input;
  const guarded = catching(input.source);
  const r = await readJsonValue(guarded.source);
  const e = guarded.failed();
  if (e !== null) {
    const what = path === null || path === '-' ? 'stdin' : JSON.stringify(path);
    return { ok: false, outcome: failure(2, `dr: cannot read ${what}: ${describeIoError(e)}`) };
  }
  if (r.ok) return { ok: true, value: r.value };
  const error = 'empty' in r && r.empty === true ? empty : r.error;
  return { ok: false, outcome: failure(2, `${prefix}${error}`) };
}

/**
 * One .npy file, streamed into its array (io/npyStream.ts: the file's bytes are never held whole).
 * Errors as parseNpy's on the whole file, after the path; a read error names the path.
 */
export async function readNpyInput(
  path: string,
  io: CliIo,
): Promise<{ ok: true; array: NpyArray } | { ok: false; outcome: CliOutcome }> {
  const cannot = (e: unknown) => ({
    ok: false as const,
    outcome: failure(2, `dr: cannot read ${JSON.stringify(path)}: ${describeIoError(e)}`),
  });
  let source: ByteSource;
  try {
    if (io.openFile) source = await io.openFile(path);
    else if (io.readBytes) {
      const bytes = await io.readBytes(path);
      source = (async function* () {
        yield bytes;
      })();
    } else return { ok: false, outcome: failure(1, 'dr: internal error: no binary file reader') };
  } catch (e) {
    return cannot(e);
  }
  const guarded = catching(source);
  const r = await readNpyStream(guarded.source);
  const unread = guarded.failed();
  if (unread !== null) return cannot(unread);
  if (!r.ok) return { ok: false, outcome: failure(2, `dr: ${path}: ${r.error}`) };
  return { ok: true, array: r.array };
}

/**
 * The case of an .npz, read at offsets (io/npzStream.ts: the directory, then each wanted entry in
 * chunks straight into its array; the file's bytes are never held whole), with `params` as for
 * npzToCase. Errors as npzToCase's on the whole file, after the path; a read error names the path.
 */
export async function readNpzInput(
  path: string,
  io: CliIo,
  params: unknown,
): Promise<{ ok: true; value: ParsedCase } | { ok: false; outcome: CliOutcome }> {
  const cannot = (e: unknown) => ({
    ok: false as const,
    outcome: failure(2, `dr: cannot read ${JSON.stringify(path)}: ${describeIoError(e)}`),
  });
  let source: RandomAccessSource;
  let close = (): Promise<void> => Promise.resolve();
  try {
    if (io.openRandom) {
      const opened = await io.openRandom(path);
      source = opened;
      close = () => opened.close();
    } else if (io.readBytes) source = bytesSource(await io.readBytes(path));
    else return { ok: false, outcome: failure(1, 'dr: internal error: no binary file reader') };
  } catch (e) {
    return cannot(e);
  }
  // The first error the file gives, kept to name the path (the reader only says it could not read).
  let readError: unknown = null;
  const keep = (e: unknown): never => {
    readError ??= e ?? new Error('read failed');
    throw e;
  };
  const guarded: RandomAccessSource = {
    size: source.size,
    read: (offset, length) => source.read(offset, length).catch(keep),
    async *stream(offset, length) {
      try {
        yield* source.stream(offset, length);
      } catch (e) {
        keep(e);
      }
    },
  };
  let r: Awaited<ReturnType<typeof readNpzCase>>;
  try {
    r = await readNpzCase(guarded, params);
  } finally {
    await close().catch(() => undefined);
  }
  if (readError !== null) return cannot(readError);
  if (!r.ok) return { ok: false, outcome: failure(2, `dr: ${path}: ${r.error}`) };
  return { ok: true, value: r.value };
}
