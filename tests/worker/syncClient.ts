/**
 * A synchronous engine client over the real handler, for tests where no module worker exists (Node,
 * jsdom): every request is answered before `request` returns. `log`, when given, records each request's
 * params and whether it (re)loaded the candidates.
 */
import { kernelPath } from '../../src/engine/index.ts';
import type { ClientCallbacks } from '../../src/state/engineSync.ts';
import type { AppParams } from '../../src/params/types.ts';
import type { CandidateSource } from '../../src/data/types.ts';
import type { EngineClient } from '../../src/worker/client.ts';
import { createEngineHandler } from '../../src/worker/handler.ts';

export function syncClient(
  callbacks: ClientCallbacks,
  log?: { params: AppParams; load: boolean }[],
): EngineClient {
  const handler = createEngineHandler();
  let gen = 0;
  let loaded: CandidateSource | null = null;
  let baselineLoaded: CandidateSource | null = null;
  return {
    requestBaseline(params, source) {
      gen += 1;
      const wire = source === loaded ? 'main' : source === baselineLoaded ? 'kept' : source;
      baselineLoaded = source;
      const reply = handler.handle({ type: 'baseline', gen, params, source: wire });
      if (reply?.message.type === 'result') {
        callbacks.onBaselineResult?.({ ...reply.message, latest: true, roundTripMs: 0 });
      }
      return gen;
    },
    clearBaseline() {},
    request(params, source) {
      gen += 1;
      const load = source !== loaded;
      loaded = source;
      log?.push({ params, load });
      const reply = handler.handle(
        load ? { type: 'load', gen, source, params } : { type: 'evaluate', gen, params },
      );
      if (reply?.message.type === 'result') {
        callbacks.onResult({ ...reply.message, latest: true, roundTripMs: 0 });
      }
      return gen;
    },
    mode: 'worker',
    kernel: kernelPath(),
    generation: 0,
    busy: false,
    crashWorker() {},
    crashPoolWorker() {},
    warmPool() {},
    setPoolSize() {},
    dispose() {},
  };
}
