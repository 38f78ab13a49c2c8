// @vitest-environment jsdom
/**
 * The candidate editor at a new result of the same set: its table follows (the gradients), the form
 * above it (add a candidate, edit as logit or score, the pager) is not rendered again. Rendered
 * again, React writes a controlled input's name and type back, and the page restyles those inputs:
 * four times per result during a drag, as each deferred value in the editor arrived.
 */
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CandidateEditor } from '../../../src/app/components/CandidateEditor.tsx';
import { AppContext } from '../../../src/app/hooks/context.tsx';
import { explain } from '../../../src/explain/index.ts';
import { DEFAULT_APP_PARAMS } from '../../../src/params/table.ts';
import { createAppStore } from '../../../src/state/store.ts';
import type { ClientResult } from '../../../src/worker/client.ts';

afterEach(cleanup);

function resultFor(store: ReturnType<typeof createAppStore>, gen: number, lambdaNeg: number) {
  const set = store.getState().candidates!;
  const params = { ...DEFAULT_APP_PARAMS, lambdaNeg };
  const explained = explain(set, params);
  const result: ClientResult = {
    type: 'result',
    gen,
    result: explained.result,
    info: { R: set.R, K: set.K, nPos: explained.pos.n, nNeg: explained.neg.n },
    params,
    explained,
    loadMs: 0,
    evaluateMs: 0,
    latest: true,
    roundTripMs: 0,
  };
  return result;
}

describe('the candidate editor at a new result', () => {
  it('updates the table and leaves the form above it untouched', async () => {
    const store = createAppStore();
    const context = { store, services: { copyLink: async () => '' } };
    act(() => store.getState().engineResult(resultFor(store, 1, 0.1)));
    const view = render(
      <AppContext.Provider value={context}>
        <CandidateEditor />
      </AppContext.Provider>,
    );
    const section = view.container.querySelector('section')!;
    const table = section.querySelector('.table-scroll')!;
    // Its rows mount a step per task: let them all arrive first (the page's count stops growing).
    let rows = -1;
    while (rows !== table.querySelectorAll('tbody tr').length) {
      rows = table.querySelectorAll('tbody tr').length;
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, 100));
      });
    }
    expect(rows).toBeGreaterThan(0);
    const cellsBefore = table.textContent;

    const outside: MutationRecord[] = [];
    const observer = new MutationObserver((records) =>
      outside.push(...records.filter((r) => !table.contains(r.target))),
    );
    observer.observe(section, {
      subtree: true,
      attributes: true,
      characterData: true,
      childList: true,
    });
    act(() => store.getState().engineResult(resultFor(store, 2, 0.5)));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    observer.disconnect();

    expect(table.textContent).not.toBe(cellsBefore); // the gradients moved
    expect(
      outside.map((r) => `${r.type} ${r.attributeName ?? ''} <${(r.target as Element).localName}>`),
    ).toEqual([]);
  });
});
