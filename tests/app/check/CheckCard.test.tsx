// @vitest-environment jsdom
// The check card, the export card and Copy link's case file in jsdom (the tools handler runs on this
// thread: jsdom has no Worker): a mismatching gradient gives "mismatch", loads the case and marks its
// entry; a bad check keeps the set; CSV and case downloads carry the store's set; a set too large
// for a link makes Copy link offer case-download.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CheckCard } from '../../../src/app/components/check/CheckCard.tsx';
import { useHighlight } from '../../../src/app/components/check/highlight.ts';
import { ExportCard } from '../../../src/app/components/export/ExportCard.tsx';
import { Toolbar } from '../../../src/app/components/Toolbar.tsx';
import { AppContext, type AppServices } from '../../../src/app/hooks/context.tsx';
import { DEFAULT_PARAMS, drLoss } from '../../../src/engine/index.ts';
import { connectEngine } from '../../../src/state/engineSync.ts';
import { createAppStore, type AppStore } from '../../../src/state/store.ts';
import { syncClient } from '../../worker/syncClient.ts';

const services: AppServices = { copyLink: async () => 'link' };

/** Blobs handed to downloads, by file name. */
let downloads: Map<string, Blob>;

beforeEach(() => {
  downloads = new Map();
  let n = 0;
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = vi.fn((b: Blob) => {
    const url = `blob:test/${n++}`;
    blobs.set(url, b);
    return url;
  }) as typeof URL.createObjectURL;
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.set(this.download, blobs.get(this.href)!);
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  useHighlight.getState().clear();
});

function renderCards(store: AppStore = createAppStore()) {
  connectEngine(store, syncClient);
  render(
    <AppContext.Provider value={{ store, services }}>
      <Toolbar />
      <CheckCard />
      <ExportCard />
    </AppContext.Provider>,
  );
  return store;
}

const logits = [2, -1, 0.5, -3, -2];
const targets = [1, 1, 0, 0, 0];
const official = drLoss(Float64Array.from(logits), Int32Array.from(targets), 1, DEFAULT_PARAMS);

describe('check card', () => {
  it('a gradient off in entry 2: mismatch, the case loaded, entry 2 marked first', async () => {
    const store = renderCards();
    const grad = Array.from(official.gradLogits);
    grad[2] += 0.1;
    fireEvent.change(screen.getByTestId('check-input'), {
      target: {
        value: JSON.stringify({ logits, targets, yours: { loss: official.result.loss, grad } }),
      },
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('check-run'));
    });
    await waitFor(() =>
      expect(screen.getByTestId('check-verdict').dataset.verdict).toBe('mismatch'),
    );
    const source = store.getState().source;
    expect(source.kind === 'explicit' && Array.from(source.base.logits)).toEqual(logits);
    const h = useHighlight.getState();
    expect(h.source).toBe(source);
    expect(h.indices?.[0]).toBe(2);
    expect(screen.getByTestId('check-marked').textContent).toContain('rows 2');
  });

  it('the official numbers: match, variant official, nothing marked', async () => {
    renderCards();
    fireEvent.change(screen.getByTestId('check-input'), {
      target: {
        value: JSON.stringify({
          logits,
          targets,
          yours: { loss: official.result.loss, grad: Array.from(official.gradLogits) },
        }),
      },
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('check-run'));
    });
    await waitFor(() => expect(screen.getByTestId('check-verdict').dataset.verdict).toBe('match'));
    expect(screen.getByTestId('check-variant').textContent).toBe('official');
    expect(useHighlight.getState().indices).toHaveLength(0);
  });

  it('a malformed check names the problem and keeps the set', async () => {
    const store = renderCards();
    const before = store.getState().source;
    fireEvent.change(screen.getByTestId('check-input'), { target: { value: '{"logits": [1]' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('check-run'));
    });
    await waitFor(() =>
      expect(screen.getByTestId('check-error').textContent).toMatch(/not valid JSON/),
    );
    expect(store.getState().source).toBe(before);
  });
});

describe('export card and case download', () => {
  it('CSV and case JSON carry the store set', async () => {
    const store = renderCards();
    const set = store.getState().candidates!;
    await act(async () => {
      fireEvent.click(screen.getByTestId('export-csv'));
    });
    await waitFor(() => expect(downloads.has('dr_loss_candidates.csv')).toBe(true));
    const csv = await downloads.get('dr_loss_candidates.csv')!.text();
    expect(csv.split('\n')[0]).toMatch(/^row,class,label,logit,p,q,gradDR,gradFocal,gradBCE/);
    expect(csv.trimEnd().split('\n')).toHaveLength(set.R * set.K + 1);
    await act(async () => {
      fireEvent.click(screen.getByTestId('export-case'));
    });
    await waitFor(() => expect(downloads.has('dr_loss_case.json')).toBe(true));
    const json = JSON.parse(await downloads.get('dr_loss_case.json')!.text()) as {
      targets: number[];
    };
    expect(json.targets).toEqual(Array.from(set.targets));
  });

  it('a set over 5,000 entries: Copy link offers case-download, a preset does not', async () => {
    const store = renderCards();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    });
    expect(screen.queryByTestId('case-download')).toBeNull();
    const R = 6000;
    act(() =>
      store.getState().setSource({
        kind: 'explicit',
        name: 'big',
        base: {
          R,
          K: 1,
          logits: Float64Array.from({ length: R }, (_, i) => Math.sin(i)),
          targets: Int32Array.from({ length: R }, (_, i) => (i % 10 === 0 ? 1 : 0)),
        },
        edits: [],
      }),
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    });
    expect(screen.getByTestId('link-too-long').textContent).toContain('6000×1');
    await act(async () => {
      fireEvent.click(screen.getByTestId('case-download'));
    });
    await waitFor(() => expect(downloads.has('dr_loss_case.json')).toBe(true));
    const json = JSON.parse(await downloads.get('dr_loss_case.json')!.text()) as {
      logits: number[];
    };
    expect(json.logits).toHaveLength(R);
  });

  it('a carried set whose link passes 8,000 characters: Copy link says so and offers the case', async () => {
    const store = renderCards();
    const R = 1500;
    act(() =>
      store.getState().setSource({
        kind: 'explicit',
        name: 'random',
        base: {
          R,
          K: 1,
          logits: Float64Array.from(
            { length: R },
            (_, i) => (Math.sin(i * 12.9898) * 43758.5453) % 6,
          ),
          targets: Int32Array.from({ length: R }, (_, i) => (i % 10 === 0 ? 1 : 0)),
        },
        edits: [],
      }),
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    });
    expect(screen.getByTestId('link-too-long').textContent).toMatch(/would be [\d,]+ characters/);
    expect(screen.getByTestId('case-download')).toBeTruthy();
  });
});
