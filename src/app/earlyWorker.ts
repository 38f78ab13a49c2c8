/**
 * The engine worker, started before the rest of the app: in the build, an inline script at the top
 * of index.html creates it while the page's chunks download (vite.config.ts startEngineEarly) and
 * main.tsx adopts it (adoptEarly); elsewhere main.tsx starts it first thing (startEarly). Either way
 * its script loads and compiles while the app's own chunks do, instead of after them (measured on a
 * cold load: the worker said `ready` 100–250 ms after it was created).
 *
 * The client (src/worker/client.ts) attaches its handlers only once the store exists; until then the
 * worker's messages (its `ready`) and errors are held here and delivered when a handler is set, so
 * nothing the client waits for is lost.
 */
import type { WorkerLike } from '../worker/client.ts';

type MessageHandler = WorkerLike['onmessage'];
type ErrorHandler = WorkerLike['onerror'];
type MessageOf = Parameters<NonNullable<MessageHandler>>[0];
type ErrorOf = Parameters<NonNullable<ErrorHandler>>[0];
type Held =
  | { readonly kind: 'message'; readonly event: MessageOf }
  | { readonly kind: 'error'; readonly event: ErrorOf };

/** The part of `Worker` used here (a fake in tests). */
export interface RawWorker {
  postMessage(message: never, transfer: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
}

/** What index.html's inline script leaves on `window.__drEngine`: the worker and its events so far. */
export interface EarlyEngine {
  readonly worker: RawWorker;
  /** Events that arrived before adoption, in order (the script stops adding once `taken`). */
  readonly held: (MessageEvent | ErrorEvent)[];
  taken: boolean;
}

/**
 * Wrap a started worker as a WorkerLike that holds its events until the client sets `onmessage` /
 * `onerror`, then delivers them in order (in a later task); `earlier` are events that came before
 * this wrapper did. Events arriving while some are held queue behind them.
 */
export function holdUntilAttached(
  worker: RawWorker,
  earlier: readonly (MessageEvent | ErrorEvent)[] = [],
): WorkerLike {
  const held: Held[] = earlier.map((event) =>
    event.type === 'error'
      ? { kind: 'error', event: event as ErrorEvent }
      : { kind: 'message', event: event as unknown as MessageOf },
  );
  let onmessage: MessageHandler = null;
  let onerror: ErrorHandler = null;
  const deliver = (h: Held): boolean => {
    if (h.kind === 'message' && onmessage) onmessage(h.event);
    else if (h.kind === 'error' && onerror) onerror(h.event);
    else return false;
    return true;
  };
  const flush = () => {
    while (held.length > 0 && deliver(held[0]!)) held.shift();
  };
  // Held events reach a new handler in a task of their own, as a worker's events always do: never
  // inside the assignment (the client sets its handlers before it has finished starting).
  let flushing = false;
  const flushSoon = () => {
    if (flushing || held.length === 0) return;
    flushing = true;
    setTimeout(() => {
      flushing = false;
      flush();
    }, 0);
  };
  worker.addEventListener('message', (event) => {
    const h: Held = { kind: 'message', event: event as unknown as MessageOf };
    if (held.length > 0 || !deliver(h)) held.push(h);
  });
  worker.addEventListener('error', (event) => {
    const h: Held = { kind: 'error', event };
    if (held.length > 0 || !deliver(h)) {
      // Held for the client, which reports it; keep it off the console meanwhile.
      event.preventDefault();
      held.push(h);
    }
  });
  return {
    postMessage: (message, transfer) => worker.postMessage(message as never, transfer),
    terminate: () => worker.terminate(),
    get onmessage() {
      return onmessage;
    },
    set onmessage(handler) {
      onmessage = handler;
      flushSoon();
    },
    get onerror() {
      return onerror;
    },
    set onerror(handler) {
      onerror = handler;
      flushSoon();
    },
  };
}

/**
 * Start a worker now; the returned `take()` hands it over once (or rethrows why it could not start),
 * and returns null afterwards, when the client starts fresh workers itself (restarts after a crash).
 */
export function startEarly(create: () => RawWorker): () => WorkerLike | null {
  let first: { worker: WorkerLike } | { error: unknown } | null;
  try {
    first = { worker: holdUntilAttached(create()) };
  } catch (error) {
    first = { error };
  }
  return () => {
    const f = first;
    first = null;
    if (f === null) return null;
    if ('error' in f) throw f.error;
    return f.worker;
  };
}

/** Adopt the worker index.html's inline script started: like startEarly, with its held events. */
export function adoptEarly(early: EarlyEngine): () => WorkerLike | null {
  const worker = holdUntilAttached(early.worker, early.held);
  early.taken = true;
  early.held.length = 0;
  let first: WorkerLike | null = worker;
  return () => {
    const f = first;
    first = null;
    return f;
  };
}
