import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE } from '../../src/data/presets.ts';
import type { CandidateSource } from '../../src/data/types.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import { firstLoad, sameLoad } from '../../src/worker/firstLoad.ts';
import { createEngineHandler, type HandlerReply } from '../../src/worker/handler.ts';
import type { LoadRequest, ResultResponse } from '../../src/worker/protocol.ts';

const load = (over: Partial<LoadRequest> = {}): LoadRequest => ({
  ...firstLoad(),
  gen: 3,
  ...over,
});
const explicit = (logits: number[]): CandidateSource => ({
  kind: 'explicit',
  name: 'x',
  base: { R: logits.length, K: 1, logits: Float64Array.from(logits), targets: new Int32Array(2) },
  edits: [],
});

describe('sameLoad: which first requests the primed reply answers', () => {
  it('a copy of the first load, whatever its generation, through a structured clone too', () => {
    expect(sameLoad(firstLoad(), load())).toBe(true);
    expect(sameLoad(firstLoad(), structuredClone(load({ gen: 9 })))).toBe(true);
  });

  it('not another seed, preset, edit, parameter, pool size or an extra field', () => {
    const src = DEFAULT_SOURCE;
    expect(sameLoad(firstLoad(), load({ source: { ...src, seed: 2 } as CandidateSource }))).toBe(
      false,
    );
    const fig2 = { ...src, preset: 'fig2-small-var' } as CandidateSource;
    expect(sameLoad(firstLoad(), load({ source: fig2 }))).toBe(false);
    const edited = { ...src, edits: [{ op: 'setLabel', row: 0, target: 0 }] } as CandidateSource;
    expect(sameLoad(firstLoad(), load({ source: edited }))).toBe(false);
    const margin = DEFAULT_APP_PARAMS.margin + 1e-12;
    expect(sameLoad(firstLoad(), load({ params: { ...DEFAULT_APP_PARAMS, margin } }))).toBe(false);
    expect(sameLoad(firstLoad(), load({ poolSize: 1 }))).toBe(false);
    const extra = { ...DEFAULT_APP_PARAMS, unknown: 1 };
    expect(sameLoad(firstLoad(), load({ params: extra }))).toBe(false);
  });

  it('numbers by Object.is (−0 is not 0), typed arrays element by element', () => {
    const zero = { ...DEFAULT_APP_PARAMS, lambdaPos: 0 };
    const minusZero = { ...DEFAULT_APP_PARAMS, lambdaPos: -0 };
    expect(sameLoad(load({ params: zero }), load({ params: minusZero }))).toBe(false);
    const a = load({ source: explicit([1, 2]) });
    expect(sameLoad(a, load({ source: explicit([1, 2]) }))).toBe(true);
    expect(sameLoad(a, load({ source: explicit([1, 2.5]) }))).toBe(false);
    expect(sameLoad(a, load({ source: explicit([1, 2, 3]) }))).toBe(false);
  });
});

/**
 * A handler whose clock stands still while `frozen` (prime's timings read 0) and otherwise moves by 1
 * at each reading, so a reply's evaluateMs tells whether it was computed ahead (0) or when asked (1).
 */
function clocked() {
  let t = 0;
  const clock = { frozen: true };
  const handler = createEngineHandler(() => (clock.frozen ? t : t++));
  return { handler, clock };
}

function resultOf(reply: HandlerReply | null): ResultResponse {
  if (reply?.message.type !== 'result')
    throw new Error(`expected a result: ${reply?.message.type}`);
  return reply.message;
}

/** The reply without its timings, for comparing what was computed. */
function computed(r: ResultResponse) {
  const { loadMs, evaluateMs, ahead, ...rest } = r;
  void [loadMs, evaluateMs, ahead];
  return rest;
}

describe('handler.prime: the first load computed before it is asked', () => {
  it('answers an equal first load with the reply computed ahead, bit for bit, in its generation', () => {
    const { handler, clock } = clocked();
    handler.prime(firstLoad());
    clock.frozen = false;
    const reply = resultOf(handler.handle(load({ gen: 7 })));
    expect(reply.gen).toBe(7);
    expect(reply.evaluateMs).toBe(0); // computed while primed
    expect(reply.ahead).toBe(true); // what the readout says of its timings
    const fresh = resultOf(createEngineHandler().handle(load({ gen: 7 })));
    expect(computed(reply)).toEqual(computed(fresh));
    // and the primed set is the loaded one: an evaluate on it is the fresh handler's
    const next = { ...DEFAULT_APP_PARAMS, lambdaNeg: 0.05 };
    const evaluated = resultOf(handler.handle({ type: 'evaluate', gen: 8, params: next }));
    expect(evaluated.result).toEqual(
      resultOf(createEngineHandler().handle(load({ gen: 8, params: next }))).result,
    );
    expect(handler.mainGeneration).toBe(8);
  });

  it('computes any other first load as usual, and drops what was primed', () => {
    const { handler, clock } = clocked();
    handler.prime(firstLoad());
    clock.frozen = false;
    const other = load({ source: { ...DEFAULT_SOURCE, seed: 5 } as CandidateSource });
    const reply = resultOf(handler.handle(other));
    expect(reply.evaluateMs).toBe(1); // computed when asked
    expect(reply.ahead).toBeUndefined();
    expect(computed(reply)).toEqual(computed(resultOf(createEngineHandler().handle(other))));
    // a later request equal to the primed one is computed too: the primed reply is gone
    expect(resultOf(handler.handle(load({ gen: 4 }))).evaluateMs).toBe(1);
  });

  it('an evaluate first is still the error it is without priming (no set is loaded)', () => {
    const { handler } = clocked();
    handler.prime(firstLoad());
    const reply = handler.handle({ type: 'evaluate', gen: 1, params: DEFAULT_APP_PARAMS });
    expect(reply?.message).toEqual({
      type: 'error',
      gen: 1,
      message: 'no candidate set is loaded in the engine',
    });
  });

  it('does nothing once a request has been served', () => {
    const { handler, clock } = clocked();
    clock.frozen = false;
    handler.handle(load({ gen: 1 }));
    clock.frozen = true;
    handler.prime(firstLoad()); // would read 0 if it computed anything
    clock.frozen = false;
    expect(resultOf(handler.handle(load({ gen: 2 }))).evaluateMs).toBe(1);
  });

  it('a prime that cannot be computed leaves the first request to report why', () => {
    const { handler } = clocked();
    const unknownPreset = { ...DEFAULT_SOURCE, preset: 'no-such-preset' } as unknown;
    const bad = load({ source: unknownPreset as CandidateSource });
    handler.prime(bad);
    expect(handler.handle(bad)?.message.type).toBe('error');
  });
});
