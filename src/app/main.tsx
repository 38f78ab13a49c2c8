/**
 * The entry: take the engine worker (started by index.html's inline script in the build, else here),
 * then fetch the rest of the app. The worker's script loads and compiles while the app's chunks do
 * (earlyWorker.ts), and the first request finds it ready.
 */
import { adoptEarly, startEarly, type EarlyEngine } from './earlyWorker.ts';
// The page's styles are the entry's: a stylesheet link in index.html, fetched with the first
// chunks. Imported by start.tsx, they were requested only once React had been evaluated, and the
// import of start.tsx waited for them.
import './styles/theme.css';
import './styles/app.css';

declare global {
  interface Window {
    __drEngine?: EarlyEngine;
  }
}

const early = window.__drEngine;
delete window.__drEngine;
const takeWorker = early
  ? adoptEarly(early)
  : startEarly(
      () => new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' }),
    );
// React, then the app's modules, then booting it, each in a task of its own: one task for both
// chunks was the longest of a cold load (about 280 ms with the CPU throttled 4×), and booting ran in
// the start chunk's task (together 130–210 ms at 4×).
await import('react-dom/client');
await nextTask();
const { start } = await import('./start.tsx');
await nextTask();
await start(takeWorker, nextTask);

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
