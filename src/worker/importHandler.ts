/**
 * The worker's side of the import: reads a File's stream with io/stream.ts's readStream (NumPy files
 * with importNumpy.ts), posts progress at most every `progressEveryMs`, answers a `cancel` through an
 * AbortController, and transfers the result's typed arrays back. Pure (no worker globals): import.worker.ts runs it, and so
 * does the client's main-thread fallback, which loads this module only when it needs it.
 */
import { importKindOf } from '../io/import.ts';
import { readStream, type ByteSource, type StreamKind } from '../io/stream.ts';
import type * as numpyModule from './importNumpy.ts';
import type {
  ImportedKind,
  ImportKind,
  ImportReadResult,
  ImportReply,
  ImportRequest,
} from './importProtocol.ts';

/** How the handler answers (postMessage with its transfer list). */
export type PostReply = (reply: ImportReply, transfer: ArrayBuffer[]) => void;

/** The worker side. */
export interface ImportHandler {
  /** Serve one request; resolves when a read has answered (a cancel resolves at once). */
  handle(request: ImportRequest): Promise<void>;
}

/** Options of the handler; `now` is injectable so tests can pin the progress throttle. */
export interface ImportHandlerOptions {
  readonly progressEveryMs?: number;
  readonly now?: () => number;
}

/**
 * The worker's side of the protocol, as a plain object (the worker shell and the main-thread
 * fallback run it; Node tests call it directly). Never throws: a read always ends in one `result`.
 */
export function createImportHandler(
  post: PostReply,
  { progressEveryMs = 50, now = () => performance.now() }: ImportHandlerOptions = {},
): ImportHandler {
  const running = new Map<number, AbortController>();

  /** Progress for job `id`, posted at most every progressEveryMs (and at the end of the bytes). */
  function progressOf(id: number, totalBytes: number) {
    let last = -Infinity;
    return (rowsRead: number, bytesRead: number) => {
      const t = now();
      if (t - last < progressEveryMs && bytesRead < totalBytes) return;
      last = t;
      post({ type: 'progress', id, rowsRead, bytesRead, totalBytes }, []);
    };
  }

  /** Run one read job: its result posted once (typed arrays transferred), whatever happens. */
  async function run(
    id: number,
    kind: ImportedKind,
    job: (signal: AbortSignal) => Promise<{ kind: ImportedKind; result: ImportReadResult }>,
  ): Promise<void> {
    const abort = new AbortController();
    running.set(id, abort);
    let result: ImportReadResult;
    try {
      ({ kind, result } = await job(abort.signal));
    } catch (e) {
      result = { ok: false, error: `cannot read the file (${e instanceof Error ? e.message : e})` };
    } finally {
      running.delete(id);
    }
    post({ type: 'result', id, kind, result }, buffersOf(result));
  }

  function read(request: Extract<ImportRequest, { type: 'read' }>): Promise<void> {
    const { id, file } = request;
    return run(id, request.kind === 'json' ? 'json' : 'csv', async (signal) => {
      const source = await sniffed(file.stream(), request.name, request.kind);
      const result = await readStream(source.chunks, source.kind, {
        signal,
        onProgress: progressOf(id, file.size),
      });
      return { kind: source.kind, result };
    });
  }

  function numpy(request: Extract<ImportRequest, { type: 'numpy' }>): Promise<void> {
    const { id, files } = request;
    const total = files.reduce((n, f) => n + f.size, 0);
    return run(id, 'numpy', async (signal) => {
      const progress = progressOf(id, total);
      // its own chunk (the zip reader and fflate), fetched on the first NumPy file: a CSV or JSON
      // import, the common case, does not wait for it
      const { readNumpyFiles }: typeof numpyModule = await import('./importNumpy.ts');
      const result = await readNumpyFiles(files, {
        signal,
        onProgress: (rows, bytes) => progress(rows, bytes),
      });
      return { kind: 'numpy', result };
    });
  }

  return {
    async handle(request) {
      if (request.type === 'cancel') running.get(request.id)?.abort();
      else if (request.type === 'numpy') await numpy(request);
      else await read(request);
    },
  };
}

/** The typed arrays' buffers of a result, to transfer rather than copy. */
export function buffersOf(result: ImportReadResult): ArrayBuffer[] {
  if (!result.ok) return [];
  let arrays: ArrayBufferView[];
  if ('cases' in result) arrays = result.cases.flatMap((c) => [c.logits, c.targets]);
  else {
    const v = result.value;
    const features = 'features' in v && v.features !== null ? [v.features.values] : [];
    arrays = [v.logits, v.targets, ...features];
  }
  // A buffer is listed once (postMessage refuses duplicates).
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/**
 * The parser for a file, and its chunks: io/import.ts's importKindOf, from the name or else from the
 * first character, read from the first chunks, which are then handed on unchanged.
 */
async function sniffed(
  stream: ReadableStream<Uint8Array>,
  name: string,
  kind: ImportKind,
): Promise<{ kind: StreamKind; chunks: ByteSource }> {
  if (kind !== 'auto') return { kind, chunks: stream };
  const byName = importKindOf(name, undefined);
  if (byName !== null) return { kind: byName, chunks: stream };
  const reader = stream.getReader();
  const seen: Uint8Array[] = [];
  const decoder = new TextDecoder();
  let first: string | undefined;
  let done = false;
  while (first === undefined && !done) {
    const step = await reader.read();
    if (step.done) done = true;
    else {
      seen.push(step.value);
      const text = decoder.decode(step.value, { stream: true }).replace(/^\ufeff/, '');
      first = text.trimStart()[0];
    }
  }
  async function* chunks(): AsyncGenerator<Uint8Array> {
    try {
      yield* seen;
      for (;;) {
        const step = await reader.read();
        if (step.done) return;
        yield step.value;
      }
    } finally {
      // Stopped early (an error, a cancel) or done: either way the file need not be read further.
      void reader.cancel().catch(() => undefined);
    }
  }
  return { kind: importKindOf(name, first ?? '') ?? 'csv', chunks: chunks() };
}
