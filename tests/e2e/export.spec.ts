/**
 * Exports in Chromium: every panel as SVG (self-contained: styles inlined, no CSS variables) and as
 * PNG (a real PNG at 2×), the candidate CSV (every entry, the columns) and the case JSON,
 * which the import reads back to the same loss.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { readouts, watchErrors } from './helpers.ts';

/** The downloaded file of clicking `button`: its suggested name and bytes. */
async function download(page: Page, click: () => Promise<void>) {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

/** The loss the store shows now (exact double). */
const storeLoss = (page: Page) =>
  page.evaluate(() => window.__dr!.store.getState().shown!.result.loss);

test('every panel downloads as SVG and PNG', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await readouts(page);
  const panels = page.locator('section.panel');
  await expect(panels).toHaveCount(8);
  for (let i = 0; i < 8; i++) {
    const panel = panels.nth(i);
    await panel.scrollIntoViewIfNeeded();
    // A panel renders when it nears the screen (its chunk, then idle time): wait for its chart or table.
    await expect(panel.locator('figure svg, table, dl').first()).toBeVisible();
    const svgButton = panel.getByRole('button', { name: /SVG/ });
    await expect(svgButton).toBeVisible();
    const svg = await download(page, () => svgButton.click());
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(text).not.toContain('var(--');
    expect(text).toContain('<title>');
    // Parses as XML in the browser.
    const ok = await page.evaluate(
      (t) =>
        new DOMParser().parseFromString(t, 'image/svg+xml').querySelector('parsererror') === null,
      text,
    );
    expect(ok, `panel ${i + 1}: SVG parses`).toBe(true);
    const png = await download(page, () => panel.getByRole('button', { name: /PNG/ }).click());
    expect(png.name).toMatch(/\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const width = png.bytes.readUInt32BE(16);
    const svgWidth = Number(/<svg [^>]*width="([\d.]+)"/.exec(text)![1]);
    expect(width).toBe(Math.round(svgWidth * 2));
    expect(png.bytes.length).toBeGreaterThan(2000);
    console.log(
      `panel ${i + 1}: SVG ${svg.bytes.length} bytes, PNG ${png.bytes.length} bytes (${width} px wide)`,
    );
  }
  expect(errors).toEqual([]);
});

test('the candidate CSV has every entry; the case JSON imports back to the same loss', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await readouts(page);
  const n = await page.evaluate(() => {
    const c = window.__dr!.store.getState().candidates!;
    return c.R * c.K;
  });
  const csv = await download(page, () => page.getByTestId('export-csv').click());
  const lines = csv.bytes.toString('utf8').trimEnd().split('\n');
  expect(lines[0].startsWith('row,class,label,logit,p,q,gradDR,gradFocal,gradBCE')).toBe(true);
  expect(lines).toHaveLength(n + 1);
  const logits = await page.evaluate(() =>
    Array.from(window.__dr!.store.getState().candidates!.logits),
  );
  expect(lines.slice(1).map((l) => Number(l.split(',')[3]))).toEqual(logits);

  // Change a parameter so that the case carries something other than the defaults.
  await page.evaluate(() => window.__dr!.store.getState().setParams({ lambdaNeg: 0.05 }));
  await expect
    .poll(() => page.evaluate(() => window.__dr!.store.getState().shown?.params.lambdaNeg))
    .toBe(0.05);
  const loss = await storeLoss(page);
  const json = await download(page, () => page.getByTestId('export-case').click());
  expect(json.name).toBe('dr_loss_case.json');
  const parsed = JSON.parse(json.bytes.toString('utf8')) as { params: Record<string, unknown> };
  expect(parsed.params.lambdaNeg).toBe(0.05);

  // Reopen: another set and the defaults first, then import the file.
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.goto('/');
  await readouts(page);
  await page.getByLabel(/JSON case/).setInputFiles({
    name: 'dr_loss_case.json',
    mimeType: 'application/json',
    buffer: json.bytes,
  });
  await expect.poll(() => storeLoss(page).catch(() => NaN)).toBe(loss);
  expect(errors).toEqual([]);
});

/** A python with torch (the snippet's requirement), or undefined. */
const torchPython = ['python3', '/usr/bin/python3'].find((p) => {
  try {
    execFileSync(p, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
});

test(`the PyTorch snippet prints the app's loss${torchPython ? '' : ' (skipped: no python3 with torch)'}`, async ({
  page,
}) => {
  test.skip(torchPython === undefined, 'no python3 with torch');
  await page.goto('/');
  await readouts(page);
  await page.evaluate(() => window.__dr!.store.getState().setParams({ lambdaNeg: 0.07, tau: 3 }));
  await expect
    .poll(() => page.evaluate(() => window.__dr!.store.getState().shown?.params.tau))
    .toBe(3);
  const loss = await storeLoss(page);
  const py = await download(page, () => page.getByTestId('export-pytorch').click());
  expect(py.name).toBe('dr_loss_case.py');
  const dir = mkdtempSync(join(tmpdir(), 'dr-snippet-'));
  writeFileSync(join(dir, py.name), py.bytes);
  const out = execFileSync(torchPython!, [join(dir, py.name)], { timeout: 120_000 })
    .toString()
    .trimEnd()
    .split('\n');
  const printed = Number(out[out.length - 1]);
  expect(Math.abs(printed - loss) / Math.abs(loss)).toBeLessThan(1e-6);

  const bib = await download(page, () => page.getByTestId('export-bibtex').click());
  expect(bib.bytes.toString('utf8')).toContain('DR} Loss: Improving Object Detection');
});

test('a dense panel (canvas dots) exports its canvas inside the SVG and the PNG', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await readouts(page);
  await page.getByLabel('Candidate set').selectOption('imbalance-1000');
  await readouts(page);
  const panel = page.locator('section.panel').first();
  await expect(panel.locator('canvas').first()).toBeVisible();
  const svg = await download(page, () => panel.getByRole('button', { name: /SVG/ }).click());
  const text = svg.bytes.toString('utf8');
  expect(text).toContain('<image');
  expect(text).toContain('data:image/png;base64,');
  const png = await download(page, () => panel.getByRole('button', { name: /PNG/ }).click());
  expect([...png.bytes.subarray(0, 4)]).toEqual([137, 80, 78, 71]);
  console.log(`dense panel 1: SVG ${svg.bytes.length} bytes, PNG ${png.bytes.length} bytes`);
  expect(errors).toEqual([]);
});
