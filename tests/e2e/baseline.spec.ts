/** Pin a baseline A and compare, in Chromium: both losses, swap, clear, the link, the ghosts, axe. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readouts, watchErrors } from './helpers.ts';

/** Type a parameter's exact value in its number box (the way a teacher sets λ−). */
async function setParam(page: Page, symbol: string, value: string) {
  const box = page.getByRole('spinbutton', { name: `${symbol} value` });
  await box.fill(value);
  await box.press('Enter');
}

/** A's loss once it answers the newest baseline request. */
async function baselineLoss(page: Page): Promise<string> {
  const cell = page.getByTestId('loss-baseline-value');
  await expect(cell).toHaveAttribute('data-latest', 'true');
  return (await cell.textContent()) ?? '';
}

test('pin A, move λ−, see both losses; swap; clear; the link reopens with A', async ({
  page,
  browser,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const start = await readouts(page);
  await expect(page.getByTestId('loss-baseline-value')).toHaveCount(0);

  await page.getByTestId('pin-baseline').click();
  expect(await baselineLoss(page)).toBe(start.loss);
  await expect(page.getByTestId('loss-diff-value')).toHaveText('0');

  await setParam(page, 'λ−', '0.5');
  await expect(page.getByTestId('loss-value')).not.toHaveText(start.loss);
  const moved = await readouts(page);
  expect(await baselineLoss(page)).toBe(start.loss);
  await expect(page.getByTestId('loss-now-value')).toHaveText(moved.loss);
  const diff = Number(await page.getByTestId('loss-diff-value').textContent());
  expect(Math.abs(diff - (Number(moved.loss) - Number(start.loss)))).toBeLessThan(
    1e-6 * Math.max(1, Math.abs(diff)),
  );
  await expect(page.getByTestId('baseline-differs')).toContainText('λ−');

  // Ghosts of A under the panels (panel 5's z marker is always drawn when A is pinned).
  await page.locator('.panel-smoothing').scrollIntoViewIfNeeded();
  await expect(page.locator('.panel-smoothing .ghost-z')).toHaveCount(1);
  await page.locator('.panel-distribution').scrollIntoViewIfNeeded();
  await expect(page.locator('.panel-distribution .ghost-distribution')).toHaveCount(2);

  // The link carries A; a fresh browser shows the same two losses.
  await page.evaluate(() => window.__dr?.flush());
  await expect.poll(() => page.url()).toContain('&b=');
  const link = page.url();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  expect((await readouts(other)).loss).toBe(moved.loss);
  expect(await baselineLoss(other)).toBe(start.loss);
  await fresh.close();

  await page.getByTestId('swap-baseline').click();
  await expect(page.getByTestId('loss-value')).toHaveText(start.loss);
  expect(await baselineLoss(page)).toBe(moved.loss);

  // Undo brings the swap back; redo does it again.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('loss-value')).toHaveText(moved.loss);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.getByTestId('loss-value')).toHaveText(start.loss);

  await page.getByTestId('clear-baseline').click();
  await expect(page.getByTestId('loss-baseline-value')).toHaveCount(0);
  await expect(page.locator('.ghost')).toHaveCount(0);
  await page.evaluate(() => window.__dr?.flush());
  await expect.poll(() => page.url()).not.toContain('&b=');
  expect(errors).toEqual([]);
});

test('the baseline controls work from the keyboard', async ({ page }) => {
  await page.goto('/');
  await readouts(page);
  const pin = page.getByRole('button', { name: 'Pin as baseline' });
  await pin.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('loss-baseline-value')).toHaveCount(1);
  await page.getByRole('button', { name: 'Swap A and now' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Clear A' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('loss-baseline-value')).toHaveCount(0);
});

test('pinned state: no serious or critical accessibility violations (axe)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#v=1&lambdaNeg=0.5&set=paper-default&seed=1&b=');
  await readouts(page);
  await baselineLoss(page);
  const { violations } = await new AxeBuilder({ page })
    .include('.baseline')
    .include('.panel-smoothing')
    .include('.panel-distribution')
    .analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});
