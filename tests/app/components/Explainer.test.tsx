// @vitest-environment jsdom
/**
 * The explainer wired into the app (jsdom): the eight panels in the paper's order, linked highlighting
 * between panels and the candidate table, editing from a panel and from the table (undoable), the
 * language switch, and the preferences on <html>. A five-candidate set keeps jsdom fast.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/components/App.tsx';
import { AppContext, type AppServices } from '../../../src/app/hooks/context.tsx';
import { connectPreferences, loadPreferences } from '../../../src/app/preferences.ts';
import { logitOf } from '../../../src/viz/edit.ts';
import { sigmoid } from '../../../src/engine/index.ts';
import { connectEngine } from '../../../src/state/engineSync.ts';
import { DEFAULT_APP_PARAMS } from '../../../src/params/table.ts';
import { PREFERENCES_KEY } from '../../../src/state/preferences.ts';
import { createAppStore, type AppStore } from '../../../src/state/store.ts';
import type { CandidateSource } from '../../../src/data/types.ts';
import { syncClient } from '../../worker/syncClient.ts';

/** docs/maths.md §6: logits [2, −1, 0.5, −3, −2], targets [1, 1, 0, 0, 0]. */
const sanity: CandidateSource = {
  kind: 'explicit',
  name: 'sanity',
  base: {
    R: 5,
    K: 1,
    logits: Float64Array.of(2, -1, 0.5, -3, -2),
    targets: Int32Array.of(1, 1, 0, 0, 0),
  },
  edits: [],
};

const services: AppServices = { copyLink: async () => 'link' };

/** The app on `source`, once the eight panels and the editor are there (lazily loaded chunks). */
async function renderApp(source: CandidateSource = sanity): Promise<AppStore> {
  const store = createAppStore({ params: DEFAULT_APP_PARAMS, source });
  connectEngine(store, syncClient);
  render(
    <AppContext.Provider value={{ store, services }}>
      <App />
    </AppContext.Provider>,
  );
  await waitFor(() => expect(panelTitles()).toHaveLength(8), { timeout: 10_000 });
  // The candidate editor is fetched in the first idle period (Later.tsx).
  await screen.findByRole('region', { name: 'Edit the candidates' }, { timeout: 10_000 });
  return store;
}

/** The panels' titles ("1 · …" to "8 · …") in document order. */
const panelTitles = () =>
  screen
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent ?? '')
    .filter((t) => /^\d · /.test(t));

/** The panel section titled `title` (its heading names it). */
const panel = (title: RegExp) => screen.getByRole('region', { name: title });

/** The gradient table cell of flat entry `flat`, as a number. */
const gradCell = (flat: number) => Number(screen.getByTestId(`grad-${flat}`).textContent);

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.lang = '';
  localStorage.clear();
});

describe('the explainer in the app', { timeout: 20_000 }, () => {
  it('shows the eight panels in the paper’s order, after the readouts', async () => {
    await renderApp();
    expect(panelTitles().map((t) => t.slice(0, 1))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
    ]);
    const readouts = screen.getByRole('region', { name: 'Readouts' });
    const first = panel(/^1 · /);
    expect(readouts.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('hovering a candidate in a panel highlights its line in the table; leaving clears it', async () => {
    const store = await renderApp();
    const dot = panel(/^1 · /).querySelector('[data-index="2"]')!;
    fireEvent.pointerEnter(dot);
    expect(store.getState().view.hovered).toBe(2);
    expect(document.querySelector('tr[data-flat="2"]')?.className).toBe('hovered');
    fireEvent.pointerLeave(dot);
    expect(store.getState().view.hovered).toBeNull();
  });

  it('focusing a table line highlights that candidate in the panels', async () => {
    const store = await renderApp();
    const input = screen.getByRole('textbox', { name: 'row 3, logit x' });
    fireEvent.focus(input);
    expect(store.getState().view.hovered).toBe(3);
    // Panel 1 draws the hovered dot larger, with the highlight colour.
    const dot = panel(/^1 · /).querySelector('[data-index="3"] circle:last-child')!;
    expect(dot.getAttribute('stroke')).toBe('var(--highlight)');
  });

  it('a key nudge on a panel’s candidate moves its score, changes its gradient, and undoes', async () => {
    const store = await renderApp();
    const before = gradCell(2);
    const beforeText = screen.getByTestId('grad-2').textContent;
    const dot = panel(/^1 · /).querySelector('[data-index="2"]')!;
    fireEvent.keyDown(dot, { key: 'ArrowRight' });
    fireEvent.keyUp(dot, { key: 'ArrowRight' });
    const expected = logitOf(sigmoid(0.5) + 0.01);
    expect(store.getState().source.edits).toEqual([
      { op: 'setLogit', row: 2, cls: 0, logit: expected },
    ]);
    expect(Math.abs(gradCell(2) - before)).toBeGreaterThan(1e-6);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.getState().source).toBe(sanity);
    expect(screen.getByTestId('grad-2').textContent).toBe(beforeText); // the same set again
  });

  it('Enter on a candidate cycles its label (negative → positive), shown in the table', async () => {
    const store = await renderApp();
    const dot = panel(/^1 · /).querySelector('[data-index="3"]')!;
    fireEvent.keyDown(dot, { key: 'Enter' });
    expect(store.getState().candidates?.targets[3]).toBe(1);
    const select = screen.getByRole('combobox', { name: 'row 3, label' });
    expect((select as HTMLSelectElement).value).toBe('1');
    expect(screen.getByTestId('counts-value').textContent).toBe('3 / 2');
  });

  it('a bad table cell names its row and column and changes nothing; a good one applies', async () => {
    const store = await renderApp();
    const input = screen.getByRole('textbox', { name: 'row 1, logit x' });
    for (const bad of ['', 'abc', '1e999', 'NaN']) {
      fireEvent.change(input, { target: { value: bad } });
      fireEvent.keyDown(input, { key: 'Enter' });
      expect(screen.getByText(/^Row 1, logit x: .*nothing changed\.$/)).toBeDefined();
      expect(store.getState().source).toBe(sanity);
    }
    fireEvent.change(input, { target: { value: '-0.25' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(store.getState().candidates?.logits[1]).toBe(-0.25);
    expect(store.getState().history.past).toHaveLength(1);
  });

  it('scores can be typed instead of logits, strictly inside (0, 1)', async () => {
    const store = await renderApp();
    fireEvent.click(screen.getByRole('radio', { name: 'score p = σ(x)' }));
    const input = screen.getByRole('textbox', { name: 'row 4, score p = σ(x)' });
    fireEvent.change(input, { target: { value: '1' } });
    fireEvent.blur(input);
    expect(
      screen.getByText(/^Row 4, score p = σ\(x\): 1 is not strictly between 0 and 1;/),
    ).toBeDefined();
    expect(store.getState().source).toBe(sanity);
    fireEvent.change(input, { target: { value: '0.75' } });
    fireEvent.blur(input);
    expect(Math.abs(store.getState().candidates!.logits[4] - Math.log(3))).toBeLessThan(1e-15);
  });

  it('adds a candidate with a chosen score and label, and deletes one; both undo', async () => {
    const store = await renderApp();
    fireEvent.change(screen.getByRole('textbox', { name: 'score p of the new candidate' }), {
      target: { value: '0.9' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'label of the new candidate' }), {
      target: { value: '0' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add a candidate' }));
    const set = store.getState().candidates!;
    expect(set.R).toBe(6);
    expect(set.targets[5]).toBe(0);
    expect(Math.abs(sigmoid(set.logits[5]) - 0.9)).toBeLessThan(1e-15);
    expect(screen.getByTestId('counts-value').textContent).toBe('2 / 4');
    fireEvent.click(screen.getByRole('button', { name: 'Delete candidate 0' }));
    expect(store.getState().candidates?.R).toBe(5);
    act(() => store.getState().undo());
    act(() => store.getState().undo());
    expect(store.getState().source).toBe(sanity);
  });

  it('switching to Chinese translates the panels and the controls', async () => {
    const store = await renderApp();
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'zh' },
    });
    expect(store.getState().view.lang).toBe('zh');
    expect(panel(/^1 · 不平衡/)).toBeDefined();
    expect(screen.getByRole('button', { name: '撤销' })).toBeDefined();
    expect(screen.getByRole('combobox', { name: '语言' })).toBeDefined();
    // The slider names keep the symbol first, as in English.
    expect(screen.getByRole('slider', { name: /^λ− \(负样本温度\)$/ })).toBeDefined();
  });

  it('a set too large to list says so instead of a table', async () => {
    const store = createAppStore({
      params: DEFAULT_APP_PARAMS,
      source: { kind: 'generated', preset: 'detection-scale', seed: 1, edits: [] },
    });
    render(
      <AppContext.Provider value={{ store, services }}>
        <App />
      </AppContext.Provider>,
    );
    const editor = await screen.findByRole(
      'region',
      { name: 'Edit the candidates' },
      { timeout: 10_000 },
    );
    expect(within(editor).queryByRole('table')).toBeNull();
    expect(editor.textContent).toMatch(/too many to list/);
  });
});

describe('display preferences on <html>', () => {
  it('apply lang and data-theme (none for system) and are saved for the next visit', () => {
    const store = createAppStore(undefined, loadPreferences(localStorage, ['en-US']));
    const root = document.documentElement;
    const dispose = connectPreferences(store, localStorage, root);
    expect(root.lang).toBe('en');
    expect(root.hasAttribute('data-theme')).toBe(false);
    store.getState().setLang('zh');
    store.getState().setTheme('dark');
    expect(root.lang).toBe('zh');
    expect(root.getAttribute('data-theme')).toBe('dark');
    expect(loadPreferences(localStorage, ['en'])).toEqual({ lang: 'zh', theme: 'dark' });
    store.getState().setTheme('system');
    expect(root.hasAttribute('data-theme')).toBe(false);
    dispose();
  });

  it('a corrupt stored value falls back to the browser language and the system theme', () => {
    localStorage.setItem(PREFERENCES_KEY, '{not json');
    expect(loadPreferences(localStorage, ['zh-TW'])).toEqual({ lang: 'zh', theme: 'system' });
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {},
    };
    expect(loadPreferences(throwing, ['en'])).toEqual({ lang: 'en', theme: 'system' });
  });
});
