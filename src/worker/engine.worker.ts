/**
 * The module worker: a thin shell posting the engine service's replies (typed arrays transferred).
 * Started by client.ts as `new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' })`;
 * it starts the pool workers that build detection-scale sets (engineService.ts) itself.
 */
import { createEngineService } from './engineService.ts';
import { firstLoad } from './firstLoad.ts';
import { setNormalsKernel } from '../data/rng.ts';
import { normalsKernel } from '../engine/kernels/normals.ts';
import type { EngineRequest, EngineResponse } from './protocol.ts';
import { defaultPoolSize, type PoolWorkerLike } from './workerPool.ts';

// large sets' normals in WebAssembly (data/rng.ts: the same doubles)
setNormalsKernel(normalsKernel);

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineResponse, transfer: Transferable[]): void;
  navigator?: { hardwareConcurrency?: number };
};
const service = createEngineService({
  createPoolWorker: () =>
    new Worker(new URL('./pool.worker.ts', import.meta.url), {
      type: 'module',
    }) as unknown as PoolWorkerLike,
  defaultPoolSize: defaultPoolSize(scope.navigator?.hardwareConcurrency),
  onProgress: (progress) => scope.postMessage(progress, []),
  onObjectives: (objectives) => scope.postMessage(objectives, []),
});

scope.onmessage = (event) => {
  // An uncaught error is how a real crash looks from the main thread (the client restarts the worker).
  if (event.data.type === 'crash' && event.data.target === undefined) {
    throw new Error('engine worker crash requested (test hook)');
  }
  void service.handle(event.data).then((reply) => {
    if (reply) scope.postMessage(reply.message, reply.transfer);
  });
};

scope.postMessage({ type: 'ready', kernel: service.kernel }, []);
// While the page boots, compute what a first visit will ask for (firstLoad.ts), in a task of its
// own after `ready` has gone; if the page's first request is served before it, priming does nothing.
setTimeout(() => service.prime(firstLoad()), 0);
