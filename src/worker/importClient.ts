/**
 * Reading an imported file off the main thread: the main thread's end of importProtocol.ts (the
 * worker's end is importHandler.ts, run by import.worker.ts).
 * - the client starts the worker, hands it a File, and gives the caller a job: progress callbacks, a
 *   result promise and `cancel()`. Cancelling settles the job at once (`cancelled: true`); the worker
 *   stops at its next chunk. A worker that cannot start is replaced by the same handler on the main
 *   thread (still streamed chunk by chunk, only not in parallel); one that crashes fails its jobs with
 *   an error and is started afresh for the next file.
 * Neither end keeps the set: the caller replaces what it had only on an `ok` result, so a failure or
 * a cancel keeps the set loaded before.
 */
import type { ImportHandler } from './importHandler.ts';
import type {
  ImportedKind,
  ImportKind,
  ImportReadResult,
  ImportReply,
  ImportRequest,
  NumpyFile,
  StreamableFile,
} from './importProtocol.ts';

export type {
  ImportedKind,
  ImportKind,
  ImportReadResult,
  NumpyFile,
  StreamableFile,
} from './importProtocol.ts';

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
  readonly result: Promise<{ readonly kind: ImportedKind; readonly result: ImportReadResult }>;
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
  /**
   * Read NumPy files in the worker: one .npz, or a pair of .npy files (logits and targets), streamed
   * into their arrays; the result's kind is 'numpy'.
   */
  readNumpy(
    files: readonly NumpyFile[],
    options?: { readonly onProgress?: (progress: ImportProgress) => void },
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

/**
 * A worker stand-in running the handler on this thread, loaded on first use (the parsers stay out of
 * the page's first script); requests posted before it arrives wait in order.
 */
function inThread(): ImportWorkerLike {
  const queue: ImportRequest[] = [];
  let handler: ImportHandler | null = null;
  const fake: ImportWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      if (handler) void handler.handle(message);
      else queue.push(message);
    },
    terminate() {
      fake.onmessage = null;
    },
  };
  void import('./importHandler.ts').then(({ createImportHandler }) => {
    handler = createImportHandler((reply) => fake.onmessage?.({ data: reply }));
    for (const message of queue.splice(0)) void handler.handle(message);
  });
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
    readonly settle: (r: { kind: ImportedKind; result: ImportReadResult }) => void;
    readonly kind: ImportedKind;
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

  /** Post `request` (numbered here) and give the caller its job. */
  function job(
    kind: ImportedKind,
    onProgress: ((p: ImportProgress) => void) | undefined,
    request: (id: number) => ImportRequest,
  ): ImportJob {
    const id = nextId++;
    let settle!: Pending['settle'];
    const result = new Promise<{ kind: ImportedKind; result: ImportReadResult }>((resolve) => {
      settle = resolve;
    });
    pending.set(id, { onProgress, settle, kind });
    start().postMessage(request(id));
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
  }

  return {
    read(file, options = {}) {
      const name = options.name ?? file.name ?? '';
      const kind = options.kind ?? 'auto';
      const guess: ImportedKind = kind === 'json' ? 'json' : 'csv';
      return job(guess, options.onProgress, (id) => ({ type: 'read', id, file, name, kind }));
    },
    readNumpy(files, options = {}) {
      return job('numpy', options.onProgress, (id) => ({ type: 'numpy', id, files }));
    },
    dispose() {
      settleAll({ ok: false, error: 'cancelled', cancelled: true });
      worker?.terminate();
      worker = null;
    },
  };
}
