// NumPy imports through the import worker's handler (run in Node on Blobs standing in for Files): an
// .npz and a .npy pair become the case npzToCase / arraysToCase give, with progress and the typed
// arrays transferred; a cancel stops the read; broken files, a size bomb and wrong file sets are
// refused with the file named; the client's job carries it all and the result imports as before.
import { describe, expect, it } from 'vitest';
import { importParsed } from '../../src/io/import.ts';
import { npzToCase } from '../../src/io/npz.ts';
import { npyBytes, npzBytes } from '../../src/io/npzWrite.ts';
import { createImportClient } from '../../src/worker/importClient.ts';
import { createImportHandler } from '../../src/worker/importHandler.ts';
import { readNumpyFiles, type NumpyFile } from '../../src/worker/importNumpy.ts';
import type { ImportReply } from '../../src/worker/importProtocol.ts';
import { expectSameBits } from '../io/streamHelpers.ts';
import { zipFile } from '../io/npyWriter.ts';

/** A Blob with a name: what the handler gets from a File. */
const file = (name: string, bytes: Uint8Array): NumpyFile =>
  Object.assign(new Blob([bytes.slice()]), { name });

function collecting() {
  const replies: Array<{ reply: ImportReply; transfer: ArrayBuffer[] }> = [];
  const handler = createImportHandler((reply, transfer) => replies.push({ reply, transfer }), {
    progressEveryMs: 0,
  });
  return { handler, replies };
}

const logits = { values: Float64Array.from([2, -1, 0.5, -3]), shape: [4] };
const targets = { values: Int32Array.from([1, 0, 0, -1]), shape: [4] };

/** A 2·10⁵-row case, its logits stored and its targets deflated. */
function bigNpz(): Uint8Array {
  const N = 200_000;
  return zipFile([
    {
      name: 'logits.npy',
      data: npyBytes({
        values: Float64Array.from({ length: N }, (_, i) => Math.cos(i) * 3),
        shape: [N],
      }),
    },
    {
      name: 'targets.npy',
      data: npyBytes({
        values: Int32Array.from({ length: N }, (_, i) => (i % 9 === 0 ? 1 : 0)),
        shape: [N],
      }),
      deflate: true,
    },
  ]);
}

describe('NumPy import in the import worker', () => {
  it('an .npz: the case npzToCase gives, with progress, its arrays transferred', async () => {
    const bytes = bigNpz();
    const { handler, replies } = collecting();
    await handler.handle({ type: 'numpy', id: 3, files: [file('big.npz', bytes)] });
    const progress = replies.filter((r) => r.reply.type === 'progress').map((r) => r.reply);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toMatchObject({ rowsRead: 200_000, totalBytes: bytes.length });
    const last = replies.at(-1)!;
    if (last.reply.type !== 'result' || !last.reply.result.ok) throw new Error('no result');
    expect(last.reply.kind).toBe('numpy');
    const expected = npzToCase(bytes, undefined);
    if (!expected.ok || !('value' in last.reply.result)) throw new Error('no case');
    const value = last.reply.result.value;
    if (!('flat' in value)) throw new Error('not an arrays case');
    expectSameBits(value.logits, expected.value.logits);
    expect(Array.from(value.targets)).toEqual(Array.from(expected.value.targets));
    expect(last.transfer).toEqual([value.logits.buffer, value.targets.buffer]);
  });

  it('an .npz and a .npy pair import (either order); a truncated file names the problem', async () => {
    const npz = await readNumpyFiles([file('case.npz', npzBytes({ logits, targets }))]);
    if (!npz.ok) throw new Error(npz.error);
    expect(npz.value.R).toBe(4);
    const pair = await readNumpyFiles([
      file('t.npy', npyBytes(targets)),
      file('l.npy', npyBytes(logits)),
    ]);
    if (!pair.ok) throw new Error(pair.error);
    expect(Array.from(pair.value.logits)).toEqual([2, -1, 0.5, -3]);
    const imported = importParsed({ kind: 'numpy', result: pair }, 't.npy + l.npy');
    if (!imported.ok || imported.source.kind !== 'explicit') throw new Error('no import');
    expect(imported.source.name).toBe('t.npy + l.npy');
    const bad = await readNumpyFiles([
      file('l.npy', npyBytes(logits).slice(0, 100)),
      file('t.npy', npyBytes(targets)),
    ]);
    expect(!bad.ok && bad.error).toMatch(/^l\.npy: .*truncated/);
  });

  it('a malformed header, a size bomb, a wrong set of files and an archive error name the file', async () => {
    const bad = npyBytes({ values: Float64Array.from([1, 2]), shape: [2] });
    bad[1] = 0x41; // not the \x93NUMPY magic
    const r1 = await readNumpyFiles([file('l.npy', bad), file('t.npy', npyBytes(targets))]);
    expect(!r1.ok && r1.error).toMatch(/^l\.npy: /);
    let read = false;
    const bomb: NumpyFile = {
      name: 'bomb.npz',
      size: 2 ** 40,
      slice: () => {
        read = true;
        return new Blob([]);
      },
      stream: () => {
        read = true;
        return new Blob([]).stream();
      },
    };
    const r2 = await readNumpyFiles([bomb]);
    expect(!r2.ok && r2.error).toMatch(/^bomb\.npz: .*bytes is more than/);
    expect(read).toBe(false);
    const r3 = await readNumpyFiles([file('a.npy', npyBytes(logits))]);
    expect(!r3.ok && r3.error).toBe(
      'a.npy: choose one .npz file, or two .npy files (logits and targets)',
    );
    const r4 = await readNumpyFiles([file('x.npz', npzBytes({ logits }))]);
    expect(!r4.ok && r4.error).toMatch(/^x\.npz: no array "targets" \(or "labels"\)/);
  });

  it('a cancel stops the read: the result is cancelled', async () => {
    const { handler, replies } = collecting();
    const done = handler.handle({ type: 'numpy', id: 8, files: [file('big.npz', bigNpz())] });
    await handler.handle({ type: 'cancel', id: 8 });
    await done;
    const last = replies.at(-1)!.reply;
    expect(last).toEqual({
      type: 'result',
      id: 8,
      kind: 'numpy',
      result: { ok: false, error: 'cancelled', cancelled: true },
    });
  });

  it('the client: a job with progress, then the case; a cancelled job settles at once', async () => {
    // No Worker in Node: the client runs the same handler on this thread.
    const client = createImportClient({
      createWorker: () => {
        throw new Error('no workers here');
      },
    });
    const seen: number[] = [];
    const job = client.readNumpy([file('big.npz', bigNpz())], {
      onProgress: (p) => seen.push(p.rowsRead),
    });
    const { kind, result } = await job.result;
    expect(kind).toBe('numpy');
    expect(result.ok).toBe(true);
    expect(seen.at(-1)).toBe(200_000);
    const cancelled = client.readNumpy([file('big.npz', bigNpz())]);
    cancelled.cancel();
    expect((await cancelled.result).result).toEqual({
      ok: false,
      error: 'cancelled',
      cancelled: true,
    });
    client.dispose();
  });
});
