/**
 * Whether what is not needed for the first readout may render now: true from the first idle period
 * after the engine's first answer (a result or an error), or after LATER_MAX_WAIT_MS without one.
 * Used by the Later blocks, and by the header's other-language names (PreferenceControls).
 */
import { useEffect, useState } from 'react';
import { enqueueIdle } from '../scheduling/idleQueue.ts';
import { useApp } from './context.tsx';

/** Longest wait for the engine's first answer before a Later block comes anyway. */
export const LATER_MAX_WAIT_MS = 3000;

export function useLater(): boolean {
  const engineAnswered = useApp((s) => s.shown !== null || s.status === 'error');
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), LATER_MAX_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  const answered = engineAnswered || waited;
  const [ready, setReady] = useState(false);
  const [key] = useState(() => ({})); // this caller's place in the idle queue
  useEffect(
    () => (answered && !ready ? enqueueIdle(key, () => setReady(true)) : undefined),
    [key, answered, ready],
  );
  return ready;
}
