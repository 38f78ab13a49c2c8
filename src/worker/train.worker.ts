/**
 * The training module worker: a thin shell around the pure handler (trainHandler.ts). After each
 * request it computes ahead chunk by chunk, yielding a macrotask between chunks so a newer request
 * (a restart, a field) is read in between. Started by trainClient.ts.
 */
import { createTrainHandler } from './trainHandler.ts';
import type { TrainReply, TrainRequest } from './trainProtocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<TrainRequest>) => void) | null;
  postMessage(message: TrainReply, transfer: Transferable[]): void;
};
const handler = createTrainHandler((reply, transfer) => scope.postMessage(reply, transfer));
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
