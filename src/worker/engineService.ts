/**
 * The engine worker's request loop: the handler (handler.ts) for everything, except a `load` of a
 * detection-scale preset, whose set a pool of workers builds first (poolLoad.ts). Asynchronous only
 * there. Its reply goes out once the sorted sets are prepared and explained, before the pool has
 * computed BCE and FL (~250 ms of the workers' CPU on two cores): the rest of the load (the "tail")
 * then posts them as an `objectives` message. The client sends one request at a time, but the next
 * may come during the tail: an `evaluate` is answered at once (its BCE and FL null too, the tail's
 * message completes it), a `load` or `baseline` waits for the tail, so the set is never replaced nor
 * explained in the other slot while its objectives are pending. No worker globals: the worker shell
 * passes the pool's worker factory, Node tests an in-thread one.
 */
import type { KernelPath } from '../engine/index.ts';
import { presetInfo } from '../data/presets.ts';
import type { GaussianPresetId } from '../data/presetShards.ts';
import { prepareSorted } from '../explain/index.ts';
import {
  createEngineHandler,
  type EngineHandler,
  type HandlerReply,
  type SortedLoad,
} from './handler.ts';
import { loadThroughPool, pooledPresetOf, presetPlan } from './poolLoad.ts';
import type {
  EngineRequest,
  LoadRequest,
  ObjectivesResponse,
  ProgressResponse,
} from './protocol.ts';
import { createWorkerPool, type PoolWorkerLike, type WorkerPool } from './workerPool.ts';

export interface EngineServiceOptions {
  /** Starts one pool worker. */
  readonly createPoolWorker: () => PoolWorkerLike;
  /** Pool size when a load does not ask for one. */
  readonly defaultPoolSize: number;
  readonly handler?: EngineHandler;
  readonly now?: () => number;
  /** Posts a pool build's progress (before the result of its `load`). */
  readonly onProgress?: (progress: ProgressResponse) => void;
  /** Posts the BCE and FL of a pooled load, after its result (a macrotask later: see loadPooled). */
  readonly onObjectives?: (objectives: ObjectivesResponse) => void;
}

export interface EngineService {
  /** The reply to `request`; for a pooled load, before BCE and FL (onObjectives brings them). */
  handle(request: EngineRequest): Promise<HandlerReply | null>;
  /** Resolves when the last pooled load's BCE and FL have been posted (or the load gave up). */
  readonly settled: Promise<void>;
  /**
   * Start the pool of the default size now, if none runs, and plan the detection-scale preset at the
   * seed last loaded (its sequential pass): the pool's workers load their code, and a switch to that
   * preset starts generating at once, instead of after both.
   */
  warm(): void;
  /**
   * Compute `request`'s reply ahead, if no request has come yet (handler.prime): the worker shell
   * primes the first load of a default visit (firstLoad.ts) once it has started. A pooled load is
   * not primed (its set is built by the pool, when asked).
   */
  prime(request: LoadRequest): void;
  /** The engine's kernel path in this worker (what it reports in `ready`). */
  readonly kernel: KernelPath;
  dispose(): void;
}

export function createEngineService(options: EngineServiceOptions): EngineService {
  const now = options.now ?? (() => performance.now());
  const handler = options.handler ?? createEngineHandler(now);
  let pool: WorkerPool | null = null;
  /** The seed of the last generated set loaded (the picker keeps it when the preset changes). */
  let lastSeed: number | null = null;
  /** The pooled load's tail: done when its objectives have been posted. Never rejects. */
  let tail: Promise<void> = Promise.resolve();

  /** The pool of `size` workers, started on first use and restarted only for another size. */
  function poolOf(size: number): WorkerPool {
    if (pool === null || pool.size !== size) {
      pool?.dispose();
      pool = createWorkerPool({ size, createWorker: options.createPoolWorker });
    }
    return pool;
  }

  function warm(): void {
    if (pool === null) poolOf(Math.max(1, Math.floor(options.defaultPoolSize)));
    if (lastSeed !== null) presetPlan('detection-scale', lastSeed);
  }

  /**
   * A pooled load: resolves with its reply as soon as the sorted sets are explained (poolLoad's
   * onSorted), and sets `tail` to the rest: the pool's BCE and FL, given to the handler and posted.
   * They come from the pool workers' messages, so a macrotask after that reply (which the worker shell
   * posts in a microtask): the client sees the result first. If the pool fails, one thread loads the
   * set the usual way (the same bits), and gives the reply, or only the objectives when the reply
   * has gone.
   */
  function loadPooled(request: LoadRequest, preset: GaussianPresetId, seed: number) {
    const size = Math.max(1, Math.floor(request.poolSize ?? options.defaultPoolSize));
    const t0 = now();
    const p = poolOf(size);
    const info = presetInfo(preset);
    const entries = info ? info.R * info.K : 0;
    return new Promise<HandlerReply>((resolve) => {
      let sorted: SortedLoad | null = null;
      let replied = false;
      const run = loadThroughPool(
        p,
        preset,
        seed,
        undefined,
        (q) => options.onProgress?.({ type: 'progress', gen: request.gen, ...q, entries }),
        // called again if a crash restarts the build: the handler then caches the new set
        (set, s, shards) => {
          const prepared = prepareSorted(set, s, 'pending');
          sorted = { prepared, nPos: s.pos.length, nNeg: s.neg.length };
          const report = { workers: p.size, mode: p.mode, shards, restarts: p.restarts };
          const reply = handler.handleSorted(request, sorted, now() - t0, report);
          if (!replied) resolve(reply);
          replied = true;
        },
      );
      tail = run.then(
        (loaded) => {
          const follow = sorted && handler.handleObjectives(sorted.prepared, loaded.objectives);
          if (follow?.message.type === 'objectives') options.onObjectives?.(follow.message);
        },
        () => {
          // the pool failed in a way a restart did not mend: one thread does it the usual way
          const reply = handler.handle(request);
          if (!replied) resolve(reply!);
          else if (reply?.message.type === 'result') {
            const { bce, focal } = reply.message.explained;
            const gen = handler.mainGeneration;
            if (bce && focal) options.onObjectives?.({ type: 'objectives', gen, bce, focal });
          }
        },
      );
    });
  }

  return {
    get kernel() {
      return handler.kernel;
    },
    async handle(request) {
      if (request.type === 'crash' && request.target === 'pool') {
        pool?.crashWorker(0);
        return null;
      }
      if (request.type === 'warm') {
        warm();
        return null;
      }
      // nothing replaces the set, or explains it as the baseline, while its objectives are pending
      if (request.type === 'load' || request.type === 'baseline') await tail;
      if (request.type !== 'load') return handler.handle(request);
      if (request.source.kind === 'generated') lastSeed = request.source.seed;
      const preset = pooledPresetOf(request.source);
      if (preset === null || request.source.kind !== 'generated') return handler.handle(request);
      return loadPooled(request, preset, request.source.seed);
    },
    get settled() {
      return tail;
    },
    warm,
    prime(request) {
      if (pooledPresetOf(request.source) === null) handler.prime(request);
    },
    dispose() {
      pool?.dispose();
      pool = null;
    },
  };
}
