/**
 * The pool of workers in a real browser: the detection-scale preset is built by 1 and then by 2 pool
 * workers (nested in the engine worker), and every number the page holds for it (the readouts, the
 * DR result, the histograms, the related objectives, which arrive just after the result) is the same
 * to the last bit; while it builds, a
 * progress bar under the readouts says how far it has come, with no main-thread task of 50 ms or more.
 */
import { expect, test, type Page } from '@playwright/test';
import { longTasksBetween, readouts, replyAt, watchErrors, watchLongTasks } from './helpers.ts';

interface PoolReport {
  workers: number;
  mode: string;
  shards: number;
  restarts: number;
}

/** Init script: record the pool report of every engine-worker result (a listener before the app's). */
function watchPoolReports() {
  const w = window as unknown as { __poolReports: PoolReport[] };
  w.__poolReports = [];
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      if (!String(url).includes('engine.worker')) return;
      this.addEventListener('message', (e: MessageEvent<{ type?: string; pool?: PoolReport }>) => {
        if (e.data?.type === 'result' && e.data.pool) w.__poolReports.push(e.data.pool);
      });
    }
  };
}

/** Every number of the shown result and explanation, as exact strings (shortest round-trip form). */
function shownNumbers(page: Page) {
  return page.evaluate(() => {
    const shown = window.__dr!.store.getState().shown!;
    const out: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'number') out.push(`${path}=${Object.is(v, -0) ? '-0' : String(v)}`);
      else if (ArrayBuffer.isView(v)) {
        Array.from(v as unknown as ArrayLike<number>).forEach((x, i) => walk(x, `${path}[${i}]`));
      } else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
      }
    };
    walk({ result: shown.result, data: shown.data, info: shown.info }, '');
    return out;
  });
}

async function loadDetectionScale(page: Page, poolSize: number) {
  await page.evaluate((n) => window.__dr!.client.setPoolSize(n), poolSize);
  await page.getByLabel('Candidate set').selectOption('detection-scale');
  await expect(page.getByTestId('counts-value')).toContainText('7,919,900', { timeout: 120_000 });
  await expect(page.getByTestId('status')).toHaveText('ready', { timeout: 120_000 });
  // "ready" comes before the pool's BCE and FL (shown as computing… meanwhile): wait for them too
  await page.waitForFunction(() => window.__dr!.store.getState().shown?.data.bce != null, null, {
    timeout: 120_000,
  });
  await expect(page.locator('.panel-imbalance')).not.toContainText('computing…');
  const shown = await readouts(page);
  return { shown, numbers: await shownNumbers(page) };
}

/** Opens the app with the pool reports recorded, at its first readouts; returns its errors. */
async function openWatchingPool(page: Page): Promise<string[]> {
  const errors = watchErrors(page);
  await page.addInitScript(watchPoolReports);
  await page.goto('/');
  await readouts(page);
  return errors;
}

/** Switches back to the default preset and waits for its readouts. */
async function backToDefaultSet(page: Page): Promise<void> {
  await page.getByLabel('Candidate set').selectOption('paper-default');
  await expect(page.getByTestId('counts-value')).not.toContainText('7,919,900');
  await readouts(page);
}

/** The pool reports the page has seen so far (watchPoolReports). */
function poolReports(page: Page): Promise<PoolReport[]> {
  return page.evaluate(() => (window as unknown as { __poolReports: PoolReport[] }).__poolReports);
}

test('the detection-scale preset gives the same numbers, to the last bit, with 1 and 2 pool workers', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = await openWatchingPool(page);

  const one = await loadDetectionScale(page, 1);
  await backToDefaultSet(page);
  const two = await loadDetectionScale(page, 2);

  const reports = await poolReports(page);
  expect(reports).toEqual([
    { workers: 1, mode: 'workers', shards: 8, restarts: 0 },
    { workers: 2, mode: 'workers', shards: 8, restarts: 0 },
  ]);
  expect(two.shown).toEqual(one.shown);
  // the result, every histogram and summary, the pairwise, focal and BCE numbers
  expect(one.numbers.length).toBeGreaterThan(300);
  expect(two.numbers).toEqual(one.numbers);
  expect(errors).toEqual([]);
});

test('a crashed pool worker restarts the pool at the next load, with the same numbers and no notice of an engine crash', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = await openWatchingPool(page);
  const first = await loadDetectionScale(page, 2);
  await page.evaluate(() => window.__dr!.client.crashPoolWorker());
  await backToDefaultSet(page);
  const again = await loadDetectionScale(page, 2);
  const reports = await poolReports(page);
  expect(reports).toEqual([
    { workers: 2, mode: 'workers', shards: 8, restarts: 0 },
    { workers: 2, mode: 'workers', shards: 8, restarts: 1 },
  ]);
  expect(again.numbers).toEqual(first.numbers);
  // the pool handled its worker's error: the engine worker did not crash
  await expect(page.getByTestId('engine-mode')).toHaveText(/worker/);
  await expect(page.getByTestId('notices').getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

// The long-task check times wall-clock tasks on a shared machine: a failure is retried, a steady one
// still fails (as in import.spec.ts).
test.describe('while the detection-scale set builds', () => {
  test.describe.configure({ retries: 2 });

  test('a progress bar says how far it has come, with no main-thread task of 50 ms or more', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.addInitScript(watchLongTasks, { worker: 'engine.worker', reply: 'result' });
    const errors = watchErrors(page);
    await page.goto('/');
    await readouts(page);
    await page.waitForTimeout(2000); // the first panels mount: the switch is measured alone
    // From inside the page, set up before the switch: the page's clock at the change, and every state
    // of the progress bar (a fast machine may show it only briefly).
    const watched = page.evaluate(
      () =>
        new Promise<{ changedAt: number; shownAt: number; seen: string[] }>((done) => {
          let changedAt = NaN;
          let shownAt = NaN;
          const seen: string[] = [];
          const select = document.querySelector<HTMLSelectElement>('#preset')!;
          select.addEventListener('change', () => (changedAt = performance.now()), { once: true });
          const observer = new MutationObserver(() => {
            const bar = document.querySelector('[data-testid="load-progress"]');
            if (bar) {
              const state = ['aria-valuenow', 'aria-valuemax', 'aria-valuetext']
                .map((a) => bar.getAttribute(a))
                .join(' | ');
              if (seen.length === 0) shownAt = performance.now();
              if (seen[seen.length - 1] !== state) seen.push(state);
            } else if (
              seen.length > 0 ||
              document
                .querySelector('[data-testid="counts-value"]')
                ?.textContent?.includes('7,919,900')
            ) {
              // gone with the result (or never shown: the test fails on `seen`)
              observer.disconnect();
              done({ changedAt, shownAt, seen });
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        }),
    );
    await page.getByLabel('Candidate set').selectOption('detection-scale');
    const { changedAt, shownAt, seen } = await watched;
    await expect(page.getByTestId('counts-value')).toContainText('7,919,900', { timeout: 120_000 });
    await readouts(page);
    const resultAt = await replyAt(page);
    expect(shownAt).toBeGreaterThan(changedAt);
    expect(resultAt).toBeGreaterThan(shownAt);
    // blocks generated of 8, then the sort, and the bar is gone with the result
    expect(seen.length).toBeGreaterThan(0);
    for (const state of seen) {
      expect(state).toMatch(
        /^\d \| 8 \| (\d of 8 blocks generated \(8,000,000 entries in all\)|Sorting 8,000,000 scores and computing the loss)$/,
      );
    }
    expect(seen.map((x) => Number(x.split(' | ')[0]))).toEqual(
      seen.map((x) => Number(x.split(' | ')[0])).sort((a, b) => a - b),
    );
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    // while the bar was up, everything ran off the main thread: from its first state (after the
    // change's own render, which bench:ui times) to the engine worker's result
    expect(await longTasksBetween(page, shownAt, resultAt)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
