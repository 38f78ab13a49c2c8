/**
 * The engine side of the worker protocol, as a plain object with no worker globals: the worker shell
 * (engine.worker.ts) and the main-thread fallback (client.ts) both run it, and Node tests call it
 * directly.
 *
 * It caches what a parameter change must not recompute: the materialised candidates' pooled sigmoids
 * and the evaluation workspace. `load` replaces the cache; `evaluate` reuses it.
 */
import { createWorkspace, evaluate, pool } from '../engine/index.ts';
import type { DRParams, Pooled, Workspace } from '../engine/types.ts';
import { materialize } from '../data/index.ts';
import type {
  DetailLevel,
  EngineRequest,
  EngineResponse,
  EntryArrays,
  ResultResponse,
  SetInfo,
} from './protocol.ts';

/**
 * Largest nPos + nNeg for which a reply carries per-entry arrays; above it the reply has scalars only
 * (copying 8e6 entries per slider step would cost more than the evaluation). Equals DETAIL_LIMIT of
 * src/viz/types.ts (the worker may not import the viz layer; a test checks they agree).
 */
export const ENTRY_DETAIL_LIMIT = 20_000;

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
}

interface Cache {
  readonly pooled: Pooled;
  readonly ws: Workspace;
  readonly info: SetInfo;
}

/** `now` is injectable so tests can pin the reported timings. */
export function createEngineHandler(now: () => number = () => performance.now()): EngineHandler {
  let cache: Cache | null = null;

  function evaluateCached(
    c: Cache,
    request: { readonly gen: number; readonly params: DRParams },
    detail: DetailLevel,
    loadMs: number,
  ): HandlerReply {
    const small = c.info.nPos + c.info.nNeg <= ENTRY_DETAIL_LIMIT;
    const withEntries = detail === 'entries' && small;
    const t0 = now();
    const result = evaluate(c.pooled, request.params, c.ws, { gradLogits: withEntries });
    const evaluateMs = now() - t0;
    const base: ResultResponse = {
      type: 'result',
      gen: request.gen,
      result: { ...result },
      info: c.info,
      loadMs,
      evaluateMs,
    };
    if (!withEntries) return { message: base, transfer: [] };
    const entries = copyEntries(c.pooled, c.ws);
    return { message: { ...base, entries }, transfer: buffersOf(entries) };
  }

  return {
    handle(request) {
      if (request.type === 'crash') return null;
      try {
        if (request.type === 'load') {
          const t0 = now();
          cache = null; // a failed load must not leave the previous set answering for the new one
          const set = materialize(request.source);
          const pooled = pool(set.logits, set.targets, set.K);
          const info: SetInfo = {
            R: set.R,
            K: set.K,
            nPos: pooled.pPos.length,
            nNeg: pooled.pNeg.length,
          };
          cache = { pooled, ws: createWorkspace(pooled), info };
          return evaluateCached(cache, request, request.detail, now() - t0);
        }
        if (cache === null) {
          return reply(error(request.gen, 'no candidate set is loaded in the engine'));
        }
        return evaluateCached(cache, request, request.detail, 0);
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

/** Copies, so transferring them never detaches the cache's own buffers. */
function copyEntries(pooled: Pooled, ws: Workspace): EntryArrays {
  return {
    posIndex: pooled.posIndex.slice(),
    negIndex: pooled.negIndex.slice(),
    pPos: pooled.pPos.slice(),
    pNeg: pooled.pNeg.slice(),
    qPos: ws.qPos.slice(0, pooled.pPos.length),
    qNeg: ws.qNeg.slice(0, pooled.pNeg.length),
    gradPPos: ws.gradPPos.slice(0, pooled.pPos.length),
    gradPNeg: ws.gradPNeg.slice(0, pooled.pNeg.length),
    gradLogits: ws.gradLogits.slice(0, pooled.R * pooled.K),
  };
}

function buffersOf(entries: EntryArrays): ArrayBuffer[] {
  return Object.values(entries).map((a: Float64Array | Int32Array) => a.buffer as ArrayBuffer);
}
