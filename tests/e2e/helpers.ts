/** What the browser tests share: console-error watching and reading the readouts. */
import { expect, type Page } from '@playwright/test';

/** Console errors and uncaught page errors of a page, checked at the end of each test. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** The three readouts now, and the status they were read under. */
export async function readoutsNow(page: Page) {
  const text = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';
  return {
    status: await text('status'),
    loss: await text('loss-value'),
    pPlus: await text('p-plus-value'),
    pMinus: await text('p-minus-value'),
  };
}

/** The three readouts once the newest request's result is shown (status "ready", a finite loss). */
export async function readouts(page: Page) {
  let last = { status: '', loss: '', pPlus: '', pMinus: '' };
  await expect
    .poll(async () => {
      last = await readoutsNow(page);
      return last.status === 'ready' && Number.isFinite(Number(last.loss));
    })
    .toBe(true);
  return { loss: last.loss, pPlus: last.pPlus, pMinus: last.pMinus };
}

/**
 * Init script (page.addInitScript(watchLongTasks, { worker, reply })): from the first script on, record
 * every long task (start, duration) and the time the worker whose URL contains `worker` last posted a
 * message of type `reply` (a listener added before the app's own).
 */
export function watchLongTasks({ worker, reply }: { worker: string; reply: string }) {
  const tasks: { start: number; duration: number }[] = [];
  const w = window as unknown as { __longTasks: typeof tasks; __replyAt: number };
  w.__longTasks = tasks;
  w.__replyAt = NaN;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // What ran in each long animation frame (for a failing check's message: which script, or none).
  const frames: { start: number; duration: number; text: string }[] = [];
  (window as unknown as { __longFrames: typeof frames }).__longFrames = frames;
  interface Script {
    invoker: string;
    sourceFunctionName: string;
    sourceURL: string;
    sourceCharPosition: number;
    startTime: number;
    duration: number;
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { scripts: Script[] })[]) {
      const scripts = e.scripts.map(
        (x) =>
          `${x.invoker} ${x.sourceFunctionName} ${x.sourceURL.split('/').pop()}:${x.sourceCharPosition} ${Math.round(x.duration)} ms`,
      );
      const text = `frame of ${Math.round(e.duration)} ms: ${scripts.join('; ') || 'no script (style, layout, paint)'}`;
      frames.push({ start: e.startTime, duration: e.duration, text });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (!String(url).includes(worker)) return;
      this.addEventListener('message', (e: MessageEvent<{ type?: string }>) => {
        if (e.data?.type === reply) w.__replyAt = performance.now();
      });
    }
  };
}

/** The page-clock time watchLongTasks saw the worker's reply (NaN before it). */
export const replyAt = (page: Page) =>
  page.evaluate(() => (window as unknown as { __replyAt: number }).__replyAt);

/**
 * Long tasks (ms, rounded) that started at or after `from` and started (or, with `endedBefore`,
 * ended) before `to`, on the page's clock.
 */
export const longTasksBetween = (page: Page, from: number, to: number, endedBefore = false) =>
  page.evaluate(
    ([a, b, ended]) =>
      (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
        .filter((t) => t.start >= a && (ended ? t.start + t.duration : t.start) < b)
        .map((t) => Math.round(t.duration)),
    [from, to, endedBefore] as const,
  );

/** The long animation frames (≥ 50 ms) overlapping [from, to), described: what a failure shows. */
export const longFramesBetween = (page: Page, from: number, to: number) =>
  page.evaluate(
    ([a, b]) =>
      (
        window as unknown as { __longFrames: { start: number; duration: number; text: string }[] }
      ).__longFrames
        .filter((f) => f.start < b && f.start + f.duration > a)
        .map((f) => `+${Math.round(f.start - a)} ms ${f.text}`),
    [from, to] as const,
  );

/**
 * Until the page has run no long task for `quietMs` (at most `timeout`): the first load's deferred
 * work (panels mounting in turn, their equations, the cards fetched in idle periods) is over, so a
 * measurement that follows sees only what it caused. A fixed wait was not enough on a loaded machine:
 * the page's own mounting then still ran, in tasks of 60–200 ms, inside the measured window.
 */
export async function settled(page: Page, quietMs = 1000, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (quiet) => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      const last = w.__longTasks.reduce((end, t) => Math.max(end, t.start + t.duration), 0);
      return performance.now() - last >= quiet;
    },
    quietMs,
    { timeout, polling: 200 },
  );
}
