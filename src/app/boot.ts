/**
 * Start the app's machinery (everything but rendering): the store from the link or the last saved
 * state, the reader's language and theme (localStorage, not the link), the engine worker, and the
 * permalink writers.
 *
 * Debug hooks (documented for tests and benchmarks): `window.__dr = { store, client, flush }`:
 * `store` the zustand store (getState()/subscribe), `client` the engine client (`generation`,
 * `mode`, `crashWorker()` makes the worker crash as a real crash would), `flush()` writes the pending
 * URL and storage now.
 */
import { createImportClient, type ImportClient } from '../worker/importClient.ts';
import { connectEngine } from '../state/engineSync.ts';
import { connectPersistence, loadInitial, type PersistenceIO } from '../state/persistence.ts';
import * as permalink from '../state/permalink/index.ts';
import { createAppStore, persistedOf, type AppStore } from '../state/store.ts';
import {
  createEngineClient,
  createModuleWorker,
  type EngineClient,
  type WorkerLike,
} from '../worker/client.ts';
import type { AppServices } from './hooks/context.tsx';
import { connectPreferences, loadPreferences, type PreferenceStorage } from './preferences.ts';

export interface Booted {
  readonly store: AppStore;
  readonly client: EngineClient;
  readonly services: AppServices;
}

declare global {
  interface Window {
    __dr?: { store: AppStore; client: EngineClient; flush: () => void };
  }
}

/**
 * `takeWorker`: a worker started earlier (main.tsx), handed over once; the client starts its own when
 * there is none (and for every restart).
 */
export function boot(
  io: PersistenceIO = permalink,
  takeWorker: () => WorkerLike | null = () => null,
): Booted {
  const initial = loadInitial(io);
  const storage = localStorageOrNull();
  const store = createAppStore(
    initial.state ?? undefined,
    loadPreferences(storage, navigator.languages ?? [navigator.language]),
    initial.lesson,
  );
  connectPreferences(store, storage, document.documentElement);
  for (const text of initial.notices) store.getState().notify(text, 'error');
  const { client } = connectEngine(store, (callbacks) =>
    createEngineClient({ ...callbacks, createWorker: () => takeWorker() ?? createModuleWorker() }),
  );
  connectPersistence(store, io);

  let importClient: ImportClient | null = null;
  const services: AppServices = {
    warmPool: () => client.warmPool(),
    readFile(file, onProgress) {
      importClient ??= createImportClient();
      return importClient.read(file, { onProgress });
    },
    readNumpy(files, onProgress) {
      importClient ??= createImportClient();
      return importClient.readNumpy(files, { onProgress });
    },
    async copyLink() {
      io.flushWrites();
      const link = permalink.linkFor(
        permalink.encodePermalink(persistedOf(store.getState()), store.getState().lesson),
      );
      // Some browsers leave writeText pending forever (an unfocused or headless page): give up after
      // 3 s with an error the toolbar shows, rather than leaving the button silent.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('the clipboard did not answer; the link is in the address bar')),
          3000,
        );
      });
      try {
        await Promise.race([navigator.clipboard.writeText(link), timeout]);
      } finally {
        clearTimeout(timer);
      }
      return link;
    },
  };
  window.__dr = { store, client, flush: () => io.flushWrites() };
  return { store, client, services };
}

/** localStorage, or null where reading the property itself throws (some privacy modes). */
function localStorageOrNull(): PreferenceStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
