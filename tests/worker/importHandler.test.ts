import { describe, expect, it } from 'vitest';
import { parseCases } from '../../src/io/case.ts';
import { parseCsv } from '../../src/io/csv.ts';
import { createImportClient, type ImportWorkerLike } from '../../src/worker/importClient.ts';
import { buffersOf, createImportHandler } from '../../src/worker/importHandler.ts';
import type {
  ImportReply,
  ImportRequest,
  StreamableFile,
} from '../../src/worker/importProtocol.ts';

const encoder = new TextEncoder();
const csv = `logit,label\n${'0.5,1\n-1.25,0\n'.repeat(20_000)}`;
const json = '{"logits": [[0.5, -1], [2, 0]], "targets": [1, 0], "params": {"L": 3}}';

/** A handler whose replies are collected (with their transfer lists). */
function collecting(options: { progressEveryMs?: number } = {}) {
  const replies: Array<{ reply: ImportReply; transfer: ArrayBuffer[] }> = [];
  const handler = createImportHandler((reply, transfer) => replies.push({ reply, transfer }), {
    progressEveryMs: options.progressEveryMs ?? 0,
  });
  return { handler, replies };
}

/** A file whose stream gives `chunks` one by one, waiting `gate()` before each after the first. */
function slowFile(chunks: Uint8Array[], gate: () => Promise<void>): StreamableFile {
  return {
    size: chunks.reduce((n, c) => n + c.length, 0),
    stream() {
      let i = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (i > 0) await gate();
          if (i < chunks.length) controller.enqueue(chunks[i++]);
          else controller.close();
        },
      });
    },
  };
}

function read(
  id: number,
  file: StreamableFile,
  name = '',
  kind: 'auto' | 'csv' | 'json' = 'auto',
): ImportRequest {
  return { type: 'read', id, file, name, kind };
}

describe('import handler (the worker side, run in Node)', () => {
  it('reads a CSV Blob, posting progress, and transfers the typed arrays with the result', async () => {
    const { handler, replies } = collecting();
    const blob = new Blob([csv]);
    await handler.handle(read(1, blob, 'scores.csv'));
    const progress = replies.filter((r) => r.reply.type === 'progress').map((r) => r.reply);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({
      type: 'progress',
      id: 1,
      rowsRead: 40_000,
      bytesRead: blob.size,
      totalBytes: blob.size,
    });
    const last = replies.at(-1);
    expect(last?.reply).toEqual({ type: 'result', id: 1, kind: 'csv', result: parseCsv(csv) });
    const result = last?.reply.type === 'result' ? last.reply.result : null;
    expect(result?.ok).toBe(true);
    if (!result?.ok || !('value' in result)) return;
    expect(last?.transfer).toEqual([result.value.logits.buffer, result.value.targets.buffer]);
  });

  it('throttles progress to one post per interval (and always posts the last chunk)', async () => {
    let t = 0;
    const replies: ImportReply[] = [];
    const handler = createImportHandler((reply) => replies.push(reply), {
      progressEveryMs: 50,
      now: () => (t += 10),
    });
    const blob = new Blob([csv]);
    await handler.handle(read(1, blob, 'a.csv'));
    const progress = replies.filter((r) => r.type === 'progress');
    const chunks = Math.ceil(blob.size / 65536);
    expect(progress.length).toBeLessThan(chunks);
    expect(progress.at(-1)).toMatchObject({ bytesRead: blob.size });
  });

  it('decides JSON or CSV from the name, else from the first character', async () => {
    const { handler, replies } = collecting();
    const bom = new Blob([encoder.encode('\ufeff  \n'), json]);
    await handler.handle(read(1, bom));
    await handler.handle(read(2, new Blob([json]), 'case.json'));
    await handler.handle(read(3, new Blob(['0.5,1\n']), 'pasted'));
    await handler.handle(read(4, new Blob([json]), 'case.csv'));
    await handler.handle(read(5, new Blob([json]), 'case.bin', 'json'));
    await handler.handle(read(6, new Blob([]), 'empty'));
    const results = replies.filter((r) => r.reply.type === 'result').map((r) => r.reply);
    expect(results.map((r) => r.type === 'result' && r.kind)).toEqual([
      'json',
      'json',
      'csv',
      'csv',
      'json',
      'csv',
    ]);
    const r0 = results[0];
    expect(r0.type === 'result' && r0.result).toEqual(parseCases(`\ufeff  \n${json}`));
    const r3 = results[3];
    expect(r3.type === 'result' && r3.result.ok).toBe(false);
    const r5 = results[5];
    expect(r5.type === 'result' && r5.result).toEqual(parseCsv(''));
  });

  it('answers a cancel with a cancelled result and stops reading', async () => {
    const { handler, replies } = collecting();
    let pulls = 0;
    let release: () => void = () => undefined;
    const file = slowFile(
      Array.from({ length: 50 }, () => encoder.encode('0.5,1\n'.repeat(100))),
      () => {
        pulls++;
        return new Promise<void>((resolve) => (release = resolve));
      },
    );
    const done = handler.handle(read(7, file, 'slow.csv'));
    while (pulls === 0) await new Promise((r) => setTimeout(r, 1));
    await handler.handle({ type: 'cancel', id: 7 });
    release();
    await done;
    expect(replies.at(-1)?.reply).toEqual({
      type: 'result',
      id: 7,
      kind: 'csv',
      result: { ok: false, error: 'cancelled', cancelled: true },
    });
    expect(pulls).toBeLessThan(3);
  });

  it('turns a failing stream into an error result, and a parse error into the parser’s message', async () => {
    const { handler, replies } = collecting();
    const broken: StreamableFile = {
      size: 10,
      stream: () =>
        new ReadableStream<Uint8Array>({
          pull: (c) => c.error(new Error('NotReadableError')),
        }),
    };
    await handler.handle(read(1, broken, 'x.csv'));
    await handler.handle(read(2, new Blob(['logit,label\n0.5,x\n']), 'x.csv'));
    const results = replies.filter((r) => r.reply.type === 'result').map((r) => r.reply);
    expect(results[0]).toMatchObject({
      result: { ok: false, error: 'cannot read the input (NotReadableError)' },
    });
    expect(results[1]).toMatchObject({ result: parseCsv('logit,label\n0.5,x\n') });
  });

  it('lists each buffer once for transfer', () => {
    const r = parseCases(`[${json}, ${json}]`);
    expect(r.ok && buffersOf(r).length).toBe(4);
    expect(buffersOf({ ok: false, error: 'x' })).toEqual([]);
  });
});

/** A worker stand-in running the handler in this thread, recording what it was sent. */
function fakeWorker() {
  const sent: ImportRequest[] = [];
  const w: ImportWorkerLike & { sent: ImportRequest[]; crash(message: string): void } = {
    sent,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      sent.push(message);
      void handler.handle(message);
    },
    terminate() {
      w.onmessage = null;
    },
    crash(message) {
      w.onerror?.({ message });
    },
  };
  const handler = createImportHandler((reply) => w.onmessage?.({ data: reply }), {
    progressEveryMs: 0,
  });
  return w;
}

describe('import client', () => {
  it('reads through the worker, reporting progress, and settles with the result', async () => {
    const w = fakeWorker();
    const client = createImportClient({ createWorker: () => w });
    const seen: number[] = [];
    const job = client.read(Object.assign(new Blob([csv]), { name: 'a.csv' }), {
      onProgress: (p) => seen.push(p.rowsRead),
    });
    const { kind, result } = await job.result;
    expect(kind).toBe('csv');
    expect(result).toEqual(parseCsv(csv));
    expect(seen.at(-1)).toBe(40_000);
    expect(w.sent[0]).toMatchObject({ type: 'read', id: 1, name: 'a.csv', kind: 'auto' });
  });

  it('settles a cancelled job at once and tells the worker', async () => {
    const w = fakeWorker();
    const client = createImportClient({ createWorker: () => w });
    const file = slowFile(
      [encoder.encode('0.5,1\n'), encoder.encode('0.5,1\n')],
      () => new Promise(() => undefined),
    );
    const job = client.read(file, { kind: 'csv' });
    job.cancel();
    expect(await job.result).toEqual({
      kind: 'csv',
      result: { ok: false, error: 'cancelled', cancelled: true },
    });
    expect(w.sent.map((m) => m.type)).toEqual(['read', 'cancel']);
  });

  it('fails the jobs of a crashed worker and starts a new one for the next file', async () => {
    const workers: ReturnType<typeof fakeWorker>[] = [];
    const client = createImportClient({
      createWorker: () => {
        const w = fakeWorker();
        workers.push(w);
        return w;
      },
    });
    const job = client.read(
      slowFile([encoder.encode('0.5,1\n')], () => new Promise(() => undefined)),
      {
        kind: 'csv',
      },
    );
    workers[0].crash('out of memory');
    expect((await job.result).result).toEqual({
      ok: false,
      error: 'the import stopped (out of memory)',
    });
    const next = client.read(new Blob(['0.5,1\n']), { kind: 'csv' });
    expect((await next.result).result.ok).toBe(true);
    expect(workers.length).toBe(2);
  });

  it('runs the handler on the main thread when no worker can start', async () => {
    const client = createImportClient({
      createWorker: () => {
        throw new Error('no workers here');
      },
    });
    const { kind, result } = await client.read(new Blob([json]), { name: 'c.json' }).result;
    expect(kind).toBe('json');
    expect(result).toEqual(parseCases(json));
  });
});
