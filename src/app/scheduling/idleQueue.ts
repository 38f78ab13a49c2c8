/**
 * Deferred work done one piece per idle period: `enqueueIdle(key, fn)` runs `fn` when the main
 * thread is idle (requestIdleCallback; a short timeout where it does not exist, or after
 * IDLE_TIMEOUT_MS when the page never idles), then waits for the next idle period before the next
 * piece. Work that schedules React renders therefore never piles into one task: the render it
 * starts keeps the thread busy, so the next piece waits for it. A key queued again replaces its
 * pending work (only the newest matters).
 */

/** Longest wait for an idle period. */
export const IDLE_TIMEOUT_MS = 2000;

const queue = new Map<object, () => void>();
let scheduled = false;

function requestIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  } else {
    setTimeout(run, 16);
  }
}

function schedule(): void {
  if (scheduled || queue.size === 0) return;
  scheduled = true;
  requestIdle(() => {
    scheduled = false;
    const next = queue.entries().next();
    if (!next.done) {
      const [key, fn] = next.value;
      queue.delete(key);
      fn();
    }
    schedule();
  });
}

/** Queue `fn` under `key` (replacing pending work of the same key); returns a cancel function. */
export function enqueueIdle(key: object, fn: () => void): () => void {
  queue.set(key, fn);
  schedule();
  return () => {
    if (queue.get(key) === fn) queue.delete(key);
  };
}

/** Pieces waiting (for tests). */
export function pendingIdle(): number {
  return queue.size;
}
