// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CandidateTable } from '../../../src/app/components/CandidateTable.tsx';
import { AppContext } from '../../../src/app/hooks/context.tsx';
import type { UiTranslate } from '../../../src/app/hooks/i18n.ts';
import type { CandidateSet } from '../../../src/data/types.ts';
import { createAppStore } from '../../../src/state/store.ts';
import type { EntryDetail } from '../../../src/explain/types.ts';

afterEach(cleanup);

const s = ((key: string, vars?: Record<string, unknown>) =>
  vars ? `${key} ${JSON.stringify(vars)}` : key) as unknown as UiTranslate;
const set = {
  R: 3,
  K: 2,
  logits: Float64Array.from([0.5, -1, 2, 0, -3, 1.5]),
  targets: Int32Array.from([1, 0, 2]),
} as unknown as CandidateSet;
const context = { store: createAppStore(), services: { copyLink: async () => '' } };
const noProblem = () => {};
const positions = Int32Array.from([0, 1, 2, 3, 4, 5]);
const detail = (scale: number) =>
  ({
    gradLogit: Float64Array.from([1, 2, 3, 4, 5, 6], (g) => g * scale),
  }) as unknown as EntryDetail;

function table(d: EntryDetail) {
  return (
    <AppContext.Provider value={context}>
      <CandidateTable
        set={set}
        from={0}
        to={3}
        as="logit"
        detail={d}
        positions={positions}
        hovered={null}
        s={s}
        onProblem={noProblem}
      />
    </AppContext.Provider>
  );
}

describe('the candidate table at a new result', () => {
  it('rewrites only the gradient texts: inputs, selects and buttons are not touched', async () => {
    const view = render(table(detail(1)));
    const root = view.container;
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((ms) => mutations.push(...ms));
    observer.observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    view.rerender(table(detail(2)));
    await Promise.resolve();
    mutations.push(...observer.takeRecords());
    observer.disconnect();
    expect(mutations.length).toBeGreaterThan(0);
    for (const m of mutations) {
      expect(`${m.type} ${m.attributeName} ${(m.target as Element).nodeName}`).toBe(
        'characterData null #text',
      );
      expect(m.target.parentElement?.className).toBe('live-num');
    }
    expect(root.querySelector('[data-testid="grad-5"]')?.textContent).toBe('12');
  });
});
