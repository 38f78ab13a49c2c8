import { GOLDEN_JSON } from '../golden/cases.ts';
import { describe, expect, it } from 'vitest';
import { materialize } from '../../src/data/index.ts';
import { drLoss } from '../../src/engine/index.ts';
import { explain } from '../../src/explain/index.ts';
import { parseImport } from '../../src/io/import.ts';
import { DEFAULT_APP_PARAMS, toEngineParams } from '../../src/params/table.ts';
import type { AppParams } from '../../src/params/types.ts';
import type { CandidateSource } from '../../src/data/types.ts';
import { DETAIL_LIMIT } from '../../src/explain/types.ts';
import { buffersOf, createEngineHandler } from '../../src/worker/handler.ts';
import type { EngineResponse, ResultResponse } from '../../src/worker/protocol.ts';

const paper: CandidateSource = { kind: 'generated', preset: 'paper-default', seed: 1, edits: [] };
const defaults: AppParams = DEFAULT_APP_PARAMS;

function result(message: EngineResponse | undefined): ResultResponse {
  if (message?.type !== 'result')
    throw new Error(`expected a result, got ${JSON.stringify(message)}`);
  return message;
}

/** Relative closeness with a stated tolerance (never ===). */
function expectClose(actual: number, expected: number, rel = 1e-12) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}

/** A one-class explicit set of R rows, every 10th positive. */
function sized(R: number): CandidateSource {
  return {
    kind: 'explicit',
    name: `${R} rows`,
    base: {
      R,
      K: 1,
      logits: Float64Array.from({ length: R }, (_, i) => 3 * Math.sin(i)),
      targets: Int32Array.from({ length: R }, (_, i) => (i % 10 === 0 ? 1 : 0)),
    },
    edits: [],
  };
}

describe('engine handler', () => {
  it('a load explains the materialised set: DR as drLoss computes it, the rest as explain() does', () => {
    const h = createEngineHandler();
    const reply = result(
      h.handle({ type: 'load', gen: 1, source: paper, params: defaults })?.message,
    );
    const set = materialize(paper);
    const direct = drLoss(set.logits, set.targets, set.K, toEngineParams(defaults)).result;
    expect(reply.gen).toBe(1);
    expectClose(reply.result.loss, direct.loss);
    expectClose(reply.result.pPlus, direct.pPlus);
    expectClose(reply.result.pMinus, direct.pMinus);
    expect(reply.info).toEqual({ R: set.R, K: set.K, nPos: direct.nPos, nNeg: direct.nNeg });
    const oneShot = explain(set, defaults);
    expectClose(reply.explained.pairwise.loss, oneShot.pairwise.loss);
    expectClose(reply.explained.bce!.fromNeg, oneShot.bce!.fromNeg);
    expectClose(reply.explained.hardestShare, oneShot.hardestShare);
    expect(reply.explained.detail!.index).toEqual(oneShot.detail!.index);
  });

  it('an evaluate reuses the loaded set with new parameters only', () => {
    const h = createEngineHandler();
    h.handle({ type: 'load', gen: 1, source: paper, params: defaults });
    const params: AppParams = { ...defaults, lambdaNeg: 0.5, margin: 0.2 };
    const reply = result(h.handle({ type: 'evaluate', gen: 2, params })?.message);
    const set = materialize(paper);
    const oneShot = explain(set, params);
    expectClose(reply.result.loss, oneShot.result.loss);
    expectClose(reply.explained.pairwise.loss, oneShot.pairwise.loss);
    expect(reply.explained.recovery).toEqual(oneShot.recovery);
    expect(reply.loadMs).toBe(0);
  });

  it('reproduces every golden case imported as a JSON case (loss and P̂± to 1e-9 relative)', () => {
    const cases = GOLDEN_JSON;
    const h = createEngineHandler();
    cases.forEach((c, i) => {
      const imported = parseImport(JSON.stringify(c), `golden-${i}.json`);
      if (!imported.ok) throw new Error(imported.error);
      const params = imported.params ?? defaults;
      const r = result(
        h.handle({ type: 'load', gen: i + 1, source: imported.source, params })?.message,
      ).result;
      expectClose(r.loss, c.expected.loss, 1e-9);
      expectClose(r.pPlus, c.expected.pPlus, 1e-9);
      expectClose(r.pMinus, c.expected.pMinus, 1e-9);
    });
  });

  it('every typed array of the snapshot is transferred, and transferring detaches nothing cached', () => {
    const h = createEngineHandler();
    const reply = h.handle({ type: 'load', gen: 1, source: paper, params: defaults })!;
    const first = result(reply.message);
    const d = first.explained.detail!;
    // 13 detail arrays + 4 per histogram, each its own buffer.
    expect(reply.transfer).toHaveLength(13 + 8);
    expect(new Set(reply.transfer).size).toBe(reply.transfer.length);
    expect(buffersOf(first.explained)).toHaveLength(21);
    const n = d.p.length;
    structuredClone(reply.message, { transfer: reply.transfer });
    expect(d.p.length).toBe(0); // detached: the reply's own buffers moved
    const again = result(h.handle({ type: 'evaluate', gen: 2, params: defaults })?.message);
    expectClose(again.result.loss, first.result.loss, 0);
    expect(again.explained.detail!.p.length).toBe(n);
    expect(again.explained.neg.hist.count.length).toBe(40);
  });

  it('sets above the detail limit answer with histograms and no per-entry detail', () => {
    const h = createEngineHandler();
    const at = result(
      h.handle({ type: 'load', gen: 1, source: sized(DETAIL_LIMIT), params: defaults })?.message,
    );
    expect(at.explained.detail?.p.length).toBe(DETAIL_LIMIT);
    const above = result(
      h.handle({ type: 'load', gen: 2, source: sized(DETAIL_LIMIT + 1), params: defaults })
        ?.message,
    );
    expect(above.info.nPos + above.info.nNeg).toBe(DETAIL_LIMIT + 1);
    expect(above.explained.detail).toBeNull();
    const counted = above.explained.neg.hist.count.reduce((a, b) => a + b, 0);
    expect(counted).toBe(above.info.nNeg);
  });

  it('an evaluate before any load is an error naming the cause, not a throw', () => {
    const h = createEngineHandler();
    const reply = h.handle({ type: 'evaluate', gen: 7, params: defaults });
    expect(reply?.message).toEqual({
      type: 'error',
      gen: 7,
      message: 'no candidate set is loaded in the engine',
    });
  });

  it('invalid parameters are an error reply and the loaded set stays usable', () => {
    const h = createEngineHandler();
    h.handle({ type: 'load', gen: 1, source: paper, params: defaults });
    const bad = h.handle({ type: 'evaluate', gen: 2, params: { ...defaults, lambdaNeg: -1 } });
    expect(bad?.message.type).toBe('error');
    const ok = h.handle({ type: 'evaluate', gen: 3, params: defaults });
    expect(ok?.message.type).toBe('result');
  });

  it('a failed load drops the previous set instead of answering for the new one', () => {
    const h = createEngineHandler();
    h.handle({ type: 'load', gen: 1, source: paper, params: defaults });
    const broken = {
      kind: 'explicit',
      name: 'broken',
      base: { R: 2, K: 1, logits: new Float64Array(1), targets: new Int32Array(2) },
      edits: [],
    } as CandidateSource;
    const load = h.handle({ type: 'load', gen: 2, source: broken, params: defaults });
    expect(load?.message.type).toBe('error');
    const next = h.handle({ type: 'evaluate', gen: 3, params: defaults });
    expect(next?.message.type).toBe('error');
  });

  it('reports the time spent loading and explaining from the injected clock', () => {
    // Clock readings: load starts, load ends (= explaining starts), explaining ends.
    const times = [100, 107, 107, 110];
    const h = createEngineHandler(() => times.shift() ?? NaN);
    const r = result(h.handle({ type: 'load', gen: 1, source: paper, params: defaults })?.message);
    expect(r.loadMs).toBe(7);
    expect(r.evaluateMs).toBe(3);
  });

  it('the crash test hook has no reply from the handler', () => {
    expect(createEngineHandler().handle({ type: 'crash' })).toBeNull();
  });
});
