/**
 * The module worker: a thin shell posting the pure handler's replies (typed arrays transferred).
 * Started by client.ts as `new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { createEngineHandler } from './handler.ts';
import type { EngineRequest, EngineResponse } from './protocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: EngineResponse, transfer: Transferable[]): void;
};
const handler = createEngineHandler();

scope.onmessage = (event) => {
  // An uncaught error is how a real crash looks from the main thread (the client restarts the worker).
  if (event.data.type === 'crash') throw new Error('engine worker crash requested (test hook)');
  const reply = handler.handle(event.data);
  if (reply) scope.postMessage(reply.message, reply.transfer);
};

scope.postMessage({ type: 'ready', kernel: handler.kernel }, []);
