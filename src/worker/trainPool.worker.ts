/**
 * A training pool worker: a thin shell around trainPoolHandler.ts that computes ahead chunk by chunk,
 * yielding a task between chunks so a newer start or a stop is read in between. Started by the
 * training worker's pool (trainPool.ts).
 */
import { createTrainPoolHandler } from './trainPoolHandler.ts';
import type { TrainPoolReply, TrainPoolRequest } from './trainPoolProtocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<TrainPoolRequest>) => void) | null;
  postMessage(message: TrainPoolReply, transfer: Transferable[]): void;
};
const handler = createTrainPoolHandler((reply, transfer) => scope.postMessage(reply, transfer));
// The next chunk is a message to itself rather than a timeout: chained timeouts are clamped to 4 ms
// (HTML's nesting rule), a seventh of a 25 ms chunk; a message queued behind a newer start or a stop
// still lets those be read first.
const channel = new MessageChannel();
let scheduled = false;
channel.port1.onmessage = () => {
  scheduled = false;
  if (handler.work()) schedule();
};
const schedule = () => {
  if (!scheduled) {
    scheduled = true;
    channel.port2.postMessage(null);
  }
};

scope.onmessage = (event) => {
  if (event.data.type === 'crash')
    throw new Error('training pool worker crash requested (test hook)');
  handler.handle(event.data);
  schedule();
};

scope.postMessage({ type: 'ready' }, []);
