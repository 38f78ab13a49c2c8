/**
 * The training module worker: a thin shell around the pure handler (trainHandler.ts), which has the
 * runs stepped by a pool of training workers (trainPool.ts, trainPool.worker.ts) sized like the
 * engine's: one per core (navigator.hardwareConcurrency), at most one per run, at least 1. Between
 * requests the handler's `work` has nothing left to do once the pool steps (it computes chunks itself
 * only without a pool). Started by trainClient.ts.
 */
import { createTrainHandler } from './trainHandler.ts';
import { createTrainPool, type TrainPoolWorkerLike } from './trainPool.ts';
import type { TrainReply, TrainRequest } from './trainProtocol.ts';
import { defaultPoolSize } from './workerPool.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<TrainRequest>) => void) | null;
  postMessage(message: TrainReply, transfer: Transferable[]): void;
  navigator?: { hardwareConcurrency?: number };
};
const handler = createTrainHandler((reply, transfer) => scope.postMessage(reply, transfer), {
  poolSize: defaultPoolSize(scope.navigator?.hardwareConcurrency),
  createPool: (size, onNotice) =>
    createTrainPool({
      size,
      onNotice,
      // a browser without nested workers throws here: the pool then steps the runs in this thread
      createWorker: () =>
        new Worker(new URL('./trainPool.worker.ts', import.meta.url), {
          type: 'module',
        }) as unknown as TrainPoolWorkerLike,
    }),
});
let scheduled = false;
const tick = () => {
  scheduled = false;
  if (handler.work()) schedule();
};
const schedule = () => {
  if (!scheduled) {
    scheduled = true;
    setTimeout(tick, 0);
  }
};

scope.onmessage = (event) => {
  handler.handle(event.data);
  schedule();
};
