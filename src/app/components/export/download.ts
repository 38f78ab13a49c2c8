/** Save a Blob as a file through a temporary <a download> (the browser's ordinary download). */
import { createToolsClient, type ToolsClient } from '../../../worker/toolsClient.ts';

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

let client: ToolsClient | null = null;

/** The app's one tools worker (started on first use). */
export function tools(): ToolsClient {
  client ??= createToolsClient();
  return client;
}
