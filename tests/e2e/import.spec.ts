/**
 * A large CSV imported through the file input is read by the import worker: a progress bar with the
 * rows read and a Cancel that keeps the earlier set; a completed import computes, and the main thread
 * never runs a task of 50 ms or more meanwhile (PerformanceObserver 'longtask' from the first script).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { longTasksBetween, readouts, replyAt, watchErrors, watchLongTasks } from './helpers.ts';

/** R rows `logit,label`, one positive in 100, from a fixed LCG: the same file every run. */
function csvOf(rows: number): Buffer {
  const lines = ['logit,label'];
  let x = 12345;
  for (let r = 0; r < rows; r++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    lines.push(`${((x / 2147483648) * 8 - 6).toFixed(6)},${r % 100 === 0 ? 1 : 0}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

// The long-task check times wall-clock tasks: a clean-clone run saw one of 56 ms in the read window
// once in four runs (the three others had none). A failure is retried; a steady one still fails.
test.describe.configure({ retries: 2 });

// Handed to the file input by path: a buffer would be copied into the page by Playwright itself, in a
// main-thread task of seconds that is the test's, not the app's.
const MILLION = join(mkdtempSync(join(tmpdir(), 'dr-import-')), 'million.csv');
writeFileSync(MILLION, csvOf(1_000_000));

test('a 10⁶-row CSV shows its progress and can be cancelled; the set loaded before stays', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const before = await readouts(page);
  // Cancel from inside the page at the first progress report (rows read > 0): a click from the test
  // could arrive after a fast machine has finished reading.
  const cancelled = page.evaluate(
    () =>
      new Promise<string>((done) => {
        const observer = new MutationObserver(() => {
          const bar = document.querySelector('[role="progressbar"]');
          const text = bar?.getAttribute('aria-valuetext') ?? '';
          if (!/^[1-9][\d,]* rows read$/.test(text)) return;
          observer.disconnect();
          [...document.querySelectorAll('button')]
            .find((b) => b.textContent === 'Cancel import')
            ?.click();
          done(text);
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
  );
  await page.getByLabel(/JSON case/).setInputFiles(MILLION);
  expect(await cancelled).toMatch(/^[\d,]+ rows read$/);
  const bar = page.getByRole('progressbar');
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('notices')).toContainText('million.csv cancelled');
  expect(await readouts(page)).toEqual(before);
  expect(errors).toEqual([]);
});

test('a 10⁶-row CSV is read and parsed with no main-thread task of 50 ms or more, then computes', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.addInitScript(watchLongTasks, { worker: 'import', reply: 'result' });
  const errors = watchErrors(page);
  await page.goto('/');
  await readouts(page);
  await page.waitForTimeout(2000); // the first panels mount: the import is measured alone
  // The page's clock when the file is chosen; the import worker's result time is recorded by
  // watchLongTasks.
  const chosenAt = page.evaluate(
    () =>
      new Promise<number>((done) => {
        const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
        input.addEventListener('change', () => done(performance.now()), { once: true });
      }),
  );
  await page.getByLabel(/JSON case/).setInputFiles(MILLION);
  const chosen = await chosenAt;
  await expect(page.getByTestId('notices')).toContainText('Imported million.csv (1,000,000 × 1)', {
    timeout: 120_000,
  });
  const resultAt = await replyAt(page);
  expect(resultAt).toBeGreaterThan(chosen);
  const shown = await readouts(page);
  expect(Number(shown.loss)).toBeGreaterThan(0);
  // Reading and parsing 11.7 MB happened off the main thread: no long task from the choice of the
  // file to the worker's result. (Showing the new set afterwards is one render, measured by
  // npm run bench:ui, not asserted here.)
  expect(await longTasksBetween(page, chosen, resultAt)).toEqual([]);
  expect(errors).toEqual([]);
});
