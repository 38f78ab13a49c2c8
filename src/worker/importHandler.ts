/**
 * The worker's side of the import: reads a File's stream with io/stream.ts's readStream, posts
 * progress at most every `progressEveryMs`, answers a `cancel` through an AbortController, and
 * transfers the result's typed arrays back. Pure (no worker globals): import.worker.ts runs it, and so
 * does the client's main-thread fallback, which loads this module only when it needs it.
 */
import { importKindOf } from '../io/import.ts';
import { readStream, type ByteSource, type StreamKind } from '../io/stream.ts';
import type { ImportKind, ImportReadResult, ImportReply, ImportRequest } from './importProtocol.ts';

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
