/** The guided tour in Chromium: a keyboard walk of every step, step links, Chinese buttons, axe. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TOUR_STEPS } from '../../src/app/tour/steps.ts';
import { strings } from '../../src/i18n/allStrings.ts';
import { readouts, watchErrors } from './helpers.ts';

const en = strings.en;

/** The choice in the store: preset and the parameters a step sets. */
async function choice(page: Page) {
  return page.evaluate(() => {
    const st = window.__dr!.store.getState();
    return {
      preset: st.source.kind === 'generated' ? st.source.preset : null,
      lambdaNeg: st.params.lambdaNeg,
      L: st.params.L,
      tour: st.lesson.tour,
    };
  });
}

/** Whether the top of the step's panel is inside the window. */
async function panelInView(page: Page, panel: string): Promise<boolean> {
  return page.evaluate((id) => {
    const r = document.getElementById(`panel-${id}`)?.getBoundingClientRect();
    return !!r && r.top >= -2 && r.top < window.innerHeight / 2;
  }, panel);
}

test('walk the whole tour with the keyboard; Escape leaves it and keeps the step', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  await page.goto('/');
  await readouts(page);
  await page.getByRole('button', { name: en['tour.start'] }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: en[TOUR_STEPS[0]!.title] });
  await expect(dialog).toBeVisible();
  // Focus moved into the dialog: Tab reaches Next (Back is disabled on step 1).
  await expect(page.getByRole('button', { name: 'Back', exact: true })).toBeDisabled();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeFocused();

  for (let n = 1; n <= TOUR_STEPS.length; n++) {
    const step = TOUR_STEPS[n - 1]!;
    const card = page.getByTestId('tour');
    await expect(card).toHaveAttribute('data-step', step.id);
    await expect(card.getByRole('heading')).toHaveText(en[step.title]);
    await expect(card).toContainText(`Step ${n} of ${TOUR_STEPS.length}`);
    await expect(card).toContainText(en[step.tryThis]);
    const c = await choice(page);
    expect(c.tour).toBe(n);
    if (step.preset) expect(c.preset).toBe(step.preset);
    await expect.poll(() => panelInView(page, step.panel)).toBe(true);
    await page.evaluate(() => window.__dr?.flush());
    await expect.poll(() => page.url()).toContain(`tour=${n}`);
    if (n < TOUR_STEPS.length) await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();

  // Back from the keyboard.
  await page.getByRole('button', { name: 'Back', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tour')).toHaveAttribute(
    'data-step',
    TOUR_STEPS[TOUR_STEPS.length - 2]!.id,
  );
  const kept = await choice(page);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tour')).toHaveCount(0);
  await expect(page.getByRole('button', { name: en['tour.start'] })).toBeFocused();
  const after = await choice(page);
  expect({ ...after, tour: 0 }).toEqual({ ...kept, tour: 0 });
  expect(after.tour).toBeNull();
  await page.evaluate(() => window.__dr?.flush());
  await expect.poll(() => page.url()).not.toContain('tour=');
  expect(errors).toEqual([]);
});

test('a step link opens the tour at that step with its settings', async ({ page }) => {
  const errors = watchErrors(page);
  const step = TOUR_STEPS[3]!;
  await page.goto('/#v=1&tour=4');
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', step.id);
  await expect(page.getByTestId('tour').getByRole('heading')).toHaveText(en[step.title]);
  await expect.poll(async () => (await choice(page)).preset).toBe(step.preset);
  await expect.poll(() => panelInView(page, step.panel)).toBe(true);
  // The card's own link is the same short step link.
  await expect(page.getByTestId('tour-link')).toHaveAttribute('href', '#v=1&tour=4');
  expect(errors).toEqual([]);
});

test('a step link carrying a teacher’s settings keeps them', async ({ page }) => {
  await page.goto('/#v=1&lambdaNeg=0.5&set=fig2-small-var&seed=1&tour=5');
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', TOUR_STEPS[4]!.id);
  await readouts(page);
  const c = await choice(page);
  expect(c.lambdaNeg).toBe(0.5);
  expect(c.preset).toBe('fig2-small-var');
});

test('the tour speaks Chinese: 下一步 and 上一步', async ({ page }) => {
  await page.goto('/#v=1&tour=2');
  // The app boots after the load event (its chunks are imported by the entry): wait for its hooks.
  await page.waitForFunction(() => window.__dr !== undefined);
  await page.evaluate(() => window.__dr!.store.getState().setLang('zh'));
  await expect(page.getByRole('button', { name: '下一步', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '上一步', exact: true }).click();
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', TOUR_STEPS[0]!.id);
});

test('tour open: no serious or critical accessibility violations (axe)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/#v=1&tour=6');
  await readouts(page);
  await expect(page.getByTestId('tour')).toBeVisible();
  // The tour's own parts: the card and the header button that opens it.
  const { violations } = await new AxeBuilder({ page })
    .include('.tour')
    .include('#tour-start')
    .analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});
