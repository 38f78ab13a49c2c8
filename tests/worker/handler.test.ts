import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drLoss } from '../../src/engine/index.ts';
import { DEFAULT_PARAMS, type DRParams } from '../../src/engine/types.ts';
import { DETAIL_LIMIT } from '../../src/viz/types.ts';
import { createEngineHandler, ENTRY_DETAIL_LIMIT } from '../../src/worker/handler.ts';
import type { EngineResponse, ResultResponse } from '../../src/worker/protocol.ts';
import type { CandidateSource } from '../../src/state/types.ts';
import { materialize } from '../../src/data/index.ts';

const paper: CandidateSource = { kind: 'generated', preset: 'paper-default', seed: 1, edits: [] };

function result(message: EngineResponse | undefined): ResultResponse {
  if (message?.type !== 'result')
    throw new Error(`expected a result, got ${JSON.stringify(message)}`);
  return message;
}

/** Relative closeness with a stated tolerance (never ===). */
function expectClose(actual: number, expected: number, rel = 1e-12) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}

describe('engine handler', () => {
  it('a load evaluates the materialised set exactly as drLoss does', () => {
    const h = createEngineHandler();
    const reply = result(
      h.handle({ type: 'load', gen: 1, source: paper, params: DEFAULT_PARAMS, detail: 'scalars' })
        ?.message,
    );
    const set = materialize(paper);
    const direct = drLoss(set.logits, set.targets, set.K, DEFAULT_PARAMS).result;
    expect(reply.gen).toBe(1);
    expectClose(reply.result.loss, direct.loss);
    expectClose(reply.result.pPlus, direct.pPlus);
    expectClose(reply.result.pMinus, direct.pMinus);
    expect(reply.info).toEqual({ R: set.R, K: set.K, nPos: direct.nPos, nNeg: direct.nNeg });
    expect(reply.entries).toBeUndefined();
  });

  it('an evaluate reuses the loaded set with new parameters only', () => {
    const h = createEngineHandler();
    h.handle({ type: 'load', gen: 1, source: paper, params: DEFAULT_PARAMS, detail: 'scalars' });
    const params: DRParams = { ...DEFAULT_PARAMS, lambdaNeg: 0.5, margin: 0.2 };
    const reply = result(
      h.handle({ type: 'evaluate', gen: 2, params, detail: 'scalars' })?.message,
    );
    const set = materialize(paper);
    expectClose(reply.result.loss, drLoss(set.logits, set.targets, set.K, params).result.loss);
    expect(reply.loadMs).toBe(0);
  });

  it('reproduces every golden case sent as an explicit set (loss and P̂± to 1e-9 relative)', () => {
    const cases = JSON.parse(
      readFileSync(new URL('../../../shared/golden/dr_loss_cases.json', import.meta.url), 'utf8'),
    ) as {
      logits: number[] | number[][];
      targets: number[];
      params: Record<string, number | string>;
      expected: { loss: number; pPlus: number; pMinus: number };
    }[];
    const h = createEngineHandler();
    cases.forEach((c, i) => {
      const rows = c.logits.map((r) => (Array.isArray(r) ? r : [r]));
      const K = rows[0].length;
      const source: CandidateSource = {
        kind: 'explicit',
        name: `golden ${i}`,
        base: {
          R: rows.length,
          K,
          logits: Float64Array.from(rows.flat()),
          targets: Int32Array.from(c.targets),
        },
        edits: [],
      };
      const p = c.params;
      const params: DRParams = {
        ...DEFAULT_PARAMS,
        ...(p.margin !== undefined && { margin: p.margin as number }),
        ...(p.lambdaPos !== undefined && { lambdaPos: p.lambdaPos as number }),
        ...(p.lambdaNeg !== undefined && { lambdaNeg: p.lambdaNeg as number }),
        ...(p.L !== undefined && { L: p.L as number }),
        ...(p.tau !== undefined && { tau: p.tau as number }),
        ...(p.rho !== undefined && { rho: p.rho as number }),
        ...(p.smoothing !== undefined && { smoothing: p.smoothing as DRParams['smoothing'] }),
        ...(p.negTopK !== undefined && {
          original: { kind: 'hardNegative', k: p.negTopK as number },
        }),
      };
      const r = result(
        h.handle({ type: 'load', gen: i + 1, source, params, detail: 'scalars' })?.message,
      ).result;
      expectClose(r.loss, c.expected.loss, 1e-9);
      expectClose(r.pPlus, c.expected.pPlus, 1e-9);
      expectClose(r.pMinus, c.expected.pMinus, 1e-9);
    });
  });

  it('per-entry arrays come as transferable copies that do not detach the cache', () => {
    const h = createEngineHandler();
    const reply = h.handle({
      type: 'load',
      gen: 1,
      source: paper,
      params: DEFAULT_PARAMS,
      detail: 'entries',
    })!;
    const first = result(reply.message);
    const entries = first.entries!;
    expect(entries.qNeg.length).toBe(first.info.nNeg);
    expect(entries.gradLogits.length).toBe(first.info.R * first.info.K);
    expectClose(
      entries.qNeg.reduce((a, b) => a + b, 0),
      1,
      1e-12,
    );
    expect(reply.transfer).toHaveLength(9);
    // Transfer detaches the reply's buffers; the next evaluation must still work on the cache.
    structuredClone(reply.message, { transfer: reply.transfer });
    expect(entries.qNeg.length).toBe(0);
    const again = result(
      h.handle({ type: 'evaluate', gen: 2, params: DEFAULT_PARAMS, detail: 'entries' })?.message,
    );
    expectClose(again.result.loss, first.result.loss, 0);
    expect(again.entries!.qNeg.length).toBe(first.info.nNeg);
  });

  it('sets above the detail limit answer with scalars only, even when entries are asked for', () => {
    const h = createEngineHandler();
    const sized = (R: number): CandidateSource => ({
      kind: 'explicit',
      name: `${R} rows`,
      base: {
        R,
        K: 1,
        logits: Float64Array.from({ length: R }, (_, i) => Math.sin(i)),
        targets: Int32Array.from({ length: R }, (_, i) => (i % 10 === 0 ? 1 : 0)),
      },
      edits: [],
    });
    const at = result(
      h.handle({
        type: 'load',
        gen: 1,
        source: sized(ENTRY_DETAIL_LIMIT),
        params: DEFAULT_PARAMS,
        detail: 'entries',
      })?.message,
    );
    expect(at.entries?.pNeg.length).toBe(at.info.nNeg);
    const above = result(
      h.handle({
        type: 'load',
        gen: 2,
        source: sized(ENTRY_DETAIL_LIMIT + 1),
        params: DEFAULT_PARAMS,
        detail: 'entries',
      })?.message,
    );
    expect(above.info.nPos + above.info.nNeg).toBe(ENTRY_DETAIL_LIMIT + 1);
    expect(above.entries).toBeUndefined();
  });

  it('the detail limit is the viz layer’s DETAIL_LIMIT', () => {
    expect(ENTRY_DETAIL_LIMIT).toBe(DETAIL_LIMIT);
  });

  it('an evaluate before any load is an error naming the cause, not a throw', () => {
    const h = createEngineHandler();
    const reply = h.handle({ type: 'evaluate', gen: 7, params: DEFAULT_PARAMS, detail: 'scalars' });
    expect(reply?.message).toEqual({
      type: 'error',
      gen: 7,
      message: 'no candidate set is loaded in the engine',
    });
  });

  it('invalid parameters are an error reply and the loaded set stays usable', () => {
    const h = createEngineHandler();
    h.handle({ type: 'load', gen: 1, source: paper, params: DEFAULT_PARAMS, detail: 'scalars' });
    const bad = h.handle({
      type: 'evaluate',
      gen: 2,
      params: { ...DEFAULT_PARAMS, lambdaNeg: -1 },
      detail: 'scalars',
    });
    expect(bad?.message.type).toBe('error');
    const ok = h.handle({ type: 'evaluate', gen: 3, params: DEFAULT_PARAMS, detail: 'scalars' });
    expect(ok?.message.type).toBe('result');
  });

  it('a failed load drops the previous set instead of answering for the new one', () => {
    const h = createEngineHandler();
    h.handle({ type: 'load', gen: 1, source: paper, params: DEFAULT_PARAMS, detail: 'scalars' });
    const broken = {
      kind: 'explicit',
      name: 'broken',
      base: { R: 2, K: 1, logits: new Float64Array(1), targets: new Int32Array(2) },
      edits: [],
    } as CandidateSource;
    const load = h.handle({
      type: 'load',
      gen: 2,
      source: broken,
      params: DEFAULT_PARAMS,
      detail: 'scalars',
    });
    expect(load?.message.type).toBe('error');
    const next = h.handle({ type: 'evaluate', gen: 3, params: DEFAULT_PARAMS, detail: 'scalars' });
    expect(next?.message.type).toBe('error');
  });

  it('reports the time spent loading and evaluating from the injected clock', () => {
    // Clock readings: load starts, load ends (= evaluation starts), evaluation ends.
    const times = [100, 107, 107, 110];
    const h = createEngineHandler(() => times.shift() ?? NaN);
    const r = result(
      h.handle({ type: 'load', gen: 1, source: paper, params: DEFAULT_PARAMS, detail: 'scalars' })
        ?.message,
    );
    expect(r.loadMs).toBe(7);
    expect(r.evaluateMs).toBe(3);
  });

  it('the crash test hook has no reply from the handler', () => {
    expect(createEngineHandler().handle({ type: 'crash' })).toBeNull();
  });
});
