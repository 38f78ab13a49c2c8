/**
 * Reading an imported file off the main thread. Both ends of one small protocol live here:
 * - the handler (pure: no worker globals) runs in import.worker.ts; it reads the File's stream with
 *   io/stream.ts's readStream, posts progress at most every `progressEveryMs`, answers a `cancel`
 *   through an AbortController, and transfers the result's typed arrays back;
 * - the client starts the worker, hands it a File, and gives the caller a job: progress callbacks, a
 *   result promise and `cancel()`. Cancelling settles the job at once (`cancelled: true`); the worker
 *   stops at its next chunk. A worker that cannot start is replaced by the same handler on the main
 *   thread (still streamed chunk by chunk, only not in parallel); one that crashes fails its jobs with
 *   an error and is started afresh for the next file.
 * Neither end keeps the set: the caller replaces what it had only on an `ok` result, so a failure or
 * a cancel keeps the set loaded before.
 */
import type { ParseCasesResult } from '../io/case.ts';
import type { CsvResult } from '../io/csvStream.ts';
import { importKindOf } from '../io/import.ts';
import { readStream, type ByteSource, type StreamKind } from '../io/stream.ts';

/** Which parser to use; 'auto' decides from the file name, else from the first character. */
export type ImportKind = StreamKind | 'auto';

/** What a read produces: a CSV set or JSON cases (values as parseCsv / parseCases give them). */
export type ImportReadResult =
  | Extract<CsvResult, { ok: true }>
  | Extract<ParseCasesResult, { ok: true }>
  | { readonly ok: false; readonly error: string; readonly cancelled?: true };

/** Anything with a byte stream: a File or a Blob. */
export interface StreamableFile {
  stream(): ReadableStream<Uint8Array>;
  readonly size: number;
}

/** Main thread → worker. */
export type ImportRequest =
  | {
      readonly type: 'read';
      readonly id: number;
      readonly file: StreamableFile;
      readonly name: string;
      readonly kind: ImportKind;
    }
  | { readonly type: 'cancel'; readonly id: number };

/** Worker → main thread. */
export type ImportReply =
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly rowsRead: number;
      readonly bytesRead: number;
      readonly totalBytes: number;
    }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly kind: StreamKind;
      readonly result: ImportReadResult;
    };

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

  async function read(request: Extract<ImportRequest, { type: 'read' }>): Promise<void> {
    const { id, file } = request;
    const abort = new AbortController();
    running.set(id, abort);
    let kind: StreamKind = request.kind === 'json' ? 'json' : 'csv';
    let result: ImportReadResult;
    try {
      const source = await sniffed(file.stream(), request.name, request.kind);
      kind = source.kind;
      let last = -Infinity;
      const r = await readStream(source.chunks, kind, {
        signal: abort.signal,
        onProgress: (rowsRead, bytesRead) => {
          const t = now();
          if (t - last < progressEveryMs && bytesRead < file.size) return;
          last = t;
          post({ type: 'progress', id, rowsRead, bytesRead, totalBytes: file.size }, []);
        },
      });
      result = r;
    } catch (e) {
      result = { ok: false, error: `cannot read the file (${e instanceof Error ? e.message : e})` };
    } finally {
      running.delete(id);
    }
    post({ type: 'result', id, kind, result }, buffersOf(result));
  }

  return {
    async handle(request) {
      if (request.type === 'cancel') running.get(request.id)?.abort();
      else await read(request);
    },
  };
}

/** The typed arrays' buffers of a result, to transfer rather than copy. */
export function buffersOf(result: ImportReadResult): ArrayBuffer[] {
  if (!result.ok) return [];
  const arrays =
    'value' in result
      ? [result.value.logits, result.value.targets]
      : result.cases.flatMap((c) => [c.logits, c.targets]);
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

/** The part of `Worker` the client uses (a fake in Node tests). */
export interface ImportWorkerLike {
  postMessage(message: ImportRequest): void;
  terminate(): void;
  onmessage: ((event: { readonly data: ImportReply }) => void) | null;
  onerror: ((event: { readonly message?: string; preventDefault?(): void }) => void) | null;
}

/** Progress as the caller sees it. */
export interface ImportProgress {
  readonly rowsRead: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
}

/** One read in flight. */
export interface ImportJob {
  /** Settles once: the set, an error, or `{ ok: false, error: 'cancelled', cancelled: true }`. */
  readonly result: Promise<{ readonly kind: StreamKind; readonly result: ImportReadResult }>;
  /** Stop reading; the result settles as cancelled at once. */
  cancel(): void;
}

/** The client. */
export interface ImportClient {
  /** Read a File (or Blob) in the worker. `name` defaults to the File's name. */
  read(
    file: StreamableFile & { readonly name?: string },
    options?: {
      readonly kind?: ImportKind;
      readonly name?: string;
      readonly onProgress?: (progress: ImportProgress) => void;
    },
  ): ImportJob;
  /** Stop the worker; jobs in flight settle as cancelled. */
  dispose(): void;
}

/** Options of createImportClient. */
export interface ImportClientOptions {
  /** Starts a worker; may throw (then the handler runs on the main thread). */
  readonly createWorker?: () => ImportWorkerLike;
}

function defaultWorker(): ImportWorkerLike {
  return new Worker(new URL('./import.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as ImportWorkerLike;
}

/** A worker stand-in running the handler on this thread. */
function inThread(): ImportWorkerLike {
  const fake: ImportWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      void handler.handle(message);
    },
    terminate() {
      fake.onmessage = null;
    },
  };
  const handler = createImportHandler((reply) => fake.onmessage?.({ data: reply }));
  return fake;
}

/**
 * The main thread's handle on import reading. Every read gets an id; replies for a job that was
 * cancelled (or disposed) are ignored.
 */
export function createImportClient({
  createWorker = defaultWorker,
}: ImportClientOptions = {}): ImportClient {
  let worker: ImportWorkerLike | null = null;
  let nextId = 1;
  interface Pending {
    readonly onProgress: ((p: ImportProgress) => void) | undefined;
    readonly settle: (r: { kind: StreamKind; result: ImportReadResult }) => void;
    readonly kind: StreamKind;
  }
  const pending = new Map<number, Pending>();

  function settleAll(result: ImportReadResult): void {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.settle({ kind: p.kind, result });
    }
  }

  function start(): ImportWorkerLike {
    if (worker) return worker;
    let w: ImportWorkerLike;
    try {
      w = createWorker();
    } catch {
      w = inThread();
    }
    w.onmessage = ({ data }) => {
      const p = pending.get(data.id);
      if (!p) return;
      if (data.type === 'progress') {
        p.onProgress?.({
          rowsRead: data.rowsRead,
          bytesRead: data.bytesRead,
          totalBytes: data.totalBytes,
        });
      } else {
        pending.delete(data.id);
        p.settle({ kind: data.kind, result: data.result });
      }
    };
    w.onerror = (event) => {
      event.preventDefault?.();
      // A crashed worker is dropped; the next read starts a new one.
      w.onmessage = null;
      w.onerror = null;
      w.terminate();
      if (worker === w) worker = null;
      settleAll({
        ok: false,
        error: `the import stopped (${event.message ?? 'the worker failed'})`,
      });
    };
    worker = w;
    return w;
  }

  return {
    read(file, options = {}) {
      const id = nextId++;
      const name = options.name ?? file.name ?? '';
      const kind = options.kind ?? 'auto';
      let settle!: Pending['settle'];
      const result = new Promise<{ kind: StreamKind; result: ImportReadResult }>((resolve) => {
        settle = resolve;
      });
      const guess: StreamKind = kind === 'json' ? 'json' : 'csv';
      pending.set(id, { onProgress: options.onProgress, settle, kind: guess });
      start().postMessage({ type: 'read', id, file, name, kind });
      return {
        result,
        cancel() {
          const p = pending.get(id);
          if (!p) return;
          pending.delete(id);
          worker?.postMessage({ type: 'cancel', id });
          p.settle({ kind: p.kind, result: { ok: false, error: 'cancelled', cancelled: true } });
        },
      };
    },
    dispose() {
      settleAll({ ok: false, error: 'cancelled', cancelled: true });
      worker?.terminate();
      worker = null;
    },
  };
}
