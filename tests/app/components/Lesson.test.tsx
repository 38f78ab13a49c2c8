// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/components/App.tsx';
import { AppContext, type AppServices } from '../../../src/app/hooks/context.tsx';
import { TOUR_STEPS } from '../../../src/app/tour/steps.ts';
import { strings } from '../../../src/i18n/allStrings.ts';
import { connectEngine } from '../../../src/state/engineSync.ts';
import type { Lesson } from '../../../src/state/lesson.ts';
import { DEFAULT_LESSON } from '../../../src/state/lesson.ts';
import { createAppStore, type AppStore } from '../../../src/state/store.ts';
import { syncClient } from '../../worker/syncClient.ts';

// The panels are covered by tests/panels and Explainer.test.tsx; here a stand-in marks where they go.
vi.mock('../../../src/app/components/Explainer.tsx', () => ({
  Explainer: () => <div data-testid="explainer-stand-in" />,
}));

const services: AppServices = { copyLink: async () => 'link' };
const en = strings.en;

function renderApp(lesson: Lesson = DEFAULT_LESSON): AppStore {
  const store = createAppStore(undefined, undefined, lesson);
  connectEngine(store, syncClient);
  // jsdom has no layout: the tour's scrolling is a no-op there.
  Element.prototype.scrollIntoView = () => {};
  render(
    <AppContext.Provider value={{ store, services }}>
      <App />
    </AppContext.Provider>,
  );
  return store;
}

// Renders of the whole shell take seconds in jsdom on a busy machine (step 1 loads 10,010 candidates).
vi.setConfig({ testTimeout: 60_000 });
afterEach(cleanup);

describe('baseline controls', () => {
  it('pin shows A, now and the difference; swap and clear are disabled until A exists', () => {
    const store = renderApp();
    expect(screen.getByRole('button', { name: en['baseline.swap'] })).toHaveProperty(
      'disabled',
      true,
    );
    expect(screen.queryByTestId('loss-baseline-value')).toBeNull();
    fireEvent.click(screen.getByTestId('pin-baseline'));
    const loss = screen.getByTestId('loss-value').textContent;
    expect(screen.getByTestId('loss-baseline-value').textContent).toBe(loss);
    expect(screen.getByTestId('loss-diff-value').textContent).toBe('0');
    act(() => store.getState().setParams({ lambdaNeg: 0.5 }));
    expect(screen.getByTestId('loss-baseline-value').textContent).toBe(loss);
    expect(screen.getByTestId('loss-now-value').textContent).not.toBe(loss);
    expect(screen.getByTestId('baseline-differs').textContent).toMatch(/λ− .* → 0\.5/);
    fireEvent.click(screen.getByRole('button', { name: en['baseline.swap'] }));
    expect(screen.getByTestId('loss-now-value').textContent).toBe(loss);
    fireEvent.click(screen.getByRole('button', { name: en['baseline.clear'] }));
    expect(screen.queryByTestId('loss-baseline-value')).toBeNull();
  });
});

describe('guided tour', () => {
  it('opens at step 1, moves with Next and Back, and Escape closes it keeping the step', () => {
    const store = renderApp();
    fireEvent.click(screen.getByRole('button', { name: en['tour.start'] }));
    const dialog = screen.getByRole('dialog', { name: en[TOUR_STEPS[0]!.title] });
    expect(dialog.textContent).toContain(en[TOUR_STEPS[0]!.tryThis]);
    expect(store.getState().source).toMatchObject({ preset: TOUR_STEPS[0]!.preset });
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(store.getState().lesson.tour).toBe(3);
    expect(screen.getByRole('dialog', { name: en[TOUR_STEPS[2]!.title] })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(store.getState().lesson.tour).toBe(2);
    const kept = store.getState().source;
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().lesson.tour).toBeNull();
    expect(store.getState().source).toBe(kept);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: en['tour.start'] }));
  });

  it('a step link opens that step and sets its settings', () => {
    const store = renderApp({ ...DEFAULT_LESSON, tour: 7 });
    expect(screen.getByRole('dialog', { name: en[TOUR_STEPS[6]!.title] })).toBeTruthy();
    expect(store.getState().source).toMatchObject({ preset: TOUR_STEPS[6]!.preset });
  });
});

describe('lesson links', () => {
  it('hide= leaves out the named blocks', () => {
    renderApp({ ...DEFAULT_LESSON, hide: ['controls', 'readouts'] });
    expect(screen.queryByRole('slider', { name: /^λ− \(/ })).toBeNull();
    expect(screen.queryByTestId('loss-value')).toBeNull();
    expect(screen.queryByTestId('pin-baseline')).toBeNull();
    expect(screen.queryByRole('button', { name: /Parameters/ })).toBeNull();
    expect(screen.getByTestId('explainer-stand-in')).toBeTruthy();
  });

  it('embed= shows the panels only, with a link back to the full app without embed=', async () => {
    renderApp({ ...DEFAULT_LESSON, embed: 'smoothing' });
    expect(await screen.findByTestId('explainer-stand-in')).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    const link = screen.getByRole('link', { name: en['embed.full'] });
    expect(link.getAttribute('href')).toMatch(/#v=1&set=paper-default&seed=1$/);
  });
});

describe('parameters dock', () => {
  it('the button names Parameters, opens a labelled drawer with the sliders, Escape closes it', () => {
    renderApp();
    const button = screen.getByRole('button', { name: /Parameters/ });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getAllByRole('slider', { name: /^λ− \(/ })).toHaveLength(1);
    fireEvent.click(button);
    const drawer = screen.getByRole('dialog', { name: en['dock.title'] });
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.getAttribute('aria-controls')).toBe(drawer.id);
    // One set of sliders: the page's own give way while the drawer holds them.
    const sliders = screen.getAllByRole('slider', { name: /^λ− \(/ });
    expect(sliders).toHaveLength(1);
    expect(drawer.contains(sliders[0]!)).toBe(true);
    expect(drawer.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog', { name: en['dock.title'] })).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
