/**
 * Boot the store and render the page (main.tsx calls this once the app's chunks are here, with the
 * engine worker it started meanwhile).
 */
import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.tsx';
import { boot } from './boot.ts';
import { loadLang } from '../i18n/strings.ts';
import { AppContext } from './hooks/context.tsx';
import type { WorkerLike } from '../worker/client.ts';

/** `yieldTask` resolves in a later task: the first render does not share one with booting. */
export async function start(
  takeWorker: () => WorkerLike | null,
  yieldTask: () => Promise<void>,
): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const { store, services } = boot(undefined, takeWorker);
  await yieldTask();
  // A reader who chose Chinese gets it in the first render (its strings are their own chunk, asked
  // for by boot's preferences); the engine worker is computing meanwhile.
  await loadLang(store.getState().view.lang).catch(() => {});
  // A transition: React renders the first screen in slices that yield to the browser, instead of
  // one long task (measured: 95 ms at 1×, about 380 ms with the CPU throttled 4×).
  startTransition(() => {
    createRoot(root).render(
      <StrictMode>
        <AppContext.Provider value={{ store, services }}>
          <App />
        </AppContext.Provider>
      </StrictMode>,
    );
  });
}
