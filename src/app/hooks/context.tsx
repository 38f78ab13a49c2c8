/**
 * How components reach the store and the app's browser-side services without importing a global:
 * main.tsx (or a test) provides them, so every component renders against any store.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppStore, AppStoreState } from '../../state/store.ts';
import type { ImportJob, ImportProgress } from '../../worker/importClient.ts';

/** What the app needs from outside React besides the store. */
export interface AppServices {
  /** Write the pending permalink now and copy the page's full link; resolves to the link copied. */
  copyLink(): Promise<string>;
  /**
   * Read an imported file off the main thread (src/worker/importClient.ts): streamed, with progress,
   * cancellable; the result is what the parser produced (the caller turns it into a source). Absent
   * (tests without workers): the file is read as text and parsed on the main thread.
   */
  readFile?(file: File, onProgress: (p: ImportProgress) => void): ImportJob;
  /**
   * Read NumPy files (one .npz, or a pair of .npy files) off the main thread, the same way: streamed
   * into arrays, with progress, cancellable. Absent (tests without workers): the same reader runs on
   * the main thread.
   */
  readNumpy?(files: readonly File[], onProgress: (p: ImportProgress) => void): ImportJob;
  /** Start the engine worker's pool of workers (EngineClient.warmPool). Absent in tests. */
  warmPool?(): void;
}

export interface AppContextValue {
  readonly store: AppStore;
  readonly services: AppServices;
}

export const AppContext = createContext<AppContextValue | null>(null);

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('App components need <AppContext.Provider>');
  return value;
}

/** Subscribe to one slice of the store (re-renders when the selected value changes by Object.is). */
export function useApp<T>(selector: (state: AppStoreState) => T): T {
  return useStore(useAppContext().store, selector);
}

/** The store itself, for actions and for reads inside event handlers. */
export function useAppStore(): AppStore {
  return useAppContext().store;
}

export function useServices(): AppServices {
  return useAppContext().services;
}
