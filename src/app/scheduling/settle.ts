/**
 * Deferred work for what is off screen: done once changes pause (a drag streams a change every
 * frame, and work for what nobody sees only delays what they do see), then in an idle period, one
 * piece per period (idleQueue).
 */
import { enqueueIdle } from './idleQueue.ts';

/** Quiet time after the last change before off-screen work runs (ms). */
export const SETTLE_MS = 200;

/**
 * Run `work` under `key` in an idle period once SETTLE_MS have passed; returns the cancel. Called
 * from an effect that depends on the changing value, so each change cancels and starts the wait anew.
 */
export function afterSettling(key: object, work: () => void): () => void {
  let cancelIdle = () => {};
  const timer = setTimeout(() => {
    cancelIdle = enqueueIdle(key, work);
  }, SETTLE_MS);
  return () => {
    clearTimeout(timer);
    cancelIdle();
  };
}
