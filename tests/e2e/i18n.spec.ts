/**
 * The page in Chinese: a notice appears in Chinese and follows a language switch, ε typed as an input
 * puts KL(q−‖o−) on the radius, the preset description is computed, no serious or critical axe
 * violation, and no English word is left in the visible text outside formulas, numbers and names.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readouts, watchErrors } from './helpers.ts';

async function toChinese(page: Page) {
  await page.goto('/');
  await readouts(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.getByRole('combobox', { name: '语言' })).toBeVisible();
}

test('in Chinese, a notice appears in Chinese and switches to English with the page', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await toChinese(page);
  const seed = page.locator('#seed');
  await seed.fill('2.5');
  await seed.press('Enter');
  const notices = page.getByTestId('notices');
  await expect(notices.getByRole('alert')).toHaveText(
    '种子：“2.5”不是 0 到 4294967295 之间的整数；保留 1',
  );
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(notices.getByRole('alert')).toHaveText(
    'seed: "2.5" is not a whole number from 0 to 4294967295; kept 1',
  );
  expect(errors).toEqual([]);
});

test('ε− typed as an input: KL(q−‖o−) = 1 to 1e-6, from the keyboard', async ({ page }) => {
  await page.goto('/');
  await readouts(page);
  const box = page.getByRole('textbox', { name: /^ε−/ });
  await box.focus();
  await box.fill('1');
  await box.press('Enter');
  await expect
    .poll(async () =>
      Math.abs(Number(await page.getByTestId('epsilon-minus-value').textContent()) - 1),
    )
    .toBeLessThan(1e-6);
  const text = (await page.getByTestId('epsilon-minus-value').textContent()) ?? '';
  expect(text.replace('.', '').replace(/^0+/, '').length).toBeGreaterThanOrEqual(1);
});

test('in Chinese: no serious or critical axe violations in the shell', async ({ page }) => {
  test.setTimeout(120_000);
  await toChinese(page);
  const { violations } = await new AxeBuilder({ page }).exclude('.explainer').analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('zh.png'), fullPage: false });
});

/** Words that may stay Latin in Chinese text: names, units of the formulas, file formats, keys. */
const ALLOWED = new Set(
  (
    'DR COCO RetinaNet Dr.Retina ResNet ResNeXt FPN AP NMS KL BCE JSON CSV logit logits softmax ' +
    'Qian CVPR Eq Tab Enter Space Delete Ctrl Shift Esc Escape n/a ESS targets ' +
    // function names inside formulas written as text, and COCO's split names
    'min max exp log ln sup minival test dev AUC TensorFlow Playground ' +
    // subscripts of the paper's symbols written as text (ℓ_Reg, its regression loss)
    'Reg ' +
    // names of formats, tools and the official code
    'NumPy npz npy py SVG PNG CLI PyTorch BibTeX SigmoidDRLoss ' +
    // field names of the input formats and the CLI's command name
    'labels params dr'
  ).split(' '),
);

test('in Chinese, the visible text has no English words outside formulas and names', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await toChinese(page);
  const englishWords = async () => {
    const text: string = await page.evaluate(() => {
      // Every visible text node on its own (so table cells do not run together), outside KaTeX
      // (formulas), code (identifiers, commands) and text marked lang="en" (the language option).
      const parts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (
          !el ||
          el.closest(
            '.katex, [lang="en"], code, pre, kbd, samp, script, style, [aria-hidden="true"]',
          )
        )
          continue;
        if (!el.checkVisibility()) continue;
        parts.push(n.textContent ?? '');
      }
      return parts.join('\n');
    });
    // Double-quoted text is a field name or value of an input format ("logits", "yours").
    const prose = text.replace(/"[^"\n]*"/g, '');
    const words = [...new Set(prose.match(/[A-Za-z][A-Za-z.]*[A-Za-z]|[A-Za-z]{2,}/g) ?? [])];
    return words.filter((w) => !ALLOWED.has(w) && w.length > 1);
  };
  // Panels off screen catch up with the language in idle time (PanelSlot): wait for them.
  await expect.poll(englishWords, { timeout: 60_000 }).toEqual([]);
  // Other sets and settings bring other sentences: no positives, the Fig. 2 comparison, the
  // hard-negative prior, γ above 0.5, the "why" texts opened.
  for (const preset of ['no-positives', 'fig2-large-var', 'hard-negatives']) {
    await page.locator('#preset').selectOption(preset);
    await expect(page.getByTestId('status')).toHaveText('就绪');
    await expect.poll(englishWords, { timeout: 60_000 }).toEqual([]);
  }
  await page.locator('#original').selectOption('hardNegative');
  await page.getByRole('spinbutton', { name: 'γ 数值' }).fill('0.7');
  await page.getByRole('spinbutton', { name: 'γ 数值' }).press('Enter');
  for (const summary of await page.locator('details.why > summary').all()) await summary.click();
  await expect(page.getByTestId('status')).toHaveText('就绪');
  await expect.poll(englishWords, { timeout: 60_000 }).toEqual([]);
});
