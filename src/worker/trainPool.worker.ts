/**
 * A training pool worker: a thin shell around trainPoolHandler.ts that computes ahead chunk by chunk,
 * yielding a macrotask between chunks so a newer start or a stop is read in between. Started by the
 * training worker's pool (trainPool.ts).
 */
import { createTrainPoolHandler } from './trainPoolHandler.ts';
import type { TrainPoolReply, TrainPoolRequest } from './trainPoolProtocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<TrainPoolRequest>) => void) | null;
  postMessage(message: TrainPoolReply, transfer: Transferable[]): void;
};
const handler = createTrainPoolHandler((reply, transfer) => scope.postMessage(reply, transfer));
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
  if (event.data.type === 'crash')
    throw new Error('training pool worker crash requested (test hook)');
  handler.handle(event.data);
  schedule();
};

scope.postMessage({ type: 'ready' }, []);
