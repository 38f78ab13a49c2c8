import { afterEach, describe, expect, it } from 'vitest';
import type { CandidateSource } from '../../src/data/types.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { AppParams } from '../../src/params/types.ts';
import {
  createEngineClient,
  type ClientResult,
  type EngineClient,
  type WorkerLike,
} from '../../src/worker/client.ts';
import { createEngineHandler } from '../../src/worker/handler.ts';
import type { EngineRequest, EngineResponse, ResultResponse } from '../../src/worker/protocol.ts';

const paper: CandidateSource = { kind: 'generated', preset: 'paper-default', seed: 1, edits: [] };
const hard: CandidateSource = { kind: 'generated', preset: 'hard-negatives', seed: 4, edits: [] };
const withNeg = (lambdaNeg: number): AppParams => ({ ...DEFAULT_APP_PARAMS, lambdaNeg });

function result(message: EngineResponse | undefined): ResultResponse {
  if (message?.type !== 'result')
    throw new Error(`expected a result, got ${JSON.stringify(message)}`);
  return message;
}

describe('engine handler: the baseline slot', () => {
  it('explains A on the main slot’s set without disturbing it, and keeps it when the main set moves', () => {
    const h = createEngineHandler(() => 0);
    const main = result(
      h.handle({ type: 'load', gen: 1, source: paper, params: withNeg(0.1) })?.message,
    );
    const a = result(
      h.handle({ type: 'baseline', gen: 2, source: 'main', params: withNeg(0.5) })?.message,
    );
    expect(a.slot).toBe('baseline');
    expect(main.slot).toBeUndefined();
    // Same set, other λ−: a different loss; the main slot answers as before.
    expect(a.result.loss).not.toBe(main.result.loss);
    const again = result(h.handle({ type: 'evaluate', gen: 3, params: withNeg(0.1) })?.message);
    expect(again.result.loss).toBe(main.result.loss);
    // The main slot loads another set; A still answers for the first one ('kept').
    h.handle({ type: 'load', gen: 4, source: hard, params: withNeg(0.1) });
    const kept = result(
      h.handle({ type: 'baseline', gen: 5, source: 'kept', params: withNeg(0.5) })?.message,
    );
    expect(kept.result.loss).toBe(a.result.loss);
  });

  it('a baseline with its own set equals a main-slot load of that set, bit for bit', () => {
    const h = createEngineHandler(() => 0);
    h.handle({ type: 'load', gen: 1, source: paper, params: withNeg(0.1) });
    const a = result(
      h.handle({ type: 'baseline', gen: 2, source: hard, params: withNeg(0.2) })?.message,
    );
    const direct = result(
      createEngineHandler(() => 0).handle({
        type: 'load',
        gen: 1,
        source: hard,
        params: withNeg(0.2),
      })?.message,
    );
    expect(a.result.loss).toBe(direct.result.loss);
    expect(a.result.pMinus).toBe(direct.result.pMinus);
  });

  it('answers an error (never throws) when there is nothing to explain A on', () => {
    const h = createEngineHandler();
    expect(
      h.handle({ type: 'baseline', gen: 1, source: 'kept', params: withNeg(0.1) })?.message,
    ).toEqual({
      type: 'error',
      gen: 1,
      message: 'no candidate set is loaded for the baseline',
    });
    expect(
      h.handle({ type: 'baseline', gen: 2, source: 'main', params: withNeg(0.1) })?.message.type,
    ).toBe('error');
  });
});

class FakeWorker implements WorkerLike {
  onmessage: ((event: { readonly data: EngineResponse }) => void) | null = null;
  onerror: ((event: { readonly message?: string; preventDefault?(): void }) => void) | null = null;
  readonly inbox: EngineRequest[] = [];
  private readonly handler = createEngineHandler();
  postMessage(message: EngineRequest, transfer: Transferable[]) {
    this.inbox.push(structuredClone(message, { transfer }));
  }
  terminate() {}
  crash() {
    this.onerror?.({ message: 'out of memory' });
  }
  serve() {
    const request = this.inbox.shift();
    if (!request) throw new Error('nothing to serve');
    const reply = this.handler.handle(request);
    if (reply)
      this.onmessage?.({ data: structuredClone(reply.message, { transfer: reply.transfer }) });
  }
}

let open: EngineClient[] = [];
afterEach(() => {
  open.forEach((c) => c.dispose());
  open = [];
});

function harness() {
  const worker = new FakeWorker();
  const main: ClientResult[] = [];
  const base: ClientResult[] = [];
  const client = createEngineClient({
    createWorker: () => worker,
    onResult: (r) => main.push(r),
    onError: () => {},
    onBaselineResult: (r) => base.push(r),
    onNotice: () => {},
  });
  open.push(client);
  worker.onmessage?.({ data: { type: 'ready', kernel: 'ts' } });
  return { client, worker, main, base };
}

describe('engine client: the baseline request', () => {
  it('waits behind the current state: one request in flight in all, the newest of each kind', () => {
    const { client, worker, main, base } = harness();
    client.request(withNeg(0.1), paper);
    client.requestBaseline(withNeg(0.3), paper);
    client.requestBaseline(withNeg(0.4), paper);
    client.request(withNeg(0.2), paper);
    expect(worker.inbox.map((r) => r.type)).toEqual(['load']);
    worker.serve();
    // The newer current state goes before the waiting baseline.
    expect(worker.inbox).toEqual([{ type: 'evaluate', gen: 4, params: withNeg(0.2) }]);
    worker.serve();
    expect(worker.inbox).toEqual([
      { type: 'baseline', gen: 3, params: withNeg(0.4), source: 'main' },
    ]);
    worker.serve();
    expect(worker.inbox).toEqual([]);
    expect(main.map((r) => [r.gen, r.latest])).toEqual([
      [1, false],
      [4, true],
    ]);
    expect(base.map((r) => [r.gen, r.latest, r.slot])).toEqual([[3, true, 'baseline']]);
    expect(client.generation).toBe(4);
    expect(client.busy).toBe(false);
  });

  it('sends A’s own set once, then parameters only; a cleared A is not sent', () => {
    const { client, worker, base } = harness();
    client.request(withNeg(0.1), paper);
    worker.serve();
    client.requestBaseline(withNeg(0.1), hard);
    expect(worker.inbox[0]).toMatchObject({ type: 'baseline', source: hard });
    worker.serve();
    client.requestBaseline(withNeg(0.2), hard);
    expect(worker.inbox[0]).toMatchObject({ type: 'baseline', source: 'kept' });
    worker.serve();
    expect(base).toHaveLength(2);
    client.request(withNeg(0.3), paper);
    client.requestBaseline(withNeg(0.5), hard);
    client.clearBaseline();
    worker.serve();
    expect(worker.inbox).toEqual([]);
    expect(client.busy).toBe(false);
  });

  it('a crashed worker is restarted and sent the current state, then A again', () => {
    const workers: FakeWorker[] = [];
    const base: ClientResult[] = [];
    const client = createEngineClient({
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
      onResult: () => {},
      onError: () => {},
      onBaselineResult: (r) => base.push(r),
      onNotice: () => {},
    });
    open.push(client);
    workers[0]!.onmessage?.({ data: { type: 'ready', kernel: 'ts' } });
    client.request(withNeg(0.1), paper);
    client.requestBaseline(withNeg(0.5), hard);
    workers[0]!.crash();
    const w = workers[1]!;
    w.onmessage?.({ data: { type: 'ready', kernel: 'ts' } });
    expect(w.inbox.map((r) => r.type)).toEqual(['load']);
    w.serve();
    // The new worker holds nothing for A: its set is sent again.
    expect(w.inbox[0]).toMatchObject({ type: 'baseline', source: hard, params: withNeg(0.5) });
    w.serve();
    expect(base).toHaveLength(1);
    expect(base[0]!.latest).toBe(true);
  });
});
