/**
 * The engine worker's request loop: the handler (handler.ts) for everything, except a `load` of a
 * detection-scale preset, whose set a pool of workers builds first (poolLoad.ts). Asynchronous only
 * there; the client sends one request at a time, so nothing interleaves. No worker globals: the
 * worker shell passes the pool's worker factory, Node tests an in-thread one.
 */
import type { KernelPath } from '../engine/index.ts';
import { presetInfo } from '../data/presets.ts';
import { prepareSorted, type Prepared } from '../explain/index.ts';
import { createEngineHandler, type EngineHandler, type HandlerReply } from './handler.ts';
import { loadThroughPool, pooledPresetOf, presetPlan } from './poolLoad.ts';
import type { EngineRequest, ProgressResponse } from './protocol.ts';
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
}

export interface EngineService {
  handle(request: EngineRequest): Promise<HandlerReply | null>;
  /**
   * Start the pool of the default size now, if none runs, and plan the detection-scale preset at the
   * seed last loaded (its sequential pass): the pool's workers load their code, and a switch to that
   * preset starts generating at once, instead of after both.
   */
  warm(): void;
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
      if (request.type !== 'load') return handler.handle(request);
      if (request.source.kind === 'generated') lastSeed = request.source.seed;
      const preset = pooledPresetOf(request.source);
      if (preset === null || request.source.kind !== 'generated') return handler.handle(request);
      const size = Math.max(1, Math.floor(request.poolSize ?? options.defaultPoolSize));
      const t0 = now();
      const p = poolOf(size);
      const info = presetInfo(preset);
      const entries = info ? info.R * info.K : 0;
      // the sorted sets are prepared while the pool still computes BCE and FL
      let prepared: Prepared | undefined;
      try {
        const loaded = await loadThroughPool(
          p,
          preset,
          request.source.seed,
          undefined,
          (q) => options.onProgress?.({ type: 'progress', gen: request.gen, ...q, entries }),
          (set, sorted) => (prepared = prepareSorted(set, sorted)),
        );
        return handler.handleLoaded(
          request,
          loaded,
          now() - t0,
          {
            workers: p.size,
            mode: p.mode,
            shards: loaded.shards,
            restarts: p.restarts,
          },
          prepared,
        );
      } catch {
        // the pool failed in a way a restart did not mend: one thread does it the usual way
        return handler.handle(request);
      }
    },
    warm,
    dispose() {
      pool?.dispose();
      pool = null;
    },
  };
}
