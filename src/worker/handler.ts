/**
 * The engine side of the worker protocol, as a plain object with no worker globals: the worker shell
 * (engine.worker.ts) and the main-thread fallback (client.ts) both run it, and Node tests call it
 * directly.
 *
 * Every reply carries the explainer's whole snapshot (src/explain: the DR loss, q±, gradients,
 * histograms, the related objectives). What a parameter change must not recompute stays cached per
 * loaded set in explain's `Prepared`: the pooled sigmoids, the workspace, the score binning, BCE and
 * focal, the hardest negatives, and the pairwise hinge of the last γ. `load` replaces the cache;
 * `evaluate` reuses it.
 */
import { kernelPath, type KernelPath } from '../engine/index.ts';
import { materialize } from '../data/index.ts';
import { explainPrepared, prepare, provideObjectives, type Prepared } from '../explain/index.ts';
import type { ExplainerData } from '../explain/types.ts';
import type { AppParams } from '../params/types.ts';
import type { CandidateSource } from '../data/types.ts';
import type { BlockedObjectives } from '../engine/shards/index.ts';
import { sameLoad } from './firstLoad.ts';
import type {
  EngineRequest,
  EngineResponse,
  LoadRequest,
  PoolReport,
  ResultResponse,
  SetInfo,
} from './protocol.ts';

/** A reply and the buffers to transfer with it (postMessage's second argument). */
export interface HandlerReply {
  readonly message: EngineResponse;
  readonly transfer: ArrayBuffer[];
}

export interface EngineHandler {
  /**
   * Serve one request; never throws for a bad request (it answers `error`). Returns null for a
   * request with no reply (`crash`, which only the worker shell acts on).
   */
  handle(request: EngineRequest): HandlerReply | null;
  /** The engine's kernel path where this handler runs (what the worker reports in `ready`). */
  readonly kernel: KernelPath;
  /** Generation of the newest `load` or `evaluate` served (what an `objectives` message completes). */
  readonly mainGeneration: number;
  /**
   * Serve a `load` whose set a pool of workers built (poolLoad.ts) from `prepared`, explain's
   * prepareSorted of it with its objectives 'pending': the same cache and reply as `handle` gives for
   * it, bit for bit, except BCE and FL, which are null until handleObjectives; plus the pool's report.
   * `loadMs`: the pool's time.
   */
  handleSorted(
    request: LoadRequest,
    sorted: SortedLoad,
    loadMs: number,
    report: PoolReport,
  ): HandlerReply;
  /**
   * The pool's BCE and FL for `prepared` (handleSorted's): given to it, and, when it is still the
   * loaded set, the `objectives` message for the newest result sent on it; else null (nothing shows it).
   */
  handleObjectives(prepared: Prepared, objectives: BlockedObjectives): HandlerReply | null;
  /**
   * Compute the reply to `request` before it is asked (firstLoad.ts): kept aside, with its set, until
   * the first request comes; if that request is a load equal to it (sameLoad), it is answered with
   * this reply (its own generation) and the set becomes the loaded one, exactly as handling it would
   * have left things. Anything else drops it. Does nothing once a request has been served.
   */
  prime(request: LoadRequest): void;
}

/** A pooled load's set, prepared from its sorted scores, and how many of each there are. */
export interface SortedLoad {
  readonly prepared: Prepared;
  readonly nPos: number;
  readonly nNeg: number;
}

interface Cache {
  readonly prepared: Prepared;
  readonly info: SetInfo;
}

/** `now` is injectable so tests can pin the reported timings. */
export function createEngineHandler(now: () => number = () => performance.now()): EngineHandler {
  let cache: Cache | null = null;
  /** The baseline A's set: often the very cache of the main slot, kept when the main one moves on. */
  let baselineCache: Cache | null = null;
  /** Generation of the newest result of the main slot (what an `objectives` message completes). */
  let mainGen = 0;
  /** A load computed before it was asked (prime), until the first request. */
  let primed: {
    readonly request: LoadRequest;
    readonly cache: Cache;
    readonly reply: HandlerReply;
  } | null = null;
  /** Whether any request has been served (after which prime does nothing). */
  let served = false;

  /** The primed reply if `request` is the load it was computed for; drops it either way. */
  function takePrimed(request: EngineRequest): HandlerReply | null {
    served = true;
    const p = primed;
    primed = null;
    if (p === null || request.type !== 'load' || !sameLoad(p.request, request)) return null;
    cache = p.cache;
    mainGen = Math.max(mainGen, request.gen);
    const message = { ...(p.reply.message as ResultResponse), gen: request.gen, ahead: true };
    return { message, transfer: p.reply.transfer };
  }

  function load(source: CandidateSource): Cache {
    const prepared = prepare(materialize(source));
    return cacheOf(prepared, prepared.pooled.pPos.length, prepared.pooled.pNeg.length);
  }

  function cacheOf(prepared: Prepared, nPos: number, nNeg: number): Cache {
    const set = prepared.set;
    const info: SetInfo = { R: set.R, K: set.K, nPos, nNeg };
    return { prepared, info };
  }

  function explainCached(
    c: Cache,
    request: { readonly gen: number; readonly params: AppParams },
    loadMs: number,
  ): HandlerReply {
    const t0 = now();
    const explained = explainPrepared(c.prepared, request.params);
    const evaluateMs = now() - t0;
    const message: ResultResponse = {
      type: 'result',
      gen: request.gen,
      result: explained.result,
      info: c.info,
      params: request.params,
      explained,
      loadMs,
      evaluateMs,
    };
    return { message, transfer: buffersOf(explained) };
  }

  return {
    get kernel() {
      return kernelPath();
    },
    get mainGeneration() {
      return mainGen;
    },
    handleSorted(request, { prepared, nPos, nNeg }, loadMs, report) {
      served = true;
      primed = null;
      const t0 = now();
      cache = null;
      try {
        cache = cacheOf(prepared, nPos, nNeg);
        const out = explainCached(cache, request, loadMs + now() - t0);
        mainGen = Math.max(mainGen, request.gen);
        return { ...out, message: { ...(out.message as ResultResponse), pool: report } };
      } catch (e) {
        return reply(error(request.gen, e instanceof Error ? e.message : String(e)));
      }
    },
    handleObjectives(prepared, objectives) {
      provideObjectives(prepared, objectives);
      if (cache?.prepared !== prepared) return null;
      const { bce, focal } = objectives;
      return reply({ type: 'objectives', gen: mainGen, bce, focal });
    },
    prime(request) {
      if (served || primed !== null) return;
      try {
        const t0 = now();
        const c = load(request.source);
        primed = { request, cache: c, reply: explainCached(c, request, now() - t0) };
      } catch {
        // the request itself will report what is wrong, if it comes
        primed = null;
      }
    },
    handle(request) {
      if (request.type === 'crash' || request.type === 'warm') return null;
      const early = takePrimed(request);
      if (early) return early;
      try {
        if (request.type === 'load') {
          const t0 = now();
          cache = null; // a failed load must not leave the previous set answering for the new one
          cache = load(request.source);
          mainGen = Math.max(mainGen, request.gen);
          return explainCached(cache, request, now() - t0);
        }
        if (request.type === 'baseline') {
          const t0 = now();
          const source = request.source;
          if (source === 'main') baselineCache = cache;
          else if (source !== 'kept') {
            baselineCache = null;
            baselineCache = load(source);
          }
          if (baselineCache === null) {
            return reply(error(request.gen, 'no candidate set is loaded for the baseline'));
          }
          const out = explainCached(baselineCache, request, now() - t0);
          return { ...out, message: { ...(out.message as ResultResponse), slot: 'baseline' } };
        }
        if (cache === null) {
          return reply(error(request.gen, 'no candidate set is loaded in the engine'));
        }
        mainGen = Math.max(mainGen, request.gen);
        return explainCached(cache, request, 0);
      } catch (e) {
        return reply(error(request.gen, e instanceof Error ? e.message : String(e)));
      }
    },
  };
}

function reply(message: EngineResponse): HandlerReply {
  return { message, transfer: [] };
}

function error(gen: number, message: string): EngineResponse {
  return { type: 'error', gen, message };
}

/**
 * Every typed-array buffer of a snapshot, each once (explain allocates them per call, so none is the
 * cache's: transferring them detaches nothing the next evaluation reads).
 */
export function buffersOf(data: ExplainerData): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [];
  for (const set of [data.pos, data.neg]) {
    const h = set.hist;
    arrays.push(h.edges, h.count, h.oMass, h.qMass);
  }
  if (data.detail) arrays.push(...Object.values(data.detail));
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) buffers.add(a.buffer as ArrayBuffer);
  return [...buffers];
}
