/**
 * Whether a heavy child may mount yet: children using this mount one per idle period, in the order
 * they first rendered (idleQueue), each in a render of its own at normal priority. Mounting all eight
 * panels of a 10⁴-entry set at once was one interruptible render of over 100 ms: a slider dragged
 * right after the page loaded interrupted and restarted it at every result, so the panels stayed
 * blank until React forced it through five seconds later, in one long freeze. One panel per task is
 * a few short tasks instead, each finishing whatever the input does.
 *
 * Where there is no IntersectionObserver (jsdom) everything mounts at once, as useOnScreen keeps
 * everything live there.
 */
import { useEffect, useRef, useState } from 'react';
import { enqueueIdle } from './idleQueue.ts';

export function useMountInTurn(): boolean {
  const [mounted, setMounted] = useState(() => typeof IntersectionObserver === 'undefined');
  const key = useRef({}).current;
  useEffect(() => {
    if (mounted) return;
    return enqueueIdle(key, () => setMounted(true));
  }, [mounted, key]);
  return mounted;
}
