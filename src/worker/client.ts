/**
 * The main thread's handle on the engine. It owns three things:
 * - staleness: every request gets a generation number; at most one request is in flight and only the
 *   newest not-yet-sent one waits (older ones are overwritten, never queued), so a slider drag never
 *   builds a backlog and results arrive in increasing generation order;
 * - transfer: an imported set's typed arrays travel as transferables (copies, so the store keeps its
 *   own); a parameter change sends parameters only, the worker keeps the pooled candidates;
 * - failure: a worker that cannot start is replaced by the same handler on the main thread (with a
 *   notice); a worker that crashes is restarted and sent the latest state again (with a notice), up to
 *   `maxRestarts` times in a row, then the main-thread fallback takes over;
 * - completion: a detection-scale load's result comes before its BCE and FL (null in it), which an
 *   `objectives` message brings later; it is passed on only while it completes the result shown last
 *   and no request for another set has been made since (BCE and FL depend on the set alone).
 */
import type { KernelPath } from '../engine/index.ts';
import type { AppParams } from '../params/types.ts';
import type { CandidateSource } from '../data/types.ts';
import type { EngineHandler } from './handler.ts';
import type {
  EngineRequest,
  EngineResponse,
  ErrorResponse,
  ObjectivesResponse,
  ProgressResponse,
  ResultResponse,
} from './protocol.ts';

/** The part of `Worker` the client uses (a fake in Node tests). */
export interface WorkerLike {
  postMessage(message: EngineRequest, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { readonly data: EngineResponse }) => void) | null;
  onerror: ((event: { readonly message?: string; preventDefault?(): void }) => void) | null;
}

/** A result as the client delivers it: the worker's reply plus what only the main thread knows. */
export interface ClientResult extends ResultResponse {
  /** True when no newer request exists: the readouts show the state the person set. */
  readonly latest: boolean;
  /** Milliseconds from posting the request to receiving the reply. */
  readonly roundTripMs: number;
}

export interface ClientError extends ErrorResponse {
  readonly latest: boolean;
}

export interface EngineClientOptions {
  /** Starts a worker; may throw (then the fallback runs). Default: the bundled module worker. */
  readonly createWorker?: () => WorkerLike;
  /**
   * The main-thread handler used when no worker can run. Default: handler.ts, fetched only then (its
   * own chunk: the engine is not part of the page's first load, the worker has its own copy).
   */
  readonly createFallback?: () => EngineHandler | Promise<EngineHandler>;
  readonly onResult: (result: ClientResult) => void;
  readonly onError: (error: ClientError) => void;
  /** Results of requestBaseline (the pinned baseline A); `latest` compares with baseline requests. */
  readonly onBaselineResult?: (result: ClientResult) => void;
  readonly onBaselineError?: (error: ClientError) => void;
  /** How far the request in flight has come (a detection-scale load built by the pool). */
  readonly onProgress?: (progress: ProgressResponse) => void;
  /**
   * BCE and FL for the result with generation `gen`, the last one onResult gave, which had them null
   * (a detection-scale load: see protocol.ts ObjectivesResponse). Never for a superseded set.
   */
  readonly onObjectives?: (objectives: ObjectivesResponse) => void;
  /** Something the person should read (fallback, crash and restart). */
  readonly onNotice: (text: string, level: 'info' | 'error') => void;
  /** Consecutive crashes (no result in between) that are answered with a restart; default 2. */
  readonly maxRestarts?: number;
  /** A worker that has not said `ready` after this long is treated as unable to start; default 10 s. */
  readonly startTimeoutMs?: number;
  readonly now?: () => number;
}

export interface EngineClient {
  /**
   * Ask for the explanation of `params` on `source`; returns the request's generation. The candidates
   * are (re)loaded only when `source` is not the object last sent (the store keeps a source's identity
   * until it changes).
   */
  request(params: AppParams, source: CandidateSource): number;
  /**
   * Ask for the explanation of the pinned baseline A, computed in a slot of its own (a set equal by
   * identity to the current one is not loaded twice). It waits behind the current state's request:
   * one request is in flight in all, and only the newest baseline request waits.
   */
  requestBaseline(params: AppParams, source: CandidateSource): number;
  /** Forget a waiting baseline request (A was cleared). */
  clearBaseline(): void;
  /** 'worker' while a worker serves requests, 'fallback' once the main thread does. */
  readonly mode: 'worker' | 'fallback';
  /**
   * The engine's kernel path where requests are computed: the worker's (from its `ready`), or the
   * main thread's in the fallback; null while the worker has not said `ready`.
   */
  readonly kernel: KernelPath | null;
  /** Generation of the newest request for the current state (0 before the first). */
  readonly generation: number;
  /** True while a request is in flight or waiting. */
  readonly busy: boolean;
  /** Test hook: make the worker crash as a real crash would (no effect in the fallback). */
  crashWorker(): void;
  /** Test hook: the first pool worker of the engine worker crashes (no effect in the fallback). */
  crashPoolWorker(): void;
  /** Start the worker's pool now (WarmRequest); nothing in the main-thread fallback. */
  warmPool(): void;
  /**
   * Test and benchmark hook: the number of pool workers that build the next detection-scale set
   * (null: one per core, at most 4). Applies from the next load; the numbers do not depend on it.
   */
  setPoolSize(size: number | null): void;
  dispose(): void;
}

/** The bundled module worker (Vite resolves the URL at build time). */
export function createModuleWorker(): WorkerLike {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

interface Backend {
  post(request: EngineRequest, transfer: Transferable[]): void;
  dispose(): void;
}

interface Latest {
  readonly gen: number;
  readonly params: AppParams;
  readonly source: CandidateSource;
}

/** Create a client and start its worker (or fallback) at once. */
export function createEngineClient(options: EngineClientOptions): EngineClient {
  const createWorker = options.createWorker ?? createModuleWorker;
  const createFallback =
    options.createFallback ?? (async () => (await import('./handler.ts')).createEngineHandler());
  const maxRestarts = options.maxRestarts ?? 2;
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const now = options.now ?? (() => performance.now());

  let mode: 'worker' | 'fallback' = 'worker';
  let kernel: KernelPath | null = null;
  let backend!: Backend;
  let gen = 0;
  let latest: Latest | null = null;
  let lastSent = 0;
  /** What the backend has loaded, or will have once the request in flight is served. */
  let sentSource: CandidateSource | null = null;
  let inFlight: {
    gen: number;
    load: boolean;
    sentAt: number;
    baseline: boolean;
    source: CandidateSource;
  } | null = null;
  /** The last result given to onResult and the set it was computed on: what `objectives` completes. */
  let shownResult: { gen: number; source: CandidateSource } | null = null;
  /** An `objectives` message that came before the result it completes (not sent so, but harmless). */
  let earlyObjectives: ObjectivesResponse | null = null;
  /** The newest baseline request, and what the worker's baseline slot holds (or will). */
  let latestBaseline: Latest | null = null;
  let lastSentBaseline = 0;
  let baselineLoaded: CandidateSource | null = null;
  let crashes = 0;
  let disposed = false;
  let poolSize: number | null = null;

  function startWorker(): Backend | null {
    let worker: WorkerLike;
    try {
      worker = createWorker();
    } catch (e) {
      toFallback(`the engine worker could not start (${describe(e)})`);
      return null;
    }
    let started = false;
    const timer = setTimeout(() => {
      if (!started) fail(`the engine worker did not start within ${startTimeoutMs} ms`);
    }, startTimeoutMs);
    const fail = (reason: string) => {
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      if (started) onCrash(reason);
      else toFallback(reason);
    };
    worker.onmessage = (event) => {
      if (event.data.type === 'ready') {
        started = true;
        kernel = event.data.kernel;
        clearTimeout(timer);
        return;
      }
      receive(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault?.(); // handled here: keep it off the console as an uncaught error
      const what = event.message ?? 'unknown error';
      fail(
        started
          ? `the engine worker crashed (${what})`
          : `the engine worker could not start (${what})`,
      );
    };
    return {
      post: (request, transfer) => worker.postMessage(request, transfer),
      dispose: () => {
        clearTimeout(timer);
        worker.onmessage = null;
        worker.onerror = null;
        worker.terminate();
      },
    };
  }

  function startFallback(): Backend {
    let handler: EngineHandler | null = null;
    let failed: string | null = null;
    let alive = true;
    const waiting: EngineRequest[] = [];
    const serve = (request: EngineRequest) => {
      if (!alive) return;
      if (failed !== null) {
        if ('gen' in request) receive({ type: 'error', gen: request.gen, message: failed });
        return;
      }
      if (!handler) {
        waiting.push(request);
        return;
      }
      const reply = handler.handle(request);
      if (reply) receive(reply.message);
    };
    const made = createFallback();
    const ready = (h: EngineHandler) => {
      handler = h;
      kernel = h.kernel;
      for (const request of waiting.splice(0)) serve(request);
    };
    if ('handle' in made) ready(made);
    else {
      made.then(ready, (e: unknown) => {
        failed = `the main-thread engine could not load (${describe(e)})`;
        for (const request of waiting.splice(0)) serve(request);
      });
    }
    return {
      post(request) {
        // A macrotask, as a worker reply would be: input events in between still coalesce.
        setTimeout(() => serve(request), 0);
      },
      dispose() {
        alive = false;
      },
    };
  }

  function toFallback(reason: string) {
    mode = 'fallback';
    options.onNotice(
      `${reason}; computing on the main thread instead (large sets will make the page stutter).`,
      'error',
    );
    backend = startFallback();
    resend();
  }

  function onCrash(reason: string) {
    crashes += 1;
    if (crashes > maxRestarts) {
      toFallback(`${reason} (${crashes} times in a row)`);
      return;
    }
    options.onNotice(`${reason}; it was restarted and your settings are unchanged.`, 'error');
    const next = startWorker();
    if (next) {
      backend = next;
      resend();
    }
  }

  /** After a restart or fallback the backend holds nothing: send the latest state again. */
  function resend() {
    sentSource = null;
    baselineLoaded = null;
    inFlight = null;
    earlyObjectives = null;
    if (latest) latest = { ...latest, gen: ++gen };
    if (latestBaseline) latestBaseline = { ...latestBaseline, gen: ++gen };
    pump();
  }

  /** Passes on BCE and FL that complete the result shown last, while its set is still the one asked. */
  function objectives(message: ObjectivesResponse) {
    if (inFlight !== null && !inFlight.baseline && message.gen === inFlight.gen) {
      earlyObjectives = message; // given right after its result
      return;
    }
    const shown = shownResult;
    if (shown === null || message.gen !== shown.gen || latest?.source !== shown.source) return;
    options.onObjectives?.(message);
  }

  function receive(message: EngineResponse) {
    if (message.type === 'objectives') {
      objectives(message);
      return;
    }
    if (message.type === 'ready' || inFlight === null || message.gen !== inFlight.gen) return;
    if (message.type === 'progress') {
      if (!inFlight.baseline) options.onProgress?.(message);
      return;
    }
    const { load, sentAt, baseline, source } = inFlight;
    inFlight = null;
    const early = earlyObjectives;
    earlyObjectives = null;
    const newest = baseline ? latestBaseline?.gen : latest?.gen;
    if (message.type === 'result') {
      crashes = 0;
      const result = { ...message, latest: message.gen === newest, roundTripMs: now() - sentAt };
      if (baseline) options.onBaselineResult?.(result);
      else {
        shownResult = { gen: message.gen, source };
        options.onResult(result);
        if (early?.gen === message.gen) objectives(early);
      }
    } else if (baseline) {
      baselineLoaded = null;
      options.onBaselineError?.({ ...message, latest: message.gen === newest });
    } else {
      if (load) sentSource = null; // nothing usable is loaded: the next request loads again
      options.onError({ ...message, latest: message.gen === newest });
    }
    pump();
  }

  function pump() {
    if (disposed || inFlight !== null) return;
    if (latest === null || latest.gen <= lastSent) {
      pumpBaseline();
      return;
    }
    const { gen: g, params, source } = latest;
    lastSent = g;
    const load = source !== sentSource;
    inFlight = { gen: g, load, sentAt: now(), baseline: false, source };
    if (load) {
      sentSource = source;
      const { source: copy, transfer } =
        mode === 'worker' ? forTransfer(source) : { source, transfer: [] };
      const pool = poolSize === null ? {} : { poolSize };
      backend.post({ type: 'load', gen: g, source: copy, params, ...pool }, transfer);
    } else {
      backend.post({ type: 'evaluate', gen: g, params }, []);
    }
  }

  /** The current state goes first; a waiting baseline request is sent once nothing else is. */
  function pumpBaseline() {
    if (latestBaseline === null || latestBaseline.gen <= lastSentBaseline) return;
    const { gen: g, params, source } = latestBaseline;
    lastSentBaseline = g;
    let wire: CandidateSource | 'main' | 'kept';
    let transfer: Transferable[] = [];
    if (source === sentSource) wire = 'main';
    else if (source === baselineLoaded) wire = 'kept';
    else if (mode === 'worker') ({ source: wire, transfer } = forTransfer(source));
    else wire = source;
    baselineLoaded = source;
    inFlight = { gen: g, load: wire !== 'kept', sentAt: now(), baseline: true, source };
    backend.post({ type: 'baseline', gen: g, params, source: wire }, transfer);
  }

  const first = startWorker();
  if (first) backend = first;

  return {
    request(params, source) {
      gen += 1;
      latest = { gen, params, source };
      pump();
      return gen;
    },
    requestBaseline(params, source) {
      gen += 1;
      latestBaseline = { gen, params, source };
      pump();
      return gen;
    },
    clearBaseline() {
      latestBaseline = null;
    },
    get mode() {
      return mode;
    },
    get kernel() {
      return kernel;
    },
    get generation() {
      return latest?.gen ?? 0;
    },
    get busy() {
      return (
        inFlight !== null ||
        (latest !== null && latest.gen > lastSent) ||
        (latestBaseline !== null && latestBaseline.gen > lastSentBaseline)
      );
    },
    crashWorker() {
      if (mode === 'worker') backend.post({ type: 'crash' }, []);
    },
    crashPoolWorker() {
      if (mode === 'worker') backend.post({ type: 'crash', target: 'pool' }, []);
    },
    warmPool() {
      if (mode === 'worker') backend.post({ type: 'warm' }, []);
    },
    setPoolSize(size) {
      poolSize = size;
    },
    dispose() {
      disposed = true;
      backend.dispose();
    },
  };
}

/**
 * An explicit set's arrays are copied and transferred, so the store's own copies stay usable. Its
 * features stay behind: the loss never reads them (the training worker gets its own copy).
 */
function forTransfer(source: CandidateSource): {
  source: CandidateSource;
  transfer: Transferable[];
} {
  if (source.kind !== 'explicit') return { source, transfer: [] };
  const { R, K } = source.base;
  const logits = source.base.logits.slice();
  const targets = source.base.targets.slice();
  return {
    source: { ...source, base: { R, K, logits, targets } },
    transfer: [logits.buffer, targets.buffer],
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
