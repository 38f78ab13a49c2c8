/**
 * Links stay shareable: a 10⁵-row import is too large for a link to carry, so Copy link says so and
 * offers Download case (case-download); the downloaded case, imported into a fresh page, gives the
 * same loss exactly. A small set's link is unchanged (no case-download).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readouts, watchErrors } from './helpers.ts';

/** A JSON case of `rows` flat logits, one positive in 50, from a fixed LCG; λ− 0.05. */
function caseOf(rows: number): string {
  const logits: string[] = [];
  const targets: number[] = [];
  let x = 4242;
  for (let r = 0; r < rows; r++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    logits.push(((x / 2147483648) * 10 - 6).toFixed(9));
    targets.push(r % 50 === 0 ? 1 : 0);
  }
  return `{"logits": [${logits.join(',')}], "targets": [${targets.join(',')}], "params": {"lambdaNeg": 0.05}}`;
}

const BIG = join(mkdtempSync(join(tmpdir(), 'dr-case-')), 'big.json');
writeFileSync(BIG, caseOf(100_000));

const storeLoss = (page: Page) =>
  page.evaluate(() => {
    const st = window.__dr!.store.getState();
    return st.status === 'ready' ? (st.shown?.result.loss ?? NaN) : NaN;
  });

test('a 10⁵-row import offers case-download; the case reopens the same loss', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await readouts(page);
  await page.getByLabel(/JSON case/).setInputFiles(BIG);
  await expect
    .poll(() => page.evaluate(() => window.__dr!.store.getState().source.kind), {
      timeout: 60_000,
    })
    .toBe('explicit');
  await expect.poll(() => storeLoss(page), { timeout: 60_000 }).not.toBeNaN();
  const loss = await storeLoss(page);

  await page.bringToFront();
  await page.getByRole('button', { name: 'Copy link' }).click();
  const offer = page.getByTestId('case-download');
  await expect(offer).toBeVisible();
  await expect(page.getByTestId('link-too-long')).toContainText('100000×1');
  const [d] = await Promise.all([page.waitForEvent('download'), offer.click()]);
  const bytes = readFileSync(await d.path());
  expect(d.suggestedFilename()).toBe('dr_loss_case.json');
  console.log(`case file for 10⁵ rows: ${bytes.length} bytes`);

  // A fresh browser context (no saved state): import the downloaded case.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/');
  await readouts(other);
  await other.getByLabel(/JSON case/).setInputFiles({
    name: 'dr_loss_case.json',
    mimeType: 'application/json',
    buffer: bytes,
  });
  await expect.poll(() => storeLoss(other), { timeout: 60_000 }).toBe(loss);
  expect(await other.evaluate(() => window.__dr!.store.getState().params.lambdaNeg)).toBe(0.05);
  await fresh.close();
  expect(errors).toEqual([]);
});

test('a preset link is short: Copy link offers no case file', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await readouts(page);
  await page.bringToFront();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  await expect(page.getByTestId('case-download')).toHaveCount(0);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});
