import { describe, expect, it } from 'vitest';

/** Held events are delivered in a later task. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
import {
  adoptEarly,
  holdUntilAttached,
  startEarly,
  type RawWorker,
} from '../../src/app/earlyWorker.ts';

/** A worker that the test makes speak: emit('message' | 'error', event). */
function fakeWorker() {
  const listeners: Record<string, ((e: unknown) => void)[]> = { message: [], error: [] };
  const posted: unknown[] = [];
  let terminated = false;
  const worker = {
    postMessage: (m: unknown) => posted.push(m),
    terminate: () => (terminated = true),
    addEventListener: (type: string, l: (e: unknown) => void) => listeners[type]!.push(l),
  } as unknown as RawWorker;
  const emit = (type: 'message' | 'error', event: object) => {
    for (const l of listeners[type]!) l({ type, ...event });
  };
  return { worker, emit, posted, terminated: () => terminated };
}

const errorEvent = (message: string) => {
  let prevented = false;
  return {
    event: { message, preventDefault: () => (prevented = true) },
    prevented: () => prevented,
  };
};

describe('holdUntilAttached', () => {
  it('holds messages until onmessage is set, then delivers them in order, then live ones', async () => {
    const f = fakeWorker();
    const w = holdUntilAttached(f.worker);
    f.emit('message', { data: { type: 'ready' } });
    f.emit('message', { data: { type: 'result', gen: 1 } });
    const got: unknown[] = [];
    w.onmessage = (e) => got.push(e.data);
    expect(got).toEqual([]); // not inside the assignment
    await nextTask();
    expect(got).toEqual([{ type: 'ready' }, { type: 'result', gen: 1 }]);
    f.emit('message', { data: { type: 'result', gen: 2 } });
    expect(got).toHaveLength(3);
    expect(got[2]).toEqual({ type: 'result', gen: 2 });
  });

  it('holds an error (kept off the console) for onerror, and keeps later messages behind it', async () => {
    const f = fakeWorker();
    const w = holdUntilAttached(f.worker);
    const err = errorEvent('boom');
    f.emit('error', err.event);
    expect(err.prevented()).toBe(true);
    f.emit('message', { data: { type: 'late' } });
    const got: string[] = [];
    w.onmessage = (e) => got.push(`message ${(e.data as { type: string }).type}`);
    await nextTask();
    expect(got).toEqual([]); // the error comes first, and nobody listens for it yet
    w.onerror = (e) => got.push(`error ${e.message}`);
    await nextTask();
    expect(got).toEqual(['error boom', 'message late']);
  });

  it('passes posts and terminate through', () => {
    const f = fakeWorker();
    const w = holdUntilAttached(f.worker);
    w.postMessage({ type: 'crash' }, []);
    w.terminate();
    expect(f.posted).toEqual([{ type: 'crash' }]);
    expect(f.terminated()).toBe(true);
  });
});

describe('startEarly and adoptEarly', () => {
  it('startEarly hands over its worker once, then null (the client starts restarts itself)', () => {
    const f = fakeWorker();
    const take = startEarly(() => f.worker);
    expect(take()).not.toBeNull();
    expect(take()).toBeNull();
  });

  it('startEarly rethrows why the worker could not start, once', () => {
    const take = startEarly(() => {
      throw new Error('no workers here');
    });
    expect(() => take()).toThrow('no workers here');
    expect(take()).toBeNull();
  });

  it('adoptEarly delivers what the inline script held first, then stops it holding', async () => {
    const f = fakeWorker();
    const early = {
      worker: f.worker,
      held: [{ type: 'message', data: { type: 'ready' } } as unknown as MessageEvent],
      taken: false,
    };
    const take = adoptEarly(early);
    expect(early.taken).toBe(true);
    expect(early.held).toEqual([]);
    f.emit('message', { data: { type: 'result' } });
    const w = take()!;
    const got: unknown[] = [];
    w.onmessage = (e) => got.push(e.data);
    await nextTask();
    expect(got).toEqual([{ type: 'ready' }, { type: 'result' }]);
    expect(take()).toBeNull();
  });
});
