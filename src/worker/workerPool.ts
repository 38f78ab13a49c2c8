/**
 * A pool of workers holding the shards of one problem (engine/shards: fixed blocks of rows). Shard s
 * goes to worker s mod size; each request goes to every worker for its own shards and the parts come
 * back in shard order, so whatever combines them (workerPool's callers) sees the same inputs, in the
 * same order, for any size.
 *
 * A crash of a worker restarts the whole pool: the new workers are sent the last kept build again
 * (shards are pure functions of their source) and then the request that was cut short, so nothing is
 * lost. After `maxRestarts` crashes in a row the pool runs its shards in this thread instead.
 */
import type { CombinedForward, ShardPartial, TopKCandidates } from '../engine/shards/index.ts';
import { workerOfShard } from '../engine/shards/index.ts';
import type { DRParams } from '../engine/types.ts';
import { createPoolHandler } from './poolHandler.ts';
import type { BuiltShard, PoolRequest, PoolResponse, ShardSource } from './poolProtocol.ts';

/**
 * The part of `Worker` the pool uses (a fake in Node tests). Generic over the messages so the training
 * pool (trainPool.ts) starts its workers through the same interface; the defaults are this pool's.
 */
export interface PoolWorkerLike<Req = PoolRequest, Res = PoolResponse> {
  postMessage(message: Req, transfer: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { readonly data: Res }) => void) | null;
  onerror: ((event: { readonly message?: string; preventDefault?(): void }) => void) | null;
}

/** The pool's size on this machine: one worker per logical core, at most `cap`, at least 1. */
export function defaultPoolSize(cores: number | undefined, cap = 4): number {
  const n = Math.floor(cores ?? 1);
  return Math.max(1, Math.min(cap, Number.isFinite(n) ? n : 1));
}

/**
 * A pool worker run in this thread: the same handler, answering on a later macrotask as a worker
 * would. What the pool falls back to, and what Node tests use.
 */
export function inlinePoolWorker(): PoolWorkerLike {
  const handler = createPoolHandler();
  let alive = true;
  const worker: PoolWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      setTimeout(() => {
        if (!alive) return;
        if (message.type === 'crash') {
          worker.onerror?.({ message: 'pool worker crash requested (test hook)' });
          return;
        }
        const reply = handler.handle(message, (m) => worker.onmessage?.({ data: m }));
        if (reply) worker.onmessage?.({ data: reply.message });
      }, 0);
    },
    terminate() {
      alive = false;
    },
  };
  return worker;
}

/** The sources of one build, per worker (given rows are sent to the worker of their shard only). */
export type SourceFor = (shards: readonly number[]) => {
  readonly source: ShardSource;
  readonly transfer: Transferable[];
};

/** What a cut returns (CutRequest). */
export interface Cut {
  /** Every shard's sizes, in shard order. */
  readonly parts: BuiltShard[];
  /** Each worker's positive scores, sorted (in worker order: their merge does not depend on it). */
  readonly pos: Float64Array[];
  /** ranges[w][r]: the negative scores worker w cut into value range r, one piece per shard. */
  readonly ranges: (readonly Float64Array[])[][];
}

export interface WorkerPoolOptions {
  readonly size: number;
  readonly createWorker: () => PoolWorkerLike;
  /** Crashes in a row answered by a restart before the pool runs in this thread; default 2. */
  readonly maxRestarts?: number;
  /** Something worth telling (a crash and restart, the fall back to this thread). */
  readonly onNotice?: (text: string) => void;
}

export interface WorkerPool {
  /** Workers asked for; `mode` says whether they run ('workers') or this thread does ('inline'). */
  readonly size: number;
  readonly mode: 'workers' | 'inline';
  /** Restarts so far (crashes answered). */
  readonly restarts: number;
  /** Workers running now: `size`, or 1 in this thread. */
  readonly running: number;
  /** Build and keep `shardCount` shards (see BuildRequest): the parts in shard order. */
  build(sourceFor: SourceFor, shardCount: number): Promise<BuiltShard[]>;
  /**
   * Step 1 of a set for the engine worker (CutRequest), `splits.length + 1 = running` value ranges;
   * `onShard` hears of each shard pooled. Not replayed after a restart: what it leaves in the
   * workers is for the next `give`, which copes without.
   */
  cut(
    source: ShardSource,
    shardCount: number,
    splits: Float64Array,
    onShard?: (shard: number) => void,
  ): Promise<Cut>;
  /** Step 2: worker r sorts ranges[r] (the pieces of value range r, transferred): sorted range r. */
  sortRanges(ranges: readonly (readonly Float64Array[])[]): Promise<Float64Array[]>;
  /** Step 3 (GiveRequest): every shard's logits, targets and BCE / FL sums, in shard order. */
  give(source: ShardSource, shardCount: number): Promise<BuiltShard[]>;
  /** Each kept shard's top-k candidates, in shard order. */
  topk(k: number): Promise<TopKCandidates[]>;
  /** Each kept shard's sums, in shard order; supports in shard order (null: uniform prior). */
  forward(
    params: DRParams,
    supports: readonly (Int32Array | null)[] | null,
    scratch: boolean,
  ): Promise<ShardPartial[]>;
  /** Each kept shard's ∂DR/∂logits after a forward with scratch, in shard order. */
  gradient(combined: CombinedForward): Promise<Float64Array[]>;
  /** Test hook: worker `index` crashes at its next message, as a real crash would. */
  crashWorker(index: number): void;
  dispose(): void;
}

class Crash extends Error {}

interface Slot {
  readonly worker: PoolWorkerLike;
  readonly pending: Map<number, { resolve(m: PoolResponse): void; reject(e: Error): void }>;
  /** Listeners of requests in flight that report progress. */
  readonly progress: Map<number, (shard: number) => void>;
  /** Set by an error event: the worker is not trusted again (a crash between requests counts too). */
  crashed: string | null;
}

export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const size = Math.max(1, Math.floor(options.size));
  const maxRestarts = options.maxRestarts ?? 2;
  let mode: 'workers' | 'inline' = 'workers';
  let slots: Slot[] = [];
  let nextId = 1;
  let restarts = 0;
  let crashesInRow = 0;
  let shardCount = 0;
  /** The last build whose shards the workers keep: replayed after a restart. */
  let keptBuild: { sourceFor: SourceFor; shardCount: number } | null = null;
  let disposed = false;

  function start(): void {
    const count = mode === 'inline' ? 1 : size;
    slots = [];
    for (let w = 0; w < count; w++) {
      let worker: PoolWorkerLike;
      try {
        worker = mode === 'inline' ? inlinePoolWorker() : options.createWorker();
      } catch (e) {
        for (const s of slots) s.worker.terminate();
        options.onNotice?.(
          `the pool workers could not start (${describe(e)}); computing in one thread`,
        );
        mode = 'inline';
        start();
        return;
      }
      const slot: Slot = { worker, pending: new Map(), progress: new Map(), crashed: null };
      worker.onmessage = (event) => {
        const m = event.data;
        if (m.type === 'ready') return;
        if (m.type === 'progress') {
          slot.progress.get(m.id)?.(m.shard);
          return;
        }
        const p = slot.pending.get(m.id);
        if (!p) return;
        slot.pending.delete(m.id);
        p.resolve(m);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        slot.crashed = event.message ?? 'pool worker crashed';
        const error = new Crash(slot.crashed);
        for (const p of slot.pending.values()) p.reject(error);
        slot.pending.clear();
      };
      slots.push(slot);
    }
  }

  function stop(): void {
    for (const s of slots) {
      s.worker.onmessage = null;
      s.worker.onerror = null;
      s.worker.terminate();
      for (const p of s.pending.values()) p.reject(new Crash('pool stopped'));
    }
    slots = [];
  }

  /** The shards of worker w when `count` shards are spread over the running workers. */
  function shardsOf(w: number, count: number): number[] {
    const out: number[] = [];
    for (let s = 0; s < count; s++) if (workerOfShard(s, slots.length) === w) out.push(s);
    return out;
  }

  /**
   * Send each worker its request and wait for every reply (rejects with Crash if one crashes);
   * `onShard` hears each worker's progress messages.
   */
  function send(
    make: (w: number, shards: number[]) => { request: PoolRequest; transfer: Transferable[] },
    count: number,
    onShard?: (shard: number) => void,
  ): Promise<PoolResponse[]> {
    const crashed = slots.find((s) => s.crashed !== null);
    if (crashed) return Promise.reject(new Crash(crashed.crashed ?? 'pool worker crashed'));
    return Promise.all(
      slots.map((slot, w) => {
        const { request, transfer } = make(w, shardsOf(w, count));
        return new Promise<PoolResponse>((resolve, reject) => {
          if (request.type !== 'crash') {
            const id = request.id;
            const done = () => slot.progress.delete(id);
            slot.pending.set(id, {
              resolve: (m) => (done(), resolve(m)),
              reject: (e) => (done(), reject(e)),
            });
            if (onShard) slot.progress.set(id, onShard);
          }
          slot.worker.postMessage(request, transfer);
        });
      }),
    );
  }

  function buildRequest(
    sourceFor: SourceFor,
  ): (w: number, shards: number[]) => { request: PoolRequest; transfer: Transferable[] } {
    return (_w, shards) => {
      const { source, transfer } = sourceFor(shards);
      return { request: { type: 'build', id: nextId++, source, shards }, transfer };
    };
  }

  /**
   * Run one request on every worker; after a crash restart the pool (replaying the kept build unless
   * this is a build) and run it again, or fall back to this thread.
   */
  async function run(
    make: (w: number, shards: number[]) => { request: PoolRequest; transfer: Transferable[] },
    count: number,
    kind: 'build' | 'gradient' | 'other',
    onShard?: (shard: number) => void,
  ): Promise<PoolResponse[]> {
    for (;;) {
      if (disposed) throw new Error('the pool was disposed');
      try {
        if (kind !== 'build' && keptBuild && replayNeeded) {
          // after a restart the new workers hold nothing: rebuild what the old ones kept, and redo
          // the forward pass whose scratch a gradient reads
          await send(buildRequest(keptBuild.sourceFor), keptBuild.shardCount);
          if (kind === 'gradient' && lastForward) await send(lastForward, keptBuild.shardCount);
          replayNeeded = false;
        }
        const replies = await send(make, count, onShard);
        crashesInRow = 0;
        return replies;
      } catch (e) {
        if (!(e instanceof Crash) || disposed) throw e;
        crashesInRow++;
        restarts++;
        stop();
        if (crashesInRow > maxRestarts && mode === 'workers') {
          mode = 'inline';
          options.onNotice?.(
            `${e.message} (${crashesInRow} times in a row); computing in one thread`,
          );
        } else {
          options.onNotice?.(`${e.message}; the pool was restarted`);
        }
        start();
        replayNeeded = true;
      }
    }
  }
  let replayNeeded = false;
  /** The last forward request with scratch (replayed before a gradient after a restart). */
  let lastForward:
    ((w: number, shards: number[]) => { request: PoolRequest; transfer: Transferable[] }) | null =
    null;

  function check(m: PoolResponse, type: PoolResponse['type']): void {
    if (m.type === 'error') throw new Error(m.message);
    if (m.type !== type) throw new Error(`pool worker answered ${m.type}, expected ${type}`);
  }

  /** Parts of every reply, put in shard order. */
  function inShardOrder<T extends { readonly shard: number }>(parts: T[]): T[] {
    return parts.sort((a, b) => a.shard - b.shard);
  }

  start();

  return {
    size,
    get mode() {
      return mode;
    },
    get restarts() {
      return restarts;
    },
    get running() {
      return slots.length;
    },
    async build(sourceFor, count) {
      const replies = await run(buildRequest(sourceFor), count, 'build');
      shardCount = count;
      lastForward = null;
      keptBuild = { sourceFor, shardCount: count };
      replayNeeded = false;
      const parts: BuiltShard[] = [];
      for (const m of replies) {
        check(m, 'built');
        if (m.type === 'built') parts.push(...m.parts);
      }
      return inShardOrder(parts);
    },
    async cut(source, count, splits, onShard) {
      const make = (_w: number, shards: number[]) => ({
        request: { type: 'cut' as const, id: nextId++, source, shards, splits },
        transfer: [],
      });
      // kind 'build': nothing kept is replayed before it (after a restart the next forward does)
      const replies = await run(make, count, 'build', onShard);
      const parts: BuiltShard[] = [];
      const pos: Float64Array[] = [];
      const ranges: (readonly Float64Array[])[][] = [];
      for (const m of replies) {
        check(m, 'cut');
        if (m.type !== 'cut') continue;
        parts.push(...m.parts);
        pos.push(m.pos);
        ranges.push([...m.ranges]);
      }
      return { parts: inShardOrder(parts), pos, ranges };
    },
    async sortRanges(ranges) {
      const make = (w: number) => {
        const pieces = ranges[w];
        // After a restart the pool may run fewer workers, and a retry may find pieces transferred
        // to a worker that crashed: either way the caller starts over from the cut.
        if (ranges.length !== slots.length) {
          throw new Error(`${ranges.length} value ranges for ${slots.length} pool workers`);
        }
        if (pieces.some((p) => p.length > 0 && p.buffer.byteLength === 0)) {
          throw new Error('the value ranges were lost with a crashed pool worker');
        }
        return {
          request: { type: 'sortRange' as const, id: nextId++, pieces },
          transfer: [...new Set(pieces.map((p) => p.buffer as ArrayBuffer))],
        };
      };
      const replies = await run(make, 0, 'build');
      return replies.map((m) => {
        check(m, 'sortedRange');
        return m.type === 'sortedRange' ? m.scores : new Float64Array(0);
      });
    },
    async give(source, count) {
      const make = (_w: number, shards: number[]) => ({
        request: { type: 'give' as const, id: nextId++, source, shards },
        transfer: [],
      });
      const replies = await run(make, count, 'build');
      const parts: BuiltShard[] = [];
      for (const m of replies) {
        check(m, 'given');
        if (m.type === 'given') parts.push(...m.parts);
      }
      return inShardOrder(parts);
    },
    async topk(k) {
      const replies = await run(
        () => ({ request: { type: 'topk', id: nextId++, k }, transfer: [] }),
        shardCount,
        'other',
      );
      const parts: { shard: number; candidates: TopKCandidates }[] = [];
      for (const m of replies) {
        check(m, 'candidates');
        if (m.type === 'candidates') parts.push(...m.parts);
      }
      return inShardOrder(parts).map((p) => p.candidates);
    },
    async forward(params, supports, scratch) {
      const make = (_w: number, shards: number[]) => ({
        request: {
          type: 'forward' as const,
          id: nextId++,
          params,
          supports: supports === null ? null : shards.map((s) => supports[s] ?? null),
          scratch,
        },
        transfer: [],
      });
      const replies = await run(make, shardCount, 'other');
      if (scratch) lastForward = make;
      const parts: { shard: number; partial: ShardPartial }[] = [];
      for (const m of replies) {
        check(m, 'partials');
        if (m.type === 'partials') parts.push(...m.parts);
      }
      return inShardOrder(parts).map((p) => p.partial);
    },
    async gradient(combined) {
      const { neg, pos } = combined;
      const replies = await run(
        () => ({
          request: { type: 'gradient', id: nextId++, combined: { neg, pos } },
          transfer: [],
        }),
        shardCount,
        'gradient',
      );
      const parts: { shard: number; gradLogits: Float64Array }[] = [];
      for (const m of replies) {
        check(m, 'gradients');
        if (m.type === 'gradients') parts.push(...m.parts);
      }
      return inShardOrder(parts).map((p) => p.gradLogits);
    },
    crashWorker(index) {
      slots[index]?.worker.postMessage({ type: 'crash' }, []);
    },
    dispose() {
      disposed = true;
      stop();
    },
  };
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
