import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import {
  createEngineClient,
  type ClientError,
  type ClientResult,
  type EngineClient,
  type WorkerLike,
} from '../../src/worker/client.ts';
import { createEngineHandler } from '../../src/worker/handler.ts';
import type { EngineRequest, EngineResponse, ProgressResponse } from '../../src/worker/protocol.ts';
import type { AppParams } from '../../src/params/types.ts';
import type { CandidateSource } from '../../src/data/types.ts';

/**
 * A worker double: it records what it is sent and answers only when the test says so, through a real
 * handler and a real structured clone with transfer (so detached buffers show up as in a browser).
 */
class FakeWorker implements WorkerLike {
  onmessage: ((event: { readonly data: EngineResponse }) => void) | null = null;
  onerror: ((event: { readonly message?: string; preventDefault?(): void }) => void) | null = null;
  readonly inbox: EngineRequest[] = [];
  terminated = false;
  private readonly handler = createEngineHandler();

  postMessage(message: EngineRequest, transfer: Transferable[]) {
    this.inbox.push(structuredClone(message, { transfer }));
  }
  terminate() {
    this.terminated = true;
  }
  ready() {
    this.onmessage?.({ data: { type: 'ready', kernel: 'ts' } });
  }
  /** Serve the oldest unserved request. */
  serve() {
    const request = this.inbox.shift();
    if (!request) throw new Error('nothing to serve');
    const reply = this.handler.handle(request);
    // Transferred as the worker shell does: the reply's buffers move, the handler's cache must not.
    if (reply)
      this.onmessage?.({ data: structuredClone(reply.message, { transfer: reply.transfer }) });
  }
  crash(message = 'out of memory') {
    this.onerror?.({ message });
  }
}

const paper: CandidateSource = { kind: 'generated', preset: 'paper-default', seed: 1, edits: [] };
const withNeg = (lambdaNeg: number): AppParams => ({ ...DEFAULT_APP_PARAMS, lambdaNeg });

interface Harness {
  client: EngineClient;
  workers: FakeWorker[];
  results: ClientResult[];
  progress: ProgressResponse[];
  errors: ClientError[];
  notices: string[];
}

let open: EngineClient[] = [];
afterEach(() => {
  open.forEach((c) => c.dispose());
  open = [];
  vi.useRealTimers();
});

function harness(options: { failCreate?: boolean; maxRestarts?: number } = {}): Harness {
  const h: Harness = {
    workers: [],
    results: [],
    progress: [],
    errors: [],
    notices: [],
    client: null as unknown as EngineClient,
  };
  h.client = createEngineClient({
    createWorker: () => {
      if (options.failCreate) throw new Error('Worker is not defined');
      const w = new FakeWorker();
      h.workers.push(w);
      return w;
    },
    onResult: (r) => h.results.push(r),
    onProgress: (p) => h.progress.push(p),
    onError: (e) => h.errors.push(e),
    onNotice: (text) => h.notices.push(text),
    ...(options.maxRestarts !== undefined && { maxRestarts: options.maxRestarts }),
  });
  open.push(h.client);
  return h;
}

/** Let the fallback's macrotask replies run. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('engine client', () => {
  it('warmPool asks the worker to start its pool; the main-thread fallback has none to start', async () => {
    const { client, workers } = harness();
    workers[0].ready();
    client.warmPool();
    expect(workers[0].inbox).toEqual([{ type: 'warm' }]);
    const fallback = harness({ failCreate: true });
    fallback.client.warmPool();
    fallback.client.request(withNeg(0.1), paper);
    await vi.waitFor(() => expect(fallback.results).toHaveLength(1));
    expect(fallback.errors).toEqual([]);
  });

  it('keeps one request in flight and coalesces the rest into the newest', () => {
    const { client, workers, results } = harness();
    const w = workers[0];
    w.ready();
    client.request(withNeg(0.1), paper);
    for (let i = 2; i <= 6; i++) client.request(withNeg(i / 10), paper);
    expect(w.inbox).toHaveLength(1);
    expect(client.busy).toBe(true);
    w.serve();
    expect(w.inbox).toHaveLength(1);
    const second = w.inbox[0];
    expect(second.type === 'evaluate' && second.gen).toBe(6);
    w.serve();
    expect(results.map((r) => r.gen)).toEqual([1, 6]);
    expect(results.map((r) => r.latest)).toEqual([false, true]);
    expect(client.busy).toBe(false);
  });

  it('passes on the progress of the request in flight only, and keeps waiting for its result', () => {
    const { client, workers, results, progress } = harness();
    const w = workers[0];
    w.ready();
    client.request(withNeg(0.1), paper);
    const report = (gen: number, done: number): ProgressResponse => ({
      type: 'progress',
      gen,
      phase: 'shards',
      done,
      total: 8,
      entries: 8_000_000,
    });
    w.onmessage?.({ data: report(1, 3) });
    w.onmessage?.({ data: report(0, 4) }); // an older request's: dropped
    expect(progress).toEqual([report(1, 3)]);
    expect(client.busy).toBe(true);
    w.serve();
    expect(results.map((r) => r.gen)).toEqual([1]);
    w.onmessage?.({ data: report(1, 5) }); // after its result: dropped
    expect(progress).toHaveLength(1);
  });

  it('sends the candidates once and only parameters afterwards', () => {
    const { client, workers } = harness();
    const w = workers[0];
    w.ready();
    client.request(withNeg(0.1), paper);
    w.serve();
    client.request(withNeg(0.2), paper);
    expect(w.inbox[0]).toEqual({
      type: 'evaluate',
      gen: 2,
      params: withNeg(0.2),
    });
    w.serve();
    const other: CandidateSource = { ...paper, seed: 2 };
    client.request(withNeg(0.2), other);
    expect(w.inbox[0].type).toBe('load');
  });

  it('transfers a copy of an imported set, leaving the caller’s arrays intact', () => {
    const { client, workers, results } = harness();
    const w = workers[0];
    w.ready();
    const logits = Float64Array.from([2, -1, 0.5, -3, -2]);
    const targets = Int32Array.from([1, 1, 0, 0, 0]);
    const source: CandidateSource = {
      kind: 'explicit',
      name: 'sanity',
      base: { R: 5, K: 1, logits, targets },
      edits: [],
    };
    client.request(DEFAULT_APP_PARAMS, source);
    w.serve();
    expect(logits.length).toBe(5);
    expect(targets.length).toBe(5);
    // docs/maths.md §6: DR = 2.5625233 for this case (7 significant digits given).
    expect(Math.abs(results[0].result.loss - 2.5625233)).toBeLessThan(1e-6);
  });

  it('a crash restarts the worker, says so, and sends the latest state again', () => {
    const { client, workers, results, notices } = harness();
    workers[0].ready();
    client.request(withNeg(0.1), paper);
    workers[0].serve();
    client.request(withNeg(0.3), paper);
    workers[0].crash('out of memory');
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(notices[0]).toMatch(/crashed \(out of memory\).*restarted/);
    const w = workers[1];
    w.ready();
    expect(w.inbox).toHaveLength(1);
    const resent = w.inbox[0];
    expect(resent.type).toBe('load');
    expect(resent.type === 'load' && resent.params.lambdaNeg).toBe(0.3);
    w.serve();
    expect(results.at(-1)?.latest).toBe(true);
    expect(client.mode).toBe('worker');
  });

  it("reports the kernel path of whatever computes: none, the worker's, then the main thread's", async () => {
    const { client, workers } = harness({ maxRestarts: 0 });
    expect(client.kernel).toBeNull();
    workers[0].ready(); // the fake worker says 'ts'
    expect(client.kernel).toBe('ts');
    client.request(withNeg(0.1), paper);
    workers[0].crash();
    expect(client.mode).toBe('fallback');
    // The main-thread engine is its own chunk, fetched on fallback: its path is known once it is here.
    await vi.waitFor(() => expect(client.kernel).toBe('wasm-simd')); // Node 20 has WebAssembly SIMD
  });

  it('crashing more than maxRestarts times in a row hands over to the main thread', async () => {
    const { client, workers, results, notices } = harness({ maxRestarts: 1 });
    workers[0].ready();
    client.request(withNeg(0.1), paper);
    workers[0].crash();
    workers[1].ready();
    workers[1].crash();
    expect(workers).toHaveLength(2);
    expect(client.mode).toBe('fallback');
    expect(notices.at(-1)).toMatch(/main thread/);
    await tick();
    expect(results.at(-1)?.latest).toBe(true);
  });

  it('a worker that fails before it is ready is replaced by the main thread, with a notice', async () => {
    const { client, workers, results, notices } = harness();
    client.request(withNeg(0.1), paper);
    workers[0].crash('SyntaxError in module');
    expect(client.mode).toBe('fallback');
    expect(notices).toEqual([
      expect.stringMatching(/could not start \(SyntaxError in module\).*main thread/),
    ]);
    await tick();
    expect(results).toHaveLength(1);
    expect(results[0].latest).toBe(true);
  });

  it('a worker that cannot be constructed is replaced by the main thread', async () => {
    const { client, results, notices } = harness({ failCreate: true });
    expect(client.mode).toBe('fallback');
    expect(notices[0]).toMatch(/could not start \(Worker is not defined\)/);
    client.request(withNeg(0.1), paper);
    client.request(withNeg(0.2), paper);
    await tick();
    await tick();
    expect(results.map((r) => r.gen)).toEqual([1, 2]);
  });

  it('a worker silent past the start timeout is treated as unable to start', () => {
    vi.useFakeTimers();
    const notices: string[] = [];
    const client = createEngineClient({
      createWorker: () => new FakeWorker(),
      onResult: () => {},
      onError: () => {},
      onNotice: (text) => notices.push(text),
      startTimeoutMs: 50,
    });
    open.push(client);
    vi.advanceTimersByTime(49);
    expect(client.mode).toBe('worker');
    vi.advanceTimersByTime(1);
    expect(client.mode).toBe('fallback');
    expect(notices[0]).toMatch(/did not start within 50 ms/);
  });

  it('an error reply is reported and the next request loads the candidates again', () => {
    const { client, workers, errors } = harness();
    const w = workers[0];
    w.ready();
    const broken = {
      kind: 'explicit',
      name: 'broken',
      base: { R: 2, K: 1, logits: new Float64Array(1), targets: new Int32Array(2) },
      edits: [],
    } as CandidateSource;
    client.request(DEFAULT_APP_PARAMS, broken);
    w.serve();
    expect(errors).toHaveLength(1);
    expect(errors[0].latest).toBe(true);
    client.request(withNeg(0.2), broken);
    expect(w.inbox[0].type).toBe('load');
  });

  it('results arrive in increasing generation order over a long drag', () => {
    const { client, workers, results } = harness();
    const w = workers[0];
    w.ready();
    let maxQueued = 0;
    for (let i = 1; i <= 200; i++) {
      client.request(withNeg(0.05 + i / 1000), paper);
      maxQueued = Math.max(maxQueued, w.inbox.length);
      // Serve irregularly, as a worker slower than the input events would.
      if (i % 7 === 0) w.serve();
    }
    while (w.inbox.length > 0) w.serve();
    const gens = results.map((r) => r.gen);
    expect(gens.every((g, i) => i === 0 || g > gens[i - 1])).toBe(true);
    expect(gens.at(-1)).toBe(200);
    expect(maxQueued).toBe(1); // never a backlog: one in flight, the newest waiting in the client
    // 28 replies served during the drag, then the one in flight and the newest.
    expect(results.length).toBe(Math.floor(200 / 7) + 2);
  });

  it('each result brings the explainer snapshot across by transfer, and the next one still does', () => {
    const { client, workers, results } = harness();
    const w = workers[0];
    w.ready();
    client.request(withNeg(0.1), paper);
    w.serve();
    client.request(withNeg(0.2), paper);
    w.serve();
    const [first, second] = results;
    expect(first.explained.detail!.p.length).toBe(first.info.nPos + first.info.nNeg);
    expect(second.explained.detail!.p.length).toBe(first.info.nPos + first.info.nNeg);
    // Same scores, new weights: q− moved with λ−, the scores did not.
    expect(Array.from(second.explained.detail!.p)).toEqual(Array.from(first.explained.detail!.p));
    expect(second.explained.result.pMinus).not.toBeCloseTo(first.explained.result.pMinus, 6);
  });
});
