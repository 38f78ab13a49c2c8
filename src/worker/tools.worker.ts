/**
 * The tools module worker: a thin shell posting handleTools' replies (bytes transferred). Started by
 * tools.ts as `new Worker(new URL('./tools.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { handleTools, transferOf, type ToolsReply, type ToolsRequest } from './tools.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ToolsRequest>) => void) | null;
  postMessage(message: ToolsReply, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  void handleTools(event.data).then((reply) => scope.postMessage(reply, transferOf(reply)));
};
