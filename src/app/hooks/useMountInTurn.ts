/**
 * Whether a heavy child may mount yet: on screen, in the next idle period; off screen, once changes
 * to `change` pause (afterSettling); one child per idle period either way, each in a render of its
 * own at normal priority. Mounting all eight panels of a 10⁴-entry set at once was one interruptible
 * render of over 100 ms: a slider dragged right after the page loaded interrupted and restarted it
 * at every result, so the panels stayed blank until React forced it through five seconds later, in
 * one long freeze. Now the panel in view mounts in a task of its own, and the others wait for the
 * drag to pause.
 *
 * A child that must fetch something first (a panel's chunk: `prepare`) is fetched at its turn and
 * mounted in the next idle period after it arrived, so it never mounts suspended, and two arriving
 * together still mount in two renders.
 *
 * Where there is no IntersectionObserver (jsdom) everything mounts at once, as useOnScreen keeps
 * everything live there.
 */
import { useEffect, useRef, useState } from 'react';
import { enqueueIdle } from '../scheduling/idleQueue.ts';
import { afterSettling } from '../scheduling/settle.ts';

/**
 * `visible`: whether the placeholder is on screen (useOnScreen); `change`: what the child draws;
 * `prepare`: what to fetch before mounting (a failure mounts anyway, and the child shows it).
 */
export function useMountInTurn(
  visible: boolean,
  change: unknown,
  prepare?: () => Promise<unknown>,
): boolean {
  const [mounted, setMounted] = useState(() => typeof IntersectionObserver === 'undefined');
  const key = useRef({}).current;
  useEffect(() => {
    if (mounted) return;
    let live = true;
    const mount = () => setMounted(true);
    const turn = () => {
      if (!prepare) return mount();
      const next = () => {
        if (live) cancel = enqueueIdle(key, mount);
      };
      prepare().then(next, next);
    };
    let cancel = visible ? enqueueIdle(key, turn) : afterSettling(key, turn);
    return () => {
      live = false;
      cancel();
    };
  }, [mounted, visible, change, key, prepare]);
  return mounted;
}
