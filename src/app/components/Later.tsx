/**
 * Blocks below the first screen (training, the candidate editor, the check and export cards; and,
 * already in the first screen's code, the ε controls, the preset picker and the import card): their
 * chunks are fetched in the first idle period after the engine's first answer (a result or an error),
 * so the first load carries only what the top of the page shows, and their fetching, compiling and
 * rendering does not compete with the first readout (it did when they came in the first idle period,
 * which falls while the worker computes).
 */
import { Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { useLater } from '../hooks/useLater.ts';

/** A lazily loaded component: `load()`'s export `name`, fetched when first rendered. */
export function lazyNamed<K extends string, P extends object = object>(
  load: () => Promise<Record<NoInfer<K>, ComponentType<P>>>,
  name: K,
): ComponentType<P> {
  return lazy(async () => ({ default: (await load())[name] })) as unknown as ComponentType<P>;
}

/**
 * Renders `children` in the first idle period after the engine first answered (or after
 * LATER_MAX_WAIT_MS without an answer); nothing before.
 */
export function Later({ children }: { readonly children: ReactNode }) {
  return useLater() ? <Suspense fallback={null}>{children}</Suspense> : null;
}
