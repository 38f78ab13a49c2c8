/**
 * The app core in a real browser (Debian Chromium): the worker computes, the readouts follow a slider
 * drag, the URL reproduces the state in a fresh context, undo/redo round-trip, a golden case imported
 * through the file input gives its expected numbers, a drag on the 8e6-entry preset leaves the main
 * thread free of long tasks, and a worker crash or a worker that cannot start leaves the page working.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { GOLDEN_JSON } from '../golden/cases.ts';
import { readouts, readoutsNow, watchErrors } from './helpers.ts';

const golden = GOLDEN_JSON;

/** Wait until the readouts show `expected` with status ready (no race with a pending request). */
async function expectReadouts(
  page: Page,
  expected: { loss: string; pPlus: string; pMinus: string },
) {
  await expect.poll(() => readoutsNow(page)).toEqual({ status: 'ready', ...expected });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** At least 6 significant digits: the readout parses back within 5e-7 relative of `expected`. */
function expectSixDigits(shown: string, expected: number) {
  const digits = shown.replace(/^-?0\.0*/, '').replace(/[^0-9]/g, '');
  expect(digits.length).toBeGreaterThanOrEqual(6);
  expect(Math.abs(Number(shown) - expected)).toBeLessThanOrEqual(5e-7 * Math.abs(expected));
}

/** Drag a range input's thumb from `from` to `to` (fractions of its width) in `steps` moves. */
async function drag(page: Page, name: RegExp, from: number, to: number, steps = 20) {
  const box = (await page.getByRole('slider', { name }).boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(box.x + box.width * (from + ((to - from) * i) / steps), y);
  }
  await page.mouse.up();
}

test('the page loads, computes in the worker, and logs no errors', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/DR Loss Explorer/);
  const r = await readouts(page);
  expect(Number(r.loss)).toBeGreaterThan(0);
  await expect(page.getByTestId('engine-mode')).toHaveText(/worker/);
  for (const symbol of ['γ', 'λ+', 'λ−', 'L', 'τ', 'ρ']) {
    await expect(
      page.getByRole('slider', { name: new RegExp(`^${escape(symbol)} \\(`) }),
    ).toHaveCount(1);
    await expect(page.getByRole('spinbutton', { name: `${symbol} value` })).toHaveCount(1);
  }
  expect(errors).toEqual([]);
});

test('dragging λ− changes readouts and URL; the URL in a new context gives the same readouts', async ({
  page,
  browser,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const before = await readouts(page);
  const urlBefore = page.url();
  await drag(page, /^λ− \(/, 0.3, 0.62);
  await expect(page.getByTestId('loss-value')).not.toHaveText(before.loss);
  const after = await readouts(page);
  expect(after.pMinus).not.toBe(before.pMinus);
  await expect.poll(() => page.url()).not.toBe(urlBefore);
  await expect.poll(() => page.url()).toContain('lambdaNeg=');
  // A write still pending (debounced) would leave an intermediate step of the drag in the URL.
  await page.evaluate(() => window.__dr?.flush());

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(page.url());
  expect(await readouts(other)).toEqual(after);
  await fresh.close();
  expect(errors).toEqual([]);
});

test('undo and redo round-trip from the keyboard and the buttons; a drag is one step', async ({
  page,
}) => {
  await page.goto('/');
  const start = await readouts(page);
  await drag(page, /^τ \(/, 0.2, 0.6);
  await expect(page.getByTestId('loss-value')).not.toHaveText(start.loss);
  const dragged = await readouts(page);

  await page.keyboard.press('Control+z');
  await expectReadouts(page, start);
  await page.keyboard.press('Control+Shift+z');
  await expectReadouts(page, dragged);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expectReadouts(page, start);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expectReadouts(page, dragged);

  // Two separate key presses on a slider are two steps.
  await page.getByRole('slider', { name: /^L \(/ }).focus();
  await page.keyboard.press('ArrowRight');
  const one = await readouts(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('loss-value')).not.toHaveText(one.loss);
  await page.keyboard.press('Control+z');
  await expectReadouts(page, one);
  await page.keyboard.press('Control+z');
  await expectReadouts(page, dragged);
});

test('a golden case imported through the file input shows its expected loss and P̂± (6 digits)', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await readouts(page);
  // One case each: tiny temperatures, the quadratic surrogate, the hard-negative prior, defaults.
  for (const index of [0, 5, 6, 7]) {
    const c = golden[index];
    await page.getByLabel(/JSON case/).setInputFiles({
      name: `golden-${index}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(c)),
    });
    await expect(page.getByTestId('notices')).toContainText(`golden-${index}.json`);
    await expect(page.getByTestId('status')).toHaveText('ready');
    const r = await readouts(page);
    expectSixDigits(r.loss, c.expected.loss);
    expectSixDigits(r.pPlus, c.expected.pPlus);
    expectSixDigits(r.pMinus, c.expected.pMinus);
  }
  expect(errors).toEqual([]);
});

test('a broken import names the field and keeps what was loaded', async ({ page }) => {
  await page.goto('/');
  const before = await readouts(page);
  await page.getByLabel(/paste it here/).fill('{"logits": [1, "x"], "targets": [1, 0]}');
  await page.getByRole('button', { name: 'Import pasted text' }).click();
  await expect(page.getByTestId('notices').getByRole('alert')).toContainText('logits');
  expect(await readouts(page)).toEqual(before);
});

test('no main-thread long task over 50 ms while λ− is dragged on the detection-scale preset', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await readouts(page);
  await page.getByLabel('Candidate set').selectOption('detection-scale');
  await expect(page.getByTestId('counts-value')).toContainText('7,919,900', { timeout: 120_000 });
  await expect(page.getByTestId('status')).toHaveText('ready', { timeout: 120_000 });

  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  // The observer must see a long task when there is one, or this test could not fail.
  await page.evaluate(() => {
    // A task of the page's own (a DevTools evaluation is not reported as a long task).
    setTimeout(() => {
      const end = performance.now() + 80;
      while (performance.now() < end);
    }, 0);
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks))
    .toEqual([expect.any(Number)]);
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks = []));
  const before = await page.getByTestId('loss-value').textContent();
  await drag(page, /^λ− \(/, 0.3, 0.55, 30);
  await expect(page.getByTestId('status')).toHaveText('ready', { timeout: 120_000 });
  await expect(page.getByTestId('loss-value')).not.toHaveText(before ?? '');
  const longTasks = await page.evaluate(
    () => (window as unknown as { __longTasks: number[] }).__longTasks,
  );
  expect(longTasks.filter((d) => d > 50)).toEqual([]);
});

test('a worker crash shows a message, restarts the worker and keeps the state', async ({
  page,
}) => {
  await page.goto('/');
  await drag(page, /^γ \(/, 0.5, 0.7);
  const before = await readouts(page);
  await expect.poll(() => page.url()).toContain('margin=');
  // A write still pending (debounced) would leave an intermediate step of the drag in the URL.
  await page.evaluate(() => window.__dr?.flush());
  const url = page.url();
  await page.evaluate(() => window.__dr?.client.crashWorker());
  await expect(page.getByTestId('notices').getByRole('alert')).toContainText(/crashed.*restarted/);
  await expect(page.getByTestId('engine-mode')).toHaveText(/worker/);
  await expectReadouts(page, before);
  expect(page.url()).toBe(url);
  // And it keeps computing.
  await page.getByRole('slider', { name: /^τ \(/ }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('loss-value')).not.toHaveText(before.loss);
});

test('when the worker cannot start, the main thread computes and a notice says so', async ({
  page,
}) => {
  await page.route(/engine\.worker/, (route) => route.abort());
  await page.goto('/');
  await expect(page.getByTestId('notices')).toContainText(/could not start.*main thread/);
  await expect(page.getByTestId('engine-mode')).toHaveText(/main thread/);
  const r = await readouts(page);
  expect(Number(r.loss)).toBeGreaterThan(0);
});

test('the layout works at 390 px: no sideways scrolling, readouts visible', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await readouts(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('loss-value')).toBeInViewport();
  // Each main readout's number stays on one line (ten digits fit the column).
  for (const id of ['loss-value', 'p-plus-value', 'p-minus-value']) {
    const lines = await page.getByTestId(id).evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines, id).toBe(1);
  }
});

test('Copy link copies the address that reproduces the readouts', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await drag(page, /^ρ \(/, 0.2, 0.4);
  await page.getByRole('combobox', { name: 'surrogate ℓ' }).selectOption('quad');
  const shown = await readouts(page);
  // The clipboard answers only a focused page.
  await page.bringToFront();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  expect(await readouts(other)).toEqual(shown);
  await fresh.close();
});

test('no serious or critical accessibility violations (axe)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await readouts(page);
  // The shell: controls, readouts, notices, the candidate editor. The eight panels are scanned by
  // explainer.spec.ts on a small set (here their ~27,000 SVG and KaTeX elements take axe minutes).
  const { violations } = await new AxeBuilder({ page }).exclude('.explainer').analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});
