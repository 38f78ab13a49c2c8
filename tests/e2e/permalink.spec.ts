/**
 * The permalink and persistence in a real browser (Debian Chromium): a link opened in a fresh browser
 * context reproduces the readouts exactly (a preset with changed parameters, and an imported set);
 * garbage, truncated, oversized and out-of-range hashes leave the page working with a notice naming
 * the field; a visit without a hash restores the last state from localStorage; a corrupt stored value
 * is ignored with a notice.
 */
import { deflateSync } from 'fflate';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ByteWriter, crc32, toBase64Url } from '../../src/state/permalink/bytes.ts';
import { STORAGE_KEY } from '../../src/state/permalink/location.ts';
import { readouts, watchErrors } from './helpers.ts';

/** Type a value into a parameter's number box and commit it with Enter. */
async function typeParam(page: Page, symbol: string, value: string) {
  const box = page.getByRole('spinbutton', { name: `${symbol} value` });
  await box.fill(value);
  await box.press('Enter');
}

/** Wait until the debounced URL write has happened and contains every fragment. */
async function urlContaining(page: Page, ...fragments: string[]): Promise<string> {
  await expect.poll(() => fragments.every((f) => page.url().includes(f))).toBe(true);
  return page.url();
}

/** Open `url` in a brand-new browser context (no storage, no history) and read its readouts. */
async function openFresh(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url);
  const values = await readouts(page);
  const notices = (await page.getByTestId('notices').textContent()) ?? '';
  await context.close();
  return { values, notices, errors };
}

/** A candidate blob as the codec writes it, with any declared size (for bombs and liars). */
function blob(raw: Uint8Array, declared = raw.length): string {
  const w = new ByteWriter();
  w.uvarint(declared);
  w.u32(crc32(raw));
  w.bytes(deflateSync(raw));
  return toBase64Url(w.finish());
}

test('a link opened in a fresh browser context reproduces the readouts exactly', async ({
  page,
  browser,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const before = await readouts(page);
  await page.getByLabel('Candidate set').selectOption('hard-negatives');
  await typeParam(page, 'λ−', '0.0123456789012345');
  await typeParam(page, 'τ', '2.5');
  const after = await readouts(page);
  expect(after).not.toEqual(before);
  const url = await urlContaining(
    page,
    'lambdaNeg=0.0123456789012345',
    'tau=2.5',
    'set=hard-negatives',
  );

  const fresh = await openFresh(browser, url);
  expect(fresh.values).toEqual(after);
  expect(fresh.notices).toBe('');
  expect(fresh.errors).toEqual([]);
  expect(errors).toEqual([]);
});

test('an imported set travels in the link bit for bit', async ({ page, browser }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  // Long doubles (17 significant digits) and a 1-in-3 positive rate, as a person's export would be.
  const rows = Array.from({ length: 300 }, (_, i) => {
    const x = Math.sin(i * 12.9898 + 1) * 4.123456789012345;
    return `${x},${i % 3 === 0 ? 1 : 0}`;
  });
  await page.getByLabel('…or paste it here').fill(`logit,label\n${rows.join('\n')}\n`);
  await page.getByRole('button', { name: 'Import pasted text' }).click();
  const imported = await readouts(page);
  const url = await urlContaining(page, 'data=', 'name=');
  expect(url.length).toBeLessThan(12_000);

  const fresh = await openFresh(browser, url);
  expect(fresh.values).toEqual(imported);
  expect(fresh.notices).toBe('');
  expect(fresh.errors).toEqual([]);
  expect(errors).toEqual([]);
});

test.describe('bad hashes: the page works and a notice names the field', () => {
  const valid = 'v=1&tau=2.5&set=fig2-large-var&seed=7';
  const truncatedData = `v=1&name=x&data=${blob(new Uint8Array([0x42, 0, 3, 1, 2, 0, 0])).slice(0, 9)}`;
  const bomb = `v=1&set=no-positives&edits=${blob(new Uint8Array(20_000_000), 100)}`;
  const liar = `v=1&set=no-positives&edits=${blob(Uint8Array.of(0x45, 0, 0, 0), 1e9)}`;
  const cases: [string, string, RegExp][] = [
    ['garbage', '%%%', /"%%%" is not a field=value pair/],
    ['bad percent-encoding', 'v=1&lambdaNeg=%E0%A4%A', /lambdaNeg/],
    ['not a number', 'v=1&lambdaNeg=abc', /λ−/],
    ['out of range', 'v=1&lambdaNeg=1e9&margin=-2', /λ−[\s\S]*γ|γ[\s\S]*λ−/],
    ['unknown preset', 'v=1&set=imagenet', /set/],
    ['out-of-range seed', 'v=1&set=paper-default&seed=99999999999', /seed/],
    ['truncated candidate data', truncatedData, /data/],
    ['decompression bomb', bomb, /edits.*declared size/],
    ['declared size over the cap', liar, /edits.*declares/],
  ];
  for (const [what, hash, field] of cases) {
    test(`${what}`, async ({ page }) => {
      const errors = watchErrors(page);
      await page.goto(`/#${hash}`);
      await expect(page.getByTestId('notices')).toHaveText(field);
      const r = await readouts(page);
      expect(Number.isFinite(Number(r.pPlus))).toBe(true);
      // The page still responds: a parameter change recomputes.
      await typeParam(page, 'τ', '3');
      await expect.poll(async () => (await readouts(page)).loss).not.toBe(r.loss);
      expect(errors).toEqual([]);
    });
  }

  test('markup in a hash is shown as text, never inserted as HTML', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#<b>bold</b>&<img src=x onerror=window.__pwned=1>=1');
    const notices = page.getByTestId('notices');
    await expect(notices).toContainText('"<b>bold</b>" is not a field=value pair');
    await expect(notices).toContainText('unknown field "<img src');
    expect(await notices.locator('b, img').count()).toBe(0);
    expect(await page.evaluate(() => 'pwned' in window || '__pwned' in window)).toBe(false);
    await readouts(page);
    expect(errors).toEqual([]);
  });

  test('a bad field keeps its default while the good fields still apply', async ({
    page,
    browser,
  }) => {
    const good = await openFresh(browser, `/#${valid}`);
    await page.goto(`/#${valid}&lambdaNeg=oops`);
    await expect(page.getByTestId('notices')).toHaveText(/λ−/);
    expect(await readouts(page)).toEqual(good.values);
  });

  test('an oversized hash is refused whole, with a notice', async ({ page }) => {
    // Over MAX_HASH_CHARS (2,004,096) but under Chromium's 2 MiB URL limit, so it reaches the page.
    await page.goto(`/#v=1&tau=3&data=${'A'.repeat(2_050_000)}`);
    await expect(page.getByTestId('notices')).toHaveText(/too long/);
    await readouts(page);
    expect(await page.getByRole('spinbutton', { name: 'τ value' }).inputValue()).toBe('4');
  });
});

test('a visit without a hash restores the last state from localStorage', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await page.getByLabel('Candidate set').selectOption('imbalance-1000');
  await typeParam(page, 'λ+', '0.5');
  const chosen = await readouts(page);
  await urlContaining(page, 'lambdaPos=0.5', 'set=imbalance-1000');
  await page.evaluate(() => window.__dr?.flush());

  await page.goto('/');
  expect(await readouts(page)).toEqual(chosen);
  expect(await page.getByRole('spinbutton', { name: 'λ+ value' }).inputValue()).toBe('0.5');
  await expect(page.getByLabel('Candidate set')).toHaveValue('imbalance-1000');
  expect(errors).toEqual([]);
});

test('a corrupt stored state is ignored with a notice and the defaults apply', async ({
  page,
  browser,
}) => {
  const defaults = await openFresh(browser, '/');
  await page.goto('/');
  await readouts(page);
  await page.evaluate((key) => {
    window.__dr?.flush();
    window.localStorage.setItem(key, '{"v":1,"hash":');
  }, STORAGE_KEY);
  await page.goto('/');
  await expect(page.getByTestId('notices')).toHaveText(/Saved state/);
  expect(await readouts(page)).toEqual(defaults.values);
});
