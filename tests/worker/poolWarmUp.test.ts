import { describe, expect, it } from 'vitest';
import { presetShardPlan } from '../../src/data/presetShards.ts';
import { createPoolHandler, type PoolHandler } from '../../src/worker/poolHandler.ts';
import type { PoolRequest, PoolResponse } from '../../src/worker/poolProtocol.ts';
import { warmUpPool } from '../../src/worker/poolWarmUp.ts';

/** A switch's three steps on `handler`: the replies' messages, in order. */
function switchOn(handler: PoolHandler): PoolResponse[] {
  const plan = presetShardPlan('paper-default', 3, 40);
  const source = { kind: 'plan' as const, plan };
  const shards = Array.from({ length: Math.ceil(plan.R / plan.shardRows) }, (_, s) => s);
  const replies: PoolResponse[] = [];
  const ask = (request: PoolRequest) => {
    const reply = handler.handle(request);
    if (reply === null) throw new Error(`no reply to ${request.type}`);
    replies.push(reply.message);
    return reply.message;
  };
  const cut = ask({ type: 'cut', id: 1, source, shards, splits: Float64Array.of(0.2, 0.5) });
  if (cut.type !== 'cut') throw new Error(`cut answered ${cut.type}`);
  cut.ranges.forEach((pieces, r) => ask({ type: 'sortRange', id: 2 + r, pieces }));
  ask({ type: 'give', id: 9, source, shards });
  return replies;
}

describe('warmUpPool', () => {
  it('runs a switch’s steps on a tiny set and leaves the handler answering as a fresh one, bit for bit', () => {
    const warmed = createPoolHandler();
    warmUpPool(warmed);
    const replies = switchOn(warmed);
    expect(replies.map((m) => m.type)).toEqual([
      'cut',
      'sortedRange',
      'sortedRange',
      'sortedRange',
      'given',
    ]);
    // toEqual compares numbers with Object.is, typed arrays element by element
    expect(replies).toEqual(switchOn(createPoolHandler()));
  });

  it('throws, naming the step and its error, when a step fails', () => {
    const failing: PoolHandler = {
      handle: (request) =>
        request.type === 'crash'
          ? null
          : {
              message: { type: 'error', id: request.id, message: 'no memory' },
              transfer: [],
            },
    };
    expect(() => warmUpPool(failing)).toThrow('pool warm-up: cut answered error: no memory');
  });
});
