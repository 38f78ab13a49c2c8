// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveReadouts } from '../../../src/app/components/LiveReadouts.tsx';
import { AppContext } from '../../../src/app/hooks/context.tsx';
import { generatePreset } from '../../../src/data/index.ts';
import { explain } from '../../../src/explain/index.ts';
import { DEFAULT_APP_PARAMS } from '../../../src/params/table.ts';
import { createAppStore } from '../../../src/state/store.ts';
import type { ClientResult } from '../../../src/worker/client.ts';

const explained = explain(generatePreset('paper-default', 1), DEFAULT_APP_PARAMS);

function result(ahead: boolean | undefined): ClientResult {
  return {
    type: 'result',
    gen: 1,
    result: explained.result,
    info: { R: 300, K: 3, nPos: explained.pos.n, nNeg: explained.neg.n },
    params: DEFAULT_APP_PARAMS,
    explained,
    loadMs: 2,
    evaluateMs: 41.5,
    roundTripMs: 3.25,
    latest: true,
    ...(ahead === undefined ? {} : { ahead }),
  };
}

function engineLine(ahead: boolean | undefined, lang: 'en' | 'zh') {
  const store = createAppStore();
  store.getState().setLang(lang);
  const { container } = render(
    <AppContext.Provider value={{ store, services: { copyLink: async () => '' } }}>
      <LiveReadouts />
    </AppContext.Provider>,
  );
  act(() => store.getState().engineResult(result(ahead)));
  return container.querySelector('.engine-line')?.textContent ?? '';
}

afterEach(cleanup);

describe('the engine line under the readouts', () => {
  it('says when the worker computed the reply before it was asked (its time is not in the round trip)', () => {
    expect(engineLine(true, 'en')).toMatch(
      /300 anchors × 3 classes · computed in 42 ms before it was asked for · round trip 3\.3 ms/,
    );
    expect(engineLine(true, 'zh')).toMatch(/请求前已算好，用时 42 毫秒 · 往返 3\.3 毫秒/);
  });

  it('otherwise gives the time computed within the round trip', () => {
    for (const ahead of [false, undefined]) {
      const line = engineLine(ahead, 'en');
      expect(line).toMatch(/computed in 42 ms · round trip 3\.3 ms/);
      expect(line).not.toContain('before it was asked');
      expect(engineLine(ahead, 'zh')).toMatch(/计算用时 42 毫秒 · 往返/);
    }
  });
});
