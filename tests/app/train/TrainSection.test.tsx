// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TrainSection, fmt7 } from '../../../src/app/components/train/TrainSection.tsx';
import { trainSummary } from '../../../src/app/components/train/summary.ts';
import { AppContext, type AppServices } from '../../../src/app/hooks/context.tsx';
import { t } from '../../../src/i18n/strings.ts';
import { toEngineParams } from '../../../src/params/table.ts';
import { createAppStore } from '../../../src/state/store.ts';
import { trainRuns } from '../../../src/train/index.ts';
import { trainDataOf, trainSpecOf } from '../../../src/worker/trainSetup.ts';

const services: AppServices = { copyLink: async () => 'link' };

afterEach(cleanup);

describe('Train section (jsdom: no worker, the same handler on the main thread)', () => {
  it('starts when asked, shows the metrics of the step shown and the sentence from them', async () => {
    const store = createAppStore();
    store.getState().setTrainSetup({ anchors: 400, imbalance: 20, steps: 8 });
    render(
      <AppContext.Provider value={{ store, services }}>
        <TrainSection />
      </AppContext.Provider>,
    );
    // Not started until it is seen or asked for (jsdom has no IntersectionObserver).
    expect(screen.getByTestId('train-computed').textContent).toMatch(/^computed 0 of 8/);
    fireEvent.click(screen.getByTestId('train-step-once'));
    await waitFor(
      () => expect(screen.getByTestId('train-computed').textContent).toMatch(/8 of 8/),
      {
        timeout: 10_000,
      },
    );
    expect(screen.getByTestId('train-step').textContent).toBe('1');
    const st = store.getState();
    const setup = st.train.setup;
    const expected = trainRuns(
      trainSpecOf(setup, toEngineParams(st.params), trainDataOf(setup, null).data),
    );
    for (const run of ['dr', 'focal', 'bce'] as const) {
      expect(screen.getByTestId(`train-ap-${run}`).textContent).toBe(
        fmt7(expected.runs[run]!.ap[1]),
      );
      expect(screen.getByTestId(`train-auc-${run}`).textContent).toBe(
        fmt7(expected.runs[run]!.auc[1]),
      );
    }
    const at = (['dr', 'focal', 'bce'] as const).map((run) => ({
      run,
      ap: expected.runs[run]!.ap[1],
      recall05: expected.runs[run]!.recall[0][1],
      recall5: expected.runs[run]!.recall[1][1],
    }));
    expect(screen.getByTestId('train-summary').textContent).toBe(
      trainSummary(t('en'), 1, at, true),
    );

    // The scrubber is a slider named for the step, in either language.
    expect(screen.getByRole('slider', { name: /step/i })).toBeTruthy();
    act(() => store.getState().setLang('zh'));
    expect(screen.getByRole('slider', { name: /步/ })).toBeTruthy();
    expect(screen.getByTestId('train-summary').textContent).toBe(
      trainSummary(t('zh'), 1, at, true),
    );

    fireEvent.change(screen.getByRole('slider', { name: /步/ }), { target: { value: '8' } });
    expect(store.getState().train.step).toBe(8);
    expect(screen.getByTestId('train-ap-dr').textContent).toBe(fmt7(expected.runs.dr!.ap[8]));
  });

  it('a head on a set without features: the data note and the refusal, in the reader’s language', async () => {
    const store = createAppStore();
    store.getState().setTrainSetup({ data: 'set', steps: 4 });
    act(() => store.getState().setLang('zh'));
    render(
      <AppContext.Provider value={{ store, services }}>
        <TrainSection />
      </AppContext.Provider>,
    );
    fireEvent.click(screen.getByTestId('train-step-once'));
    expect(screen.getByTestId('train-set-features').textContent).toBe(
      t('zh')('train.data.noFeatures'),
    );
    const alert = await screen.findByRole('alert', undefined, { timeout: 10_000 });
    expect(alert.textContent).toBe(
      t('zh')('train.failed', { error: t('zh')('train.why.noFeatures') }),
    );
  });
});
