// @vitest-environment jsdom
/**
 * The ε input in the page: found by its accessible name (it contains "ε−"), reached and committed from
 * the keyboard (type, Enter), and the readout `epsilon-minus-value` then shows KL(q−‖o−) = ε from the
 * engine to ≥ 6 significant digits. Notices it gives are keys + values: they follow the language.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/components/App.tsx';
import { AppContext, type AppServices } from '../../../src/app/hooks/context.tsx';
import { connectEngine } from '../../../src/state/engineSync.ts';
import { createAppStore, type AppStore } from '../../../src/state/store.ts';
import { syncClient } from '../../worker/syncClient.ts';

vi.mock('../../../src/app/components/Explainer.tsx', () => ({ Explainer: () => null }));

const services: AppServices = { copyLink: async () => 'link' };

function renderApp(store: AppStore = createAppStore()) {
  connectEngine(store, syncClient);
  render(
    <AppContext.Provider value={{ store, services }}>
      <App />
    </AppContext.Provider>,
  );
  return store;
}

afterEach(cleanup);

describe('ε as an input', () => {
  it('typing ε− = 1 and Enter sets λ− so that the engine’s KL(q−‖o−) is 1 to 1e-6', async () => {
    const store = renderApp();
    // The ε controls (under the fold) come in an idle period after the first readout.
    const box = await screen.findByRole('textbox', { name: /^ε−/ });
    box.focus();
    expect(document.activeElement).toBe(box);
    fireEvent.change(box, { target: { value: '1' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    // The inversion is its own chunk (it runs the engine here), fetched at the first use.
    await vi.waitFor(() => expect(store.getState().params.lambdaNeg).not.toBe(0.1 / Math.log(3.5)));
    const shown = screen.getByTestId('epsilon-minus-value').textContent ?? '';
    expect(Math.abs(Number(shown) - 1)).toBeLessThan(1e-6);
    const kl = store.getState().shown?.result.klNeg ?? NaN;
    expect(Math.abs(kl - 1)).toBeLessThan(1e-6);
    expect(store.getState().params.lambdaNeg).not.toBe(0.1 / Math.log(3.5));
    // one undo step brings the paper's λ− back
    act(() => store.getState().undo());
    expect(store.getState().params.lambdaNeg).toBeCloseTo(0.1 / Math.log(3.5), 15);
  });

  it('shows the current ε− with at least 6 significant digits', async () => {
    const store = renderApp();
    const text = (await screen.findByTestId('epsilon-minus-value')).textContent ?? '';
    const digits = text.replace('.', '').replace(/^0+/, '');
    expect(digits.length).toBeGreaterThanOrEqual(6);
    expect(Number(text)).toBeCloseTo(store.getState().shown?.result.klNeg ?? NaN, 6);
  });

  it('a refused ε gives a notice in Chinese, which switches to English with the language', async () => {
    const store = renderApp();
    act(() => store.getState().setLang('zh'));
    const box = await screen.findByRole('textbox', { name: /^ε−/ });
    fireEvent.change(box, { target: { value: '-1' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    const region = screen.getByTestId('notices');
    const alert = await vi.waitFor(() => within(region).getByRole('alert'));
    expect(alert.textContent).toBe('ε−：请输入 ≥ 0 的数');
    act(() => store.getState().setLang('en'));
    expect(within(region).getByRole('alert').textContent).toBe('ε−: type a number ≥ 0');
  });
});
