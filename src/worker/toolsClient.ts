/**
 * The main thread's end of the tools worker (tools.ts, run by tools.worker.ts): one worker started on
 * first use, a request numbered and answered once; where workers do not exist (jsdom tests) the handler
 * runs on this thread, loaded then.
 */
import type { ToolsReply, ToolsRequest } from './tools.ts';

type Distribute<T> = T extends { type: infer K } ? Omit<T, 'id'> & { type: K } : never;
/** A request without its id (the client numbers them). */
export type ToolsJob = Distribute<ToolsRequest>;

/** What a reply's result is for each request type. */
export type ToolsResult<T extends ToolsJob['type']> = Extract<ToolsReply, { type: T }>['result'];

export interface ToolsClient {
  run<T extends ToolsJob>(job: T): Promise<ToolsResult<T['type']>>;
  dispose(): void;
}

interface WorkerLike {
  onmessage: ((event: { data: ToolsReply }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  postMessage(message: ToolsRequest): void;
  terminate(): void;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./tools.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as WorkerLike;
}

/** The handler on this thread, loaded on first use (its parsers stay out of the page's first script). */
function inThread(): WorkerLike {
  const fake: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(request) {
      void import('./tools.ts')
        .then(({ handleTools }) => handleTools(request))
        .then((reply) => fake.onmessage?.({ data: reply }));
    },
    terminate() {
      fake.onmessage = null;
    },
  };
  return fake;
}

/**
 * The client: one worker started on first use (or the handler on this thread when Worker is absent);
 * a crashed worker fails the jobs in flight and is started afresh for the next.
 */
export function createToolsClient(createWorker?: () => WorkerLike): ToolsClient {
  let worker: WorkerLike | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: ToolsReply['result']) => void>();
  const start = (): WorkerLike => {
    if (worker !== null) return worker;
    let w: WorkerLike;
    try {
      w = createWorker
        ? createWorker()
        : typeof Worker === 'undefined'
          ? inThread()
          : defaultWorker();
    } catch {
      w = inThread();
    }
    w.onmessage = (event) => {
      const settle = pending.get(event.data.id);
      pending.delete(event.data.id);
      settle?.(event.data.result);
    };
    w.onerror = () => {
      w.terminate();
      worker = null;
      for (const [id, settle] of pending) {
        pending.delete(id);
        settle({ ok: false, error: 'the tools worker stopped' });
      }
    };
    worker = w;
    return w;
  };
  return {
    run(job) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: ToolsReply['result']) => void);
        start().postMessage({ ...job, id } as ToolsRequest);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}
