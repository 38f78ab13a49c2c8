// The tools worker's handler in Node: a check names the perturbed gradient entry first, exports come
// back whole. (NumPy imports are the import worker's: tests/worker/importNumpy.test.ts.)
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, drLoss } from '../../src/engine/index.ts';
import type { CandidateSource } from '../../src/data/types.ts';
import { handleTools } from '../../src/worker/tools.ts';

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
});
