// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/app/components/App.tsx';
import { AppContext, type AppServices } from '../../../src/app/hooks/context.tsx';
import { materialize } from '../../../src/data/index.ts';
import { drLoss } from '../../../src/engine/index.ts';
import { connectEngine } from '../../../src/state/engineSync.ts';
import { DEFAULT_APP_PARAMS, toEngineParams } from '../../../src/params/table.ts';
import { createAppStore, type AppStore } from '../../../src/state/store.ts';
import { syncClient } from '../../worker/syncClient.ts';

// The shell's tests do not need the eight panels (tests/app/Explainer.test.tsx covers them, on a
// small set): jsdom takes seconds to lay out their thousands of SVG marks per render.
vi.mock('../../../src/app/components/Explainer.tsx', () => ({ Explainer: () => null }));

let copied: string[] = [];
const services: AppServices = {
  copyLink: async () => {
    copied.push('link');
    return 'link';
  },
};

function renderApp(store: AppStore = createAppStore()) {
  connectEngine(store, syncClient);
  render(
    <AppContext.Provider value={{ store, services }}>
      <App />
    </AppContext.Provider>,
  );
  return store;
}

/** The loss the engine gives directly for the store's current choice. */
function directLoss(store: AppStore) {
  const { params, source } = store.getState();
  const set = materialize(source);
  return drLoss(set.logits, set.targets, set.K, toEngineParams(params)).result;
}

const readout = (id: string) => Number(screen.getByTestId(id).textContent);

afterEach(() => {
  cleanup();
  copied = [];
});

describe('the app shell', () => {
  it('shows the loss and P̂± of the engine with 10 significant digits, and status ready', () => {
    const store = renderApp();
    const direct = directLoss(store);
    expect(screen.getByTestId('status').textContent).toBe('ready');
    expect(Math.abs(readout('loss-value') - direct.loss)).toBeLessThanOrEqual(5e-10 * direct.loss);
    expect(Math.abs(readout('p-plus-value') - direct.pPlus)).toBeLessThanOrEqual(5e-10);
    expect(Math.abs(readout('p-minus-value') - direct.pMinus)).toBeLessThanOrEqual(5e-10);
  });

  it('every parameter has a slider and a number box whose names contain its symbol', () => {
    renderApp();
    for (const symbol of ['γ', 'λ+', 'λ−', 'L', 'τ', 'ρ']) {
      const slider = screen.getByRole('slider', {
        name: new RegExp(`^${symbol.replace('+', '\\+')} \\(`),
      });
      expect(slider.getAttribute('type')).toBe('range');
      expect(screen.getByRole('spinbutton', { name: `${symbol} value` })).toBeDefined();
      expect(
        screen.getByRole('button', { name: new RegExp(`^Reset ${symbol.replace('+', '\\+')} `) }),
      ).toBeDefined();
    }
    expect(screen.getByRole('combobox', { name: 'surrogate ℓ' })).toBeDefined();
    expect(screen.getByRole('combobox', { name: 'original distribution o' })).toBeDefined();
  });

  it('λ moves on a log scale: the slider position is log10 of the value', () => {
    const store = renderApp();
    const slider = screen.getByRole('slider', { name: /^λ− \(/ });
    fireEvent.change(slider, { target: { value: '-1' } });
    expect(store.getState().params.lambdaNeg).toBeCloseTo(0.1, 14);
    expect(Math.abs(readout('loss-value') - directLoss(store).loss)).toBeLessThan(1e-9);
  });

  it('a drag is one undo step; undo and redo buttons round-trip the readouts', () => {
    const store = renderApp();
    const start = screen.getByTestId('loss-value').textContent;
    const slider = screen.getByRole('slider', { name: /^γ \(/ });
    for (const v of ['0.6', '0.7', '0.8']) fireEvent.change(slider, { target: { value: v } });
    fireEvent.pointerUp(slider);
    const dragged = screen.getByTestId('loss-value').textContent;
    expect(dragged).not.toBe(start);
    expect(store.getState().history.past).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByTestId('loss-value').textContent).toBe(start);
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    expect(screen.getByTestId('loss-value').textContent).toBe(dragged);
  });

  it('Ctrl+Z undoes outside text fields and leaves a focused number box alone', () => {
    const store = renderApp();
    act(() => store.getState().setParams({ tau: 2 }));
    const box = screen.getByRole('spinbutton', { name: 'τ value' });
    fireEvent.keyDown(box, { key: 'z', ctrlKey: true });
    expect(store.getState().params.tau).toBe(2);
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(store.getState().params.tau).toBe(DEFAULT_APP_PARAMS.tau);
    fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(store.getState().params.tau).toBe(2);
  });

  it('typing an in-range number applies it exactly, keystroke by keystroke', () => {
    const store = renderApp();
    const box = screen.getByRole('spinbutton', { name: 'λ− value' });
    fireEvent.change(box, { target: { value: '0.0123456789012345' } });
    expect(store.getState().params.lambdaNeg).toBe(0.0123456789012345);
    fireEvent.blur(box);
    expect((box as HTMLInputElement).value).toBe('0.0123456789012345');
  });

  it('an emptied number box names the parameter, applies nothing and restores the value', () => {
    const store = renderApp();
    const before = store.getState().params.L;
    const box = screen.getByRole('spinbutton', { name: 'L value' });
    fireEvent.change(box, { target: { value: '' } });
    expect(screen.getByText(/L \(logistic sharpness\): empty, value not applied/)).toBeDefined();
    fireEvent.blur(box);
    expect(store.getState().params.L).toBe(before);
    expect((box as HTMLInputElement).value).toBe(String(before));
    const alert = within(screen.getByTestId('notices')).getByRole('alert');
    expect(alert.textContent).toMatch(/^L \(logistic sharpness\): empty/);
  });

  it('an out-of-range number is clamped on commit, with a notice', () => {
    const store = renderApp();
    const box = screen.getByRole('spinbutton', { name: 'ρ value' });
    fireEvent.change(box, { target: { value: '7' } });
    expect(store.getState().params.rho).toBe(DEFAULT_APP_PARAMS.rho);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(store.getState().params.rho).toBe(1);
    expect(screen.getByTestId('notices').textContent).toMatch(
      /ρ \(quadratic width\): 7 is outside/,
    );
  });

  it('reset puts a parameter back to the paper’s default', () => {
    const store = renderApp();
    act(() => store.getState().setParams({ lambdaPos: 3 }));
    fireEvent.click(screen.getByRole('button', { name: /^Reset λ\+ / }));
    expect(store.getState().params.lambdaPos).toBe(1);
  });

  it('picking a preset and a seed changes the candidates; a bad seed is refused with a notice', async () => {
    const store = renderApp();
    // The picker (below the parameters) comes in an idle period after the first readout.
    fireEvent.change(await screen.findByRole('combobox', { name: 'Candidate set' }), {
      target: { value: 'hard-negatives' },
    });
    expect(store.getState().source).toMatchObject({ preset: 'hard-negatives', seed: 1 });
    const seed = screen.getByRole('spinbutton', { name: 'Seed' });
    fireEvent.change(seed, { target: { value: '77' } });
    fireEvent.blur(seed);
    expect(store.getState().source).toMatchObject({ preset: 'hard-negatives', seed: 77 });
    fireEvent.change(seed, { target: { value: '2.5' } });
    fireEvent.blur(seed);
    expect(store.getState().source).toMatchObject({ seed: 77 });
    expect(screen.getByTestId('notices').textContent).toMatch(/seed: "2.5"/);
    expect(Math.abs(readout('loss-value') - directLoss(store).loss)).toBeLessThan(1e-9);
  });

  it('the hard-negative prior shows its n̂ box', () => {
    renderApp();
    expect(screen.queryByRole('spinbutton', { name: 'n̂ value' })).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'original distribution o' }), {
      target: { value: 'hardNegative' },
    });
    expect(screen.getByRole('spinbutton', { name: 'n̂ value' })).toBeDefined();
  });

  it('notices render text, never HTML, and can be dismissed', () => {
    const store = renderApp();
    act(() => store.getState().notify('<img src=x onerror=alert(1)> bad', 'error'));
    const region = screen.getByTestId('notices');
    expect(region.getAttribute('role')).toBe('status');
    expect(region.querySelector('img')).toBeNull();
    expect(region.textContent).toContain('<img src=x onerror=alert(1)> bad');
    fireEvent.click(screen.getByRole('button', { name: /^Dismiss notice/ }));
    expect(store.getState().notices).toEqual([]);
  });

  it('pasting a JSON case imports it with its params as one undo step (§6 sanity case)', async () => {
    const store = renderApp();
    // The import card comes in an idle period after the first readout.
    fireEvent.change(await screen.findByLabelText(/paste it here/), {
      target: { value: '{"logits": [2, -1, 0.5, -3, -2], "targets": [1, 1, 0, 0, 0]}' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import pasted text' }));
    // The parsers are their own chunk, fetched at the first import.
    await vi.waitFor(() => expect(store.getState().source.kind).toBe('explicit'));
    // docs/maths.md §6: DR = 2.5625233, P̂+ = 0.484092, P̂− = 0.621115 (as many digits as given).
    expect(Math.abs(readout('loss-value') - 2.5625233)).toBeLessThan(1e-7);
    expect(Math.abs(readout('p-plus-value') - 0.484092)).toBeLessThan(1e-6);
    expect(Math.abs(readout('p-minus-value') - 0.621115)).toBeLessThan(1e-6);
    expect(store.getState().source.kind).toBe('explicit');
    expect(screen.getByTestId('notices').textContent).toContain('Imported pasted text');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().source.kind).toBe('generated');
  });

  it('a broken import names the field and keeps what was loaded', async () => {
    const store = renderApp();
    const before = store.getState().source;
    const loss = screen.getByTestId('loss-value').textContent;
    fireEvent.change(await screen.findByLabelText(/paste it here/), {
      target: { value: '{"logits": [1, "x"], "targets": [1, 0]}' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import pasted text' }));
    const alert = await vi.waitFor(() => within(screen.getByTestId('notices')).getByRole('alert'));
    expect(alert.textContent).toMatch(/logits\[1\]/);
    expect(store.getState().source).toBe(before);
    expect(screen.getByTestId('loss-value').textContent).toBe(loss);
  });

  it('a CSV file through the file input becomes the candidate set', async () => {
    const store = renderApp();
    const file = new File(['score,label\n0.9,1\n0.2,0\n0.4,0\n'], 'three.csv', {
      type: 'text/csv',
    });
    const input = await screen.findByLabelText(/JSON case/);
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await vi.waitFor(() => expect(store.getState().source.kind).toBe('explicit'));
    const s = store.getState().source;
    expect(s.kind === 'explicit' && s.name).toBe('three.csv');
    expect(s.kind === 'explicit' && s.base.R).toBe(3);
  });

  it('Copy link asks the services for the link', async () => {
    renderApp();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    });
    expect(copied).toEqual(['link']);
    expect(screen.getByText('Link copied')).toBeDefined();
  });
});
