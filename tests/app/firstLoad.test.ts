// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { boot } from '../../src/app/boot.ts';
import type { WorkerLike } from '../../src/worker/client.ts';
import { firstLoad, sameLoad } from '../../src/worker/firstLoad.ts';
import type { EngineRequest, LoadRequest } from '../../src/worker/protocol.ts';

/** A worker that records what the page sends it, as the worker receives it (a structured clone). */
function recorder(): WorkerLike & { readonly inbox: EngineRequest[] } {
  const inbox: EngineRequest[] = [];
  return {
    inbox,
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      inbox.push(structuredClone(message, { transfer }));
    },
    terminate() {},
  };
}

/** Boot the page as main.tsx does, with a worker that says `ready`: the first thing it is sent. */
function firstRequest(): LoadRequest {
  const worker = recorder();
  boot(undefined, () => worker);
  worker.onmessage?.({ data: { type: 'ready', kernel: 'ts' } });
  const first = worker.inbox[0];
  expect(first?.type).toBe('load');
  return first as LoadRequest;
}

afterEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('the load the engine worker computes before it is asked (worker/firstLoad.ts)', () => {
  it("is the page's first request on a visit without a link or a saved state", () => {
    expect(sameLoad(firstLoad(), firstRequest())).toBe(true);
  });

  it('is not the first request of a link to another state (that one is computed as usual)', () => {
    window.history.replaceState(null, '', '/#v=1&set=paper-default&seed=2');
    expect(sameLoad(firstLoad(), firstRequest())).toBe(false);
  });
});
