// The tools worker's handler in Node: a check names the perturbed gradient entry first, NumPy files
// (an .npz, a .npy pair, a broken file) become an import or a message, exports come back whole.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, drLoss } from '../../src/engine/index.ts';
import type { CandidateSource } from '../../src/data/types.ts';
import { npyBytes, npzBytes } from '../../src/io/npzWrite.ts';
import { handleTools, type BytesFile } from '../../src/worker/tools.ts';

const file = (name: string, bytes: Uint8Array): BytesFile => ({
  name,
  size: bytes.length,
  arrayBuffer: async () => bytes.slice().buffer,
});

function problem(R: number) {
  const logits = Array.from({ length: R }, (_, i) => Math.sin(i * 1.7) * 3);
  const targets = Array.from({ length: R }, (_, i) => (i % 7 === 0 ? 1 : 0));
  const { result, gradLogits } = drLoss(
    Float64Array.from(logits),
    Int32Array.from(targets),
    1,
    DEFAULT_PARAMS,
  );
  return { logits, targets, loss: result.loss, grad: Array.from(gradLogits) };
}

describe('tools handler', () => {
  it('check: a mismatching gradient gives "mismatch" and its entry first', async () => {
    const p = problem(50);
    p.grad[13] += 0.01;
    const text = JSON.stringify({
      logits: p.logits,
      targets: p.targets,
      yours: { loss: p.loss, grad: p.grad },
    });
    const reply = await handleTools({ type: 'check', id: 1, text });
    expect(reply.type).toBe('check');
    if (reply.type !== 'check' || !reply.result.ok) throw new Error('no outcome');
    expect(reply.result.diagnosis.verdict).toBe('mismatch');
    expect(reply.result.top[0]).toBe(13);
    expect(reply.result.imported.ok).toBe(true);
  });

  it('check: the official numbers match; 10⁵ entries diagnosed (time printed)', async () => {
    const p = problem(100_000);
    const text = JSON.stringify({
      logits: p.logits,
      targets: p.targets,
      yours: { loss: p.loss, grad: p.grad },
    });
    const reply = await handleTools({ type: 'check', id: 2, text });
    if (reply.type !== 'check' || !reply.result.ok) throw new Error('no outcome');
    expect(reply.result.diagnosis.verdict).toBe('match');
    expect(reply.result.top).toHaveLength(0);
    console.log(`diagnose at 1e5 entries: ${reply.result.ms.toFixed(1)} ms`);
  });

  it('check: a bad input is one message', async () => {
    const reply = await handleTools({ type: 'check', id: 3, text: '{"logits": [1]}' });
    if (reply.type !== 'check') throw new Error('type');
    expect(reply.result.ok).toBe(false);
  });

  it('numpy: an .npz and a .npy pair import; a truncated file names the problem', async () => {
    const logits = { values: Float64Array.from([2, -1, 0.5, -3]), shape: [4] };
    const targets = { values: Int32Array.from([1, 0, 0, -1]), shape: [4] };
    const npz = await handleTools({
      type: 'numpy',
      id: 4,
      files: [file('case.npz', npzBytes({ logits, targets }))],
    });
    if (npz.type !== 'numpy' || !npz.result.ok) throw new Error(JSON.stringify(npz));
    expect(npz.result.source.kind === 'explicit' && npz.result.source.base.R).toBe(4);
    const pair = await handleTools({
      type: 'numpy',
      id: 5,
      files: [file('t.npy', npyBytes(targets)), file('l.npy', npyBytes(logits))],
    });
    if (pair.type !== 'numpy' || !pair.result.ok) throw new Error(JSON.stringify(pair));
    expect(
      pair.result.source.kind === 'explicit' && Array.from(pair.result.source.base.logits),
    ).toEqual([2, -1, 0.5, -3]);
    const cut = npyBytes(logits).slice(0, 100);
    const bad = await handleTools({
      type: 'numpy',
      id: 6,
      files: [file('l.npy', cut), file('t.npy', npyBytes(targets))],
    });
    if (bad.type !== 'numpy' || bad.result.ok) throw new Error('expected an error');
    expect(bad.result.error).toMatch(/^l\.npy: .*truncated/);
  });

  it('export: the CSV of a generated set has a line per entry', async () => {
    const source: CandidateSource = {
      kind: 'generated',
      preset: 'paper-default',
      seed: 1,
      edits: [],
    };
    const reply = await handleTools({
      type: 'export',
      id: 7,
      what: 'csv',
      source,
      params: DEFAULT_PARAMS,
    });
    if (reply.type !== 'export' || !reply.result.ok || !('text' in reply.result))
      throw new Error('no text');
    expect(reply.result.text.split('\n')[0]).toMatch(/^row,class,label,logit,p,q,gradDR/);
    expect(Number.isFinite(reply.result.loss)).toBe(true);
  });

  it('numpy: a malformed header and a size bomb are refused with the file named', async () => {
    const targets = { values: Int32Array.from([1, 0]), shape: [2] };
    const bad = npyBytes({ values: Float64Array.from([1, 2]), shape: [2] });
    bad[1] = 0x41; // not the \x93NUMPY magic
    const r1 = await handleTools({
      type: 'numpy',
      id: 8,
      files: [file('l.npy', bad), file('t.npy', npyBytes(targets))],
    });
    if (r1.type !== 'numpy' || r1.result.ok) throw new Error('expected an error');
    expect(r1.result.error).toMatch(/^l\.npy: /);
    let read = false;
    const bomb: BytesFile = {
      name: 'bomb.npz',
      size: 2 ** 40,
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    };
    const r2 = await handleTools({ type: 'numpy', id: 9, files: [bomb] });
    if (r2.type !== 'numpy' || r2.result.ok) throw new Error('expected an error');
    expect(r2.result.error).toMatch(/^bomb\.npz: .*bytes is more than/);
    expect(read).toBe(false);
  });
});
