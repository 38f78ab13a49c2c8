// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PreferenceControls } from '../../../src/app/components/PreferenceControls.tsx';
import { AppContext } from '../../../src/app/hooks/context.tsx';
import { createAppStore } from '../../../src/state/store.ts';
import { connectEngine } from '../../../src/state/engineSync.ts';
import { syncClient } from '../../worker/syncClient.ts';

afterEach(cleanup);

function renderControls(lang: 'en' | 'zh', answered: boolean) {
  const store = createAppStore();
  store.getState().setLang(lang);
  if (answered) connectEngine(store, syncClient); // answers at once
  render(
    <AppContext.Provider value={{ store, services: { copyLink: async () => '' } }}>
      <PreferenceControls />
    </AppContext.Provider>,
  );
  const select = screen.getAllByRole('combobox')[0]!;
  return () =>
    within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
}

describe('the language picker', () => {
  it("writes the other language's name after the engine's first answer, its code until then", async () => {
    expect(renderControls('en', false)()).toEqual(['English', 'zh']);
    cleanup();
    const options = renderControls('en', true);
    // the first idle period after the answer (jsdom: a 16 ms timeout)
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(options()).toEqual(['English', '中文']);
  });

  it("writes the page's own language by name at once", () => {
    expect(renderControls('zh', false)()).toEqual(['en', '中文']);
  });
});
