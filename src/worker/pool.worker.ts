/**
 * A pool worker: a thin shell posting poolHandler's replies (typed arrays transferred). Started by the
 * engine worker's pool (workerPool.ts) for detection-scale sets.
 */
import { createPoolHandler } from './poolHandler.ts';
import { setNormalsKernel } from '../data/rng.ts';
import { normalsKernel } from '../engine/kernels/normals.ts';
import type { PoolRequest, PoolResponse } from './poolProtocol.ts';

// large sets' normals in WebAssembly (data/rng.ts: the same doubles)
setNormalsKernel(normalsKernel);

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PoolRequest>) => void) | null;
  postMessage(message: PoolResponse, transfer: Transferable[]): void;
};
const handler = createPoolHandler();

scope.onmessage = (event) => {
  if (event.data.type === 'crash') throw new Error('pool worker crash requested (test hook)');
  const reply = handler.handle(event.data, (message) => scope.postMessage(message, []));
  if (reply) scope.postMessage(reply.message, reply.transfer);
};

scope.postMessage({ type: 'ready' }, []);
