/**
 * The engine's WebAssembly SIMD kernels in the built app (src/engine/kernels/simd.ts): the worker
 * reports that it computes with them, and so does the main-thread fallback (the module is under the
 * 4 KB Chrome compiles synchronously there).
 */
import { expect, test } from '@playwright/test';
import { readouts, watchErrors } from './helpers.ts';

test('the engine worker computes with the WebAssembly SIMD kernels', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const r = await readouts(page);
  expect(Number(r.loss)).toBeGreaterThan(0);
  await expect(page.getByTestId('engine-mode')).toHaveText(/worker/);
  expect(await page.evaluate(() => window.__dr?.client.kernel)).toBe('wasm-simd');
  expect(errors).toEqual([]);
});

test('the main-thread fallback computes with them too, and gives the worker’s readouts', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  const inWorker = await readouts(page);
  const context = await browser.newContext();
  const fallback = await context.newPage();
  await fallback.route(/engine\.worker/, (route) => route.abort());
  await fallback.goto('/');
  await expect(fallback.getByTestId('engine-mode')).toHaveText(/main thread/);
  // The readouts come once the main-thread engine has loaded; its kernel path is known from then.
  expect(await readouts(fallback)).toEqual(inWorker);
  expect(await fallback.evaluate(() => window.__dr?.client.kernel)).toBe('wasm-simd');
  await context.close();
});
