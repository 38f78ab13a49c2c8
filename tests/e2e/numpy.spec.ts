/**
 * NumPy import in Chromium: an .npz (logits + targets) through the file input, a .npy pair (float32
 * logits (R, K), int64 targets) through the same input, and an .npz dropped on the import card, each
 * reproducing the engine's loss; a truncated .npy names the problem and keeps the set. A large .npz
 * is streamed by the import worker: a progress bar with the rows read and Cancel (the set loaded
 * before stays), then, chosen again, the right set.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { drLoss } from '../../src/engine/index.ts';
import { DEFAULT_APP_PARAMS, toEngineParams } from '../../src/params/table.ts';
import { npyBytes, npzBytes } from '../../src/io/npzWrite.ts';
import { zipFile } from '../io/npyWriter.ts';
import { longTasksBetween, readouts, replyAt, watchErrors, watchLongTasks } from './helpers.ts';

const R = 400;
const K = 3;
let seed = 99;
const u = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
// float32-exact logits, so that a float32 .npy holds the same values.
const logits = Float64Array.from({ length: R * K }, () => Math.fround((u() * 2 - 1) * 5));
const targets = Int32Array.from({ length: R }, () => {
  const v = u();
  return v < 0.05 ? -1 : v < 0.3 ? 1 + Math.floor(u() * K) : 0;
});
const expected = drLoss(logits, targets, K, toEngineParams(DEFAULT_APP_PARAMS)).result.loss;

/** The logits as a float32 .npy (shape (R, K)), written by hand: npyBytes writes float64 only. */
function float32Npy(): Buffer {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${R}, ${K}), }`;
  header += ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const out = Buffer.alloc(10 + header.length + R * K * 4);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  out.writeUInt16LE(header.length, 8);
  out.write(header, 10, 'latin1');
  for (let i = 0; i < R * K; i++) out.writeFloatLE(logits[i], 10 + header.length + i * 4);
  return out;
}

const npz = Buffer.from(
  npzBytes({ logits: { values: logits, shape: [R, K] }, targets: { values: targets, shape: [R] } }),
);
const targetsNpy = Buffer.from(npyBytes({ values: targets, shape: [R] }));

const storeLoss = (page: Page) =>
  page.evaluate(() => {
    const st = window.__dr!.store.getState();
    return st.status === 'ready' && st.source.kind === 'explicit'
      ? (st.shown?.result.loss ?? NaN)
      : NaN;
  });

const close = (a: number) => Math.abs(a - expected) / Math.abs(expected) < 1e-12;

test('an .npz and a .npy pair import through the file input and give the loss', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await readouts(page);
  const input = page.getByLabel(/JSON case/);
  await input.setInputFiles({ name: 'case.npz', mimeType: 'application/zip', buffer: npz });
  await expect.poll(async () => close(await storeLoss(page))).toBe(true);
  expect(await page.evaluate(() => window.__dr!.store.getState().candidates?.K)).toBe(K);

  // Back to a preset, then the pair (float32 logits, int64 targets) chosen together.
  await page.evaluate(() => window.__dr!.store.getState().undo());
  await expect
    .poll(() => page.evaluate(() => window.__dr!.store.getState().source.kind))
    .toBe('generated');
  await input.setInputFiles([
    { name: 'logits.npy', mimeType: 'application/octet-stream', buffer: float32Npy() },
    { name: 'targets.npy', mimeType: 'application/octet-stream', buffer: targetsNpy },
  ]);
  await expect.poll(async () => close(await storeLoss(page))).toBe(true);
  await expect(page.getByTestId('notices')).toContainText('logits.npy + targets.npy');
  expect(errors).toEqual([]);
});

test('an .npz dropped on the import card imports; a truncated .npy names the problem', async ({
  page,
}) => {
  await page.goto('/');
  await readouts(page);
  const card = page.getByTestId('import-card');
  const transfer = await page.evaluateHandle((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'dropped.npz'));
    return dt;
  }, Array.from(npz));
  await card.dispatchEvent('dragover', { dataTransfer: transfer });
  await card.dispatchEvent('drop', { dataTransfer: transfer });
  await expect.poll(async () => close(await storeLoss(page))).toBe(true);

  const before = await page.evaluate(() => window.__dr!.store.getState().source);
  await page.getByLabel(/JSON case/).setInputFiles([
    {
      name: 'cut.npy',
      mimeType: 'application/octet-stream',
      buffer: float32Npy().subarray(0, 200),
    },
    { name: 'targets.npy', mimeType: 'application/octet-stream', buffer: targetsNpy },
  ]);
  await expect(page.getByTestId('notices').getByRole('alert')).toContainText(/cut\.npy.*truncated/);
  expect(await page.evaluate(() => window.__dr!.store.getState().source)).toEqual(before);
});

test('a 10⁶-entry .npz is read off the main thread: no task of 50 ms or more ends before the answer', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const N = 1_000_000;
  const big = Float64Array.from({ length: N }, (_, i) => Math.sin(i * 0.37) * 4);
  const bigTargets = Int32Array.from({ length: N }, (_, i) => (i % 100 === 0 ? 1 : 0));
  const file = join(mkdtempSync(join(tmpdir(), 'dr-npz-')), 'million.npz');
  writeFileSync(
    file,
    npzBytes({ logits: { values: big, shape: [N] }, targets: { values: bigTargets, shape: [N] } }),
  );
  await page.addInitScript(watchLongTasks, { worker: 'import', reply: 'result' });
  await page.goto('/');
  await readouts(page);
  await page.waitForTimeout(2000);
  const chosenAt = page.evaluate(
    () =>
      new Promise<number>((done) => {
        const input = document.querySelector<HTMLInputElement>(
          '[data-testid="import-card"] input[type="file"]',
        )!;
        input.addEventListener('change', () => done(performance.now()), { once: true });
      }),
  );
  await page.getByLabel(/JSON case/).setInputFiles(file);
  const chosen = await chosenAt;
  await expect(page.getByTestId('notices')).toContainText('million.npz', { timeout: 120_000 });
  const answeredAt = await replyAt(page);
  const tasks = await longTasksBetween(page, chosen, answeredAt, true);
  console.log(
    `10⁶ .npz (16 MB): chosen → worker answer ${Math.round(answeredAt - chosen)} ms, long tasks ending before it ${JSON.stringify(tasks)}`,
  );
  expect(tasks).toEqual([]);
  await expect
    .poll(() => page.evaluate(() => window.__dr!.store.getState().status), { timeout: 120_000 })
    .toBe('ready');
});

test('a large .npz shows its progress and can be cancelled (the set stays); chosen again, it imports', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // 10⁶ rows × 2 classes, deflated (np.savez_compressed's layout): long enough to read that the
  // progress bar shows rows before the end.
  const R2 = 1_000_000;
  const K2 = 2;
  const big = Float64Array.from({ length: R2 * K2 }, (_, i) => Math.sin(i * 0.37) * 4);
  const bigTargets = Int32Array.from({ length: R2 }, (_, i) => (i % 50 === 0 ? 1 + (i % K2) : 0));
  const file = join(mkdtempSync(join(tmpdir(), 'dr-npz-')), 'large.npz');
  writeFileSync(
    file,
    zipFile([
      { name: 'logits.npy', data: npyBytes({ values: big, shape: [R2, K2] }), deflate: true },
      { name: 'targets.npy', data: npyBytes({ values: bigTargets, shape: [R2] }), deflate: true },
    ]),
  );
  const errors = watchErrors(page);
  await page.goto('/');
  const before = await readouts(page);
  const sourceBefore = await page.evaluate(() => window.__dr!.store.getState().source);
  // Cancel from inside the page at the first progress report with rows read (a click from the test
  // could come after the read has finished).
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
          done(`${bar!.getAttribute('aria-label')}: ${text}`);
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
  );
  await page.getByLabel(/JSON case/).setInputFiles(file);
  expect(await cancelled).toMatch(/^Reading large\.npz: [\d,]+ rows read$/);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByTestId('notices')).toContainText('large.npz cancelled');
  expect(await readouts(page)).toEqual(before);
  expect(await page.evaluate(() => window.__dr!.store.getState().source)).toEqual(sourceBefore);

  await page.getByLabel(/JSON case/).setInputFiles(file);
  await expect(page.getByTestId('notices')).toContainText('Imported large.npz', {
    timeout: 120_000,
  });
  const want = drLoss(big, bigTargets, K2, toEngineParams(DEFAULT_APP_PARAMS)).result.loss;
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const st = window.__dr!.store.getState();
          return st.status === 'ready' && st.source.kind === 'explicit'
            ? [st.source.base.R, st.source.base.K, st.shown?.result.loss ?? NaN]
            : null;
        }),
      { timeout: 120_000 },
    )
    .toEqual([R2, K2, expect.closeTo(want, 9)]);
  expect(errors).toEqual([]);
});
