/** The parameters dock on a phone-sized window (390 px), in Chromium. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readouts, watchErrors } from './helpers.ts';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

/** Where panel 6 is against the window and the open drawer (CSS px). */
async function gradientPlace(page: Page) {
  return page.evaluate(() => {
    const panel = document.getElementById('panel-gradient')!.getBoundingClientRect();
    const drawer = document.querySelector('.dock-drawer')?.getBoundingClientRect();
    return { top: panel.top, bottom: panel.bottom, drawerTop: drawer?.top ?? window.innerHeight };
  });
}

/** Panel 6's top is on screen, with room to see it above the drawer. */
function inView(p: { top: number; drawerTop: number }): boolean {
  return p.top >= -2 && p.top < p.drawerTop - 100;
}

async function scrollToGradient(page: Page) {
  // Panels mount in turn and grow as they do: scroll until panel 6 is drawn and stays in place.
  await expect
    .poll(
      async () => {
        await page.evaluate(() =>
          document.getElementById('panel-gradient')!.scrollIntoView({ block: 'start' }),
        );
        await page.waitForTimeout(200);
        const drawn = await page.locator('.panel-gradient').count();
        return drawn === 1 && inView(await gradientPlace(page));
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

test('from panel 6, one tap opens the sliders; moving λ− keeps panel 6 in view', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const before = await readouts(page);
  await scrollToGradient(page);
  const dock = page.getByRole('button', { name: /Parameters/ });
  await expect(dock).toBeVisible();
  await expect(dock).toHaveAttribute('aria-expanded', 'false');
  await dock.tap();

  const drawer = page.getByRole('dialog', { name: 'Parameters' });
  await expect(drawer).toBeVisible();
  await expect(dock).toHaveAttribute('aria-expanded', 'true');
  // One set of sliders on the page while the drawer holds them.
  await expect(page.getByRole('slider', { name: /^λ− \(/ })).toHaveCount(1);
  expect(inView(await gradientPlace(page))).toBe(true);

  const slider = drawer.getByRole('slider', { name: /^λ− \(/ });
  await slider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('loss-value')).not.toHaveText(before.loss);
  await readouts(page);
  await page.waitForTimeout(400);
  const after = await gradientPlace(page);
  expect(inView(after), JSON.stringify(after)).toBe(true);
  await expect(page.locator('.panel-gradient')).toBeInViewport();

  // Escape closes the drawer and gives focus back to the dock's button.
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);
  await expect(dock).toBeFocused();
  expect(inView(await gradientPlace(page))).toBe(true);
  expect(errors).toEqual([]);
});

test('the dock works from the keyboard and speaks Chinese (参数)', async ({ page }) => {
  await page.goto('/');
  await readouts(page);
  await page.evaluate(() => window.__dr!.store.getState().setLang('zh'));
  const dock = page.getByRole('button', { name: /参数/ });
  await dock.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: '参数' });
  await expect(drawer).toBeVisible();
  // Focus went into the drawer; the close button is reachable from the keyboard.
  await expect(drawer.locator(':focus')).toHaveCount(1);
  await drawer.getByRole('button', { name: '关闭参数' }).focus();
  await page.keyboard.press('Enter');
  await expect(drawer).toHaveCount(0);
  await expect(dock).toBeFocused();
});

test('the dock is hidden on a wide window', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await readouts(page);
  await expect(page.getByRole('button', { name: /Parameters/ })).toBeHidden();
});

test('dock open: no serious or critical accessibility violations (axe)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await readouts(page);
  await page.getByRole('button', { name: /Parameters/ }).click();
  await expect(page.getByRole('dialog', { name: 'Parameters' })).toBeVisible();
  // The dock's own parts: its button and the open drawer with the controls.
  const { violations } = await new AxeBuilder({ page }).include('.dock').analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});
