/**
 * The client and a detection-scale load's two-part reply: the result with BCE and FL null, then an
 * `objectives` message for it. The worker double answers with hand-made messages, so the order of
 * arrival is the test's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import {
  createEngineClient,
  type ClientResult,
  type EngineClient,
  type WorkerLike,
} from '../../src/worker/client.ts';
import { createEngineHandler } from '../../src/worker/handler.ts';
import type {
  EngineRequest,
  EngineResponse,
  ObjectivesResponse,
  ResultResponse,
} from '../../src/worker/protocol.ts';
import type { CandidateSource } from '../../src/data/types.ts';

const paper: CandidateSource = { kind: 'generated', preset: 'paper-default', seed: 1, edits: [] };
const other: CandidateSource = { ...paper, seed: 2 };

/** A worker double that answers each request with the handler's result, made pending on demand. */
class Worker2 implements WorkerLike {
  onmessage: ((event: { readonly data: EngineResponse }) => void) | null = null;
  onerror: WorkerLike['onerror'] = null;
  readonly inbox: EngineRequest[] = [];
  private readonly handler = createEngineHandler();
  postMessage(message: EngineRequest) {
    this.inbox.push(message);
  }
  terminate() {}
  send(data: EngineResponse) {
    this.onmessage?.({ data });
  }
  /** Serve the oldest request; `pending`: its result without BCE and FL, as a pooled load's first. */
  serve(pending = false) {
    const reply = this.handler.handle(this.inbox.shift()!)!.message as ResultResponse;
    const explained = pending ? { ...reply.explained, bce: null, focal: null } : reply.explained;
    this.send({ ...reply, explained });
    return reply.gen;
  }
}

const objectives = (gen: number): ObjectivesResponse => ({
  type: 'objectives',
  gen,
  bce: { total: 10, fromNeg: 9 },
  focal: { loss: 0.5 },
});

let open: EngineClient[] = [];
afterEach(() => {
  open.forEach((c) => c.dispose());
  open = [];
});

function harness() {
  const worker = new Worker2();
  const results: ClientResult[] = [];
  const log: string[] = [];
  const client = createEngineClient({
    createWorker: () => worker,
    onResult: (r) => (results.push(r), log.push(`result ${r.gen}`)),
    onObjectives: (o) => log.push(`objectives ${o.gen}`),
    onError: () => {},
    onNotice: () => {},
  });
  open.push(client);
  worker.send({ type: 'ready', kernel: 'ts' });
  return { client, worker, results, log };
}

describe('engine client: BCE and FL after their result', () => {
  it('passes on the objectives that complete the result shown last', () => {
    const { client, worker, results, log } = harness();
    client.request(DEFAULT_APP_PARAMS, paper);
    const gen = worker.serve(true);
    expect(results[0]!.explained.bce).toBeNull();
    worker.send(objectives(gen));
    expect(log).toEqual([`result ${gen}`, `objectives ${gen}`]);
  });

  it('objectives that come before their result are passed on right after it', () => {
    const { client, worker, log } = harness();
    const gen = client.request(DEFAULT_APP_PARAMS, paper);
    worker.send(objectives(gen));
    expect(log).toEqual([]);
    worker.serve(true);
    expect(log).toEqual([`result ${gen}`, `objectives ${gen}`]);
  });

  it('a parameter change since does not supersede them (they depend on the set alone)', () => {
    const { client, worker, log } = harness();
    client.request(DEFAULT_APP_PARAMS, paper);
    const first = worker.serve(true);
    const second = client.request({ ...DEFAULT_APP_PARAMS, lambdaNeg: 0.3 }, paper);
    worker.send(objectives(first));
    worker.serve();
    expect(log).toEqual([`result ${first}`, `objectives ${first}`, `result ${second}`]);
  });

  it('drops them once another set is asked for, and for any other generation', () => {
    const { client, worker, log } = harness();
    client.request(DEFAULT_APP_PARAMS, paper);
    const first = worker.serve(true);
    worker.send(objectives(first + 7)); // no such result
    const next = client.request(DEFAULT_APP_PARAMS, other);
    worker.send(objectives(first)); // stale: the set is being replaced
    worker.serve();
    worker.send(objectives(first)); // stale: a newer result is shown
    expect(log).toEqual([`result ${first}`, `result ${next}`]);
  });

  it('after a result for another set, only the objectives of that set pass', () => {
    const { client, worker, log } = harness();
    client.request(DEFAULT_APP_PARAMS, paper);
    const first = worker.serve(true);
    client.request(DEFAULT_APP_PARAMS, other);
    const second = worker.serve(true);
    worker.send(objectives(first));
    worker.send(objectives(second));
    expect(log).toEqual([`result ${first}`, `result ${second}`, `objectives ${second}`]);
  });
});
