/**
 * The import worker's NumPy read: one .npz, or a pair of .npy files (logits and targets), streamed
 * from the Files straight into their arrays: the .npz at offsets (io/npzStream.ts over blob slices),
 * each .npy as a stream (io/npyStream.ts). Progress (rows of the array being read, bytes of all the
 * files) and cancelling between chunks, as for CSV and JSON. Errors are whole lines naming the file(s),
 * as the app shows them: "case.npz: no array "logits" …", "cut.npy: truncated: …".
 */
import { MAX_NPY_ELEMENTS, type NpyArray } from '../io/npy.ts';
import { NpyStreamParser } from '../io/npyStream.ts';
import { arraysToCase, type ArraysCaseResult } from '../io/npz.ts';
import { blobSource, readNpzCase, type BlobLike } from '../io/npzStream.ts';
import { CANCELLED, type Cancelled } from '../io/stream.ts';

/** The largest NumPy file read: the largest array plus 1 MiB (no valid file of ours is larger). */
export const MAX_NUMPY_FILE_BYTES = MAX_NPY_ELEMENTS * 8 + (1 << 20);

/** A File as the NumPy read needs it: its name, a stream, slices (an .npz is read at offsets). */
export interface NumpyFile extends BlobLike {
  readonly name: string;
  stream(): ReadableStream<Uint8Array>;
}

/** Options of readNumpyFiles. */
export interface NumpyReadOptions {
  /** Rows read so far (the most any array reached), bytes read of all the files, their total. */
  readonly onProgress?: (rowsRead: number, bytesRead: number, totalBytes: number) => void;
  /** Aborting stops the read at its next chunk: the result is CANCELLED. */
  readonly signal?: AbortSignal;
}

/** Whether a file name is a NumPy one (.npz or .npy). */
export const isNumpyName = (name: string): boolean => /\.np[yz]$/i.test(name);

/** The files' names as the import names the set: "case.npz", "logits.npy + targets.npy". */
export const numpyName = (files: readonly { readonly name: string }[]): string =>
  files.map((f) => f.name).join(' + ');

/**
 * The case held by `files`: one .npz, or two .npy files (the float one is the logits, the integer one
 * the targets; names decide a tie). Never rejects: a failure is `{ ok: false, error }`, named.
 */
export async function readNumpyFiles(
  files: readonly NumpyFile[],
  options: NumpyReadOptions = {},
): Promise<ArraysCaseResult | Cancelled> {
  const { onProgress, signal } = options;
  const names = numpyName(files);
  for (const f of files) {
    if (f.size > MAX_NUMPY_FILE_BYTES) {
      return {
        ok: false,
        error: `${f.name}: ${f.size} bytes is more than the ${MAX_NUMPY_FILE_BYTES} a NumPy file may have here`,
      };
    }
  }
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  if (files.length === 1 && /\.npz$/i.test(files[0].name)) {
    const r = await readNpzCase(blobSource(files[0]), undefined, options);
    if (r.ok || 'cancelled' in r) return r;
    return { ok: false, error: `${files[0].name}: ${r.error}` };
  }
  if (files.length !== 2 || !files.every((f) => /\.npy$/i.test(f.name))) {
    return {
      ok: false,
      error: `${names}: choose one .npz file, or two .npy files (logits and targets)`,
    };
  }
  const arrays: { name: string; array: NpyArray }[] = [];
  let before = 0; // bytes of the files already read
  let rows = 0;
  for (const f of files) {
    const r = await readNpy(f, signal, (fileRows, bytes) => {
      rows = Math.max(rows, fileRows);
      onProgress?.(rows, before + bytes, totalBytes);
    });
    if (!r.ok) return 'cancelled' in r ? r : { ok: false, error: `${f.name}: ${r.error}` };
    arrays.push({ name: f.name, array: r.array });
    before += f.size;
  }
  // The logits are the float array, the targets the integer one; names decide a tie.
  const byName = (re: RegExp) => arrays.find((a) => re.test(a.name));
  let logits = arrays.find((a) => a.array.kind === 'float');
  let targets = arrays.find((a) => a.array.kind === 'int');
  if (logits === undefined || targets === undefined) {
    logits = byName(/logit/i) ?? arrays[0];
    targets = byName(/target|label/i) ?? arrays.find((a) => a !== logits) ?? arrays[1];
  }
  const c = arraysToCase(logits.array, targets.array, undefined);
  return c.ok ? c : { ok: false, error: `${names}: ${c.error}` };
}

/** One .npy file streamed into its array, cancellable between chunks. */
async function readNpy(
  file: NumpyFile,
  signal: AbortSignal | undefined,
  progress: (rows: number, bytes: number) => void,
): Promise<{ ok: true; array: NpyArray } | { ok: false; error: string } | Cancelled> {
  if (signal?.aborted) return CANCELLED;
  const parser = new NpyStreamParser();
  const reader = file.stream().getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) return CANCELLED;
      if (done) break;
      parser.push(value);
      bytes += value.length;
      progress(parser.rows, bytes);
      if (parser.failed) break;
    }
  } catch (e) {
    return { ok: false, error: `cannot read the input (${e instanceof Error ? e.message : e})` };
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return parser.finish();
}
