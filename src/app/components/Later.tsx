/**
 * Blocks below the first screen (training, the candidate editor, the check and export cards): their
 * chunks are fetched in the first idle period after the page starts (the main thread waits for the
 * worker's first result then), so the first load carries only what the top of the page shows.
 */
import { Suspense, lazy, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { enqueueIdle } from '../scheduling/idleQueue.ts';

/** A lazily loaded component: `load()`'s export `name`, fetched when first rendered. */
export function lazyNamed<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): ComponentType {
  return lazy(async () => ({ default: (await load())[name] })) as unknown as ComponentType;
}

/** Renders `children` after the first idle period; nothing before. */
export function Later({ children }: { readonly children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const [key] = useState(() => ({})); // this block's place in the idle queue
  useEffect(() => enqueueIdle(key, () => setReady(true)), [key]);
  return ready ? <Suspense fallback={null}>{children}</Suspense> : null;
}
