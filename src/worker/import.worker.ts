/**
 * The import module worker: a thin shell posting the pure import handler's replies (the result's
 * typed arrays transferred). Started by importClient.ts as
 * `new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { createImportHandler } from './importHandler.ts';
import type { ImportReply, ImportRequest } from './importProtocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
  postMessage(message: ImportReply, transfer: Transferable[]): void;
};
const handler = createImportHandler((reply, transfer) => scope.postMessage(reply, transfer));

scope.onmessage = (event) => {
  void handler.handle(event.data);
};
