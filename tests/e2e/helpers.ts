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
