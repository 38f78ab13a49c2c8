/** Lesson links in Chromium: one panel alone for an iframe (embed=), hidden blocks (hide=), axe. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { readouts, watchErrors } from './helpers.ts';

const EMBED = '/#v=1&lambdaNeg=0.3&set=paper-default&seed=1&embed=distribution';

test('an embed link shows one panel alone, live, with a link back to the full app', async ({
  page,
  browser,
}) => {
  const errors = watchErrors(page);
  await page.goto(EMBED);
  await expect(page.locator('.panel-distribution')).toBeVisible();
  await expect(page.locator('.panel-slot')).toHaveCount(1);
  await expect(page.locator('#panel-distribution')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(page.getByRole('slider', { name: /^λ− \(/ })).toHaveCount(0);
  await expect(page.getByRole('main', { name: 'One panel of DR Loss Explorer' })).toBeVisible();
  await expect(page.locator('.panel-distribution')).toContainText('(λ−=0.3)');

  const back = page.getByRole('link', { name: 'Open the full DR Loss Explorer' });
  const href = (await back.getAttribute('href'))!;
  expect(href).toContain('lambdaNeg=0.3');
  expect(href).not.toContain('embed=');
  const fresh = await browser.newContext();
  const full = await fresh.newPage();
  await full.goto(href);
  await readouts(full);
  await expect(full.locator('.panel-slot')).toHaveCount(8);
  await expect(full.getByRole('spinbutton', { name: 'λ− value' })).toHaveValue('0.3');
  await fresh.close();
  expect(errors).toEqual([]);
});

test('the embed view works inside an iframe', async ({ page, baseURL }) => {
  await page.goto('/');
  await page.setContent(
    `<title>course</title><iframe title="DR loss panel" src="${baseURL}${EMBED}" width="700" height="900"></iframe>`,
  );
  const frame = page.frameLocator('iframe');
  await expect(frame.locator('.panel-distribution')).toBeVisible();
  await expect(frame.locator('.panel-slot')).toHaveCount(1);
  await expect(frame.getByRole('link', { name: 'Open the full DR Loss Explorer' })).toBeVisible();
});

test('a lesson link hides chosen controls and panels', async ({ page }) => {
  await page.goto('/#v=1&set=paper-default&seed=1&hide=controls,import,ranking,tables');
  await expect(page.getByTestId('loss-value')).toBeVisible();
  await expect(page.getByRole('slider', { name: /^λ− \(/ })).toHaveCount(0);
  await expect(page.locator('#panel-ranking')).toHaveCount(0);
  await expect(page.locator('#panel-tables')).toHaveCount(0);
  await expect(page.locator('.panel-slot')).toHaveCount(6);
  // The candidate picker was not hidden; the hidden list stays in the link.
  await page.evaluate(() => window.__dr?.flush());
  await expect.poll(() => page.url()).toContain('hide=controls,import,ranking,tables');
});

test('embed view: no serious or critical accessibility violations (axe)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(EMBED);
  await expect(page.locator('.panel-distribution')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});
