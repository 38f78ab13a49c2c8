/**
 * A pool worker in Node worker_threads for `npm run bench` (pool.bench.ts): the same handler the
 * browser's pool.worker.ts wraps, so the bench times the shard code the app runs.
 */
import { parentPort } from 'node:worker_threads';
import { createPoolHandler } from '../../src/worker/poolHandler.ts';
import type { PoolRequest } from '../../src/worker/poolProtocol.ts';

const port = parentPort;
if (!port) throw new Error('poolNodeWorker.ts runs as a worker thread');
const handler = createPoolHandler();
port.on('message', (request: PoolRequest) => {
  if (request.type === 'crash') throw new Error('pool worker crash requested');
  const reply = handler.handle(request, (message) => port.postMessage(message));
  if (reply) port.postMessage(reply.message, reply.transfer);
});
port.postMessage({ type: 'ready' });
