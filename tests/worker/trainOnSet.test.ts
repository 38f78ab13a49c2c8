/**
 * A head model trained on the features an imported case carries: the app's path (import → source →
 * training worker, stepping the runs itself or through its pool of 1 or 2 workers) gives, bit for
 * bit, what `dr train` computes from the same numbers as a spec, and a set without features is
 * refused with a message naming the field.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/engine/index.ts';
import { parseImport } from '../../src/io/import.ts';
import { parseTrainSpec, trainRuns } from '../../src/train/index.ts';
import { createTrainHandler } from '../../src/worker/trainHandler.ts';
import { createTrainPool, inlineTrainPoolWorker } from '../../src/worker/trainPool.ts';
import { SERIES_FIELDS, type TrainReply } from '../../src/worker/trainProtocol.ts';
import { DEFAULT_TRAIN_SETUP, type TrainSetup } from '../../src/worker/trainSetup.ts';
import type { CandidateSource } from '../../src/data/types.ts';
import { smallData } from '../train/fixtures.ts';

/** A case with 2-D features: smallData's anchors (ignored rows included), logits all 0. */
function featureCase(d = 2) {
  const data = smallData({ anchors: 80 });
  const features = Array.from({ length: data.R }, (_, r) =>
    Array.from({ length: d }, (_, i) => data.features![r * 2 + (i % 2)] * (1 + i)),
  );
  return {
    logits: Array.from({ length: data.R }, () => 0),
    targets: Array.from(data.targets),
    features,
  };
}

function importSource(json: unknown): CandidateSource {
  const r = parseImport(JSON.stringify(json), 'case.json');
  if (!r.ok) throw new Error(r.error);
  return r.source;
}

function run(setup: TrainSetup, source: CandidateSource | null) {
  const replies: TrainReply[] = [];
  const h = createTrainHandler((r) => replies.push(r), { budgetMs: 0 });
  h.handle({ type: 'start', gen: 1, setup, params: DEFAULT_PARAMS, source });
  while (h.work());
  return replies;
}

/** The same through a training pool of `size` workers (run in this thread), every reply. */
async function runPooled(setup: TrainSetup, source: CandidateSource | null, size: number) {
  const replies: TrainReply[] = [];
  const h = createTrainHandler((r) => replies.push(r), {
    poolSize: size,
    createPool: (n, onNotice) =>
      createTrainPool({ size: n, onNotice, createWorker: () => inlineTrainPoolWorker(0) }),
  });
  h.handle({ type: 'start', gen: 1, setup, params: DEFAULT_PARAMS, source });
  const done = () => replies.some((r) => r.type === 'progress' && r.to === setup.steps + 1);
  for (let i = 0; i < 100_000 && !done(); i++) await new Promise((r) => setTimeout(r, 0));
  h.handle({ type: 'stop' });
  return replies;
}

const setup: TrainSetup = { ...DEFAULT_TRAIN_SETUP, data: 'set', model: 'linear', steps: 15 };

describe('training a head on an imported case’s features', () => {
  it('says so on import', () => {
    const r = parseImport(JSON.stringify(featureCase()), 'case.json');
    if (!r.ok) throw new Error(r.error);
    expect(r.notices).toContain(
      'The case carries 2 features per row: the Train section can train a head on them',
    );
  });

  it.each([
    ['linear', 2],
    ['mlp', 2],
    ['linear', 3],
  ] as const)(
    '%s on d = %d equals `dr train` on the same numbers, bit for bit, in the worker and through its pool of 1 and 2',
    async (model, d) => {
      const json = featureCase(d);
      const s: TrainSetup = { ...setup, model };
      for (const size of [0, 1, 2]) {
        const replies =
          size === 0 ? run(s, importSource(json)) : await runPooled(s, importSource(json), size);
        const started = replies[0];
        if (started.type !== 'started') throw new Error(JSON.stringify(started));
        expect(started.info.d).toBe(d);
        // The heat map needs a plane: only 2-D features give one.
        expect(started.anchors !== null).toBe(d === 2);
        const cli = parseTrainSpec({
          features: json.features,
          targets: json.targets,
          model: model === 'mlp' ? { hidden: s.hidden } : 'linear',
          lr: { dr: s.lrDr, focal: s.lrFocal, bce: s.lrBce },
          prior: { dr: s.priorDr, focal: s.priorFocal, bce: s.priorBce },
          focal: { alpha: s.alpha, gamma: s.gamma },
          steps: s.steps,
        });
        if (!cli.ok) throw new Error(cli.error);
        const expected = trainRuns(cli.spec);
        const W = SERIES_FIELDS.length;
        const progress = replies.filter((r) => r.type === 'progress');
        expect(progress.at(-1)!.to).toBe(s.steps + 1);
        for (const p of progress) {
          (['dr', 'focal', 'bce'] as const).forEach((name, i) => {
            const e = expected.runs[name]!;
            for (let k = p.from; k < p.to; k++) {
              const row = p.series[i].subarray((k - p.from) * W, (k - p.from + 1) * W);
              expect([row[0], row[1], row[2]]).toEqual([e.loss[k], e.ap[k], e.auc[k]]);
              expect(Object.is(row[0], e.loss[k])).toBe(true);
            }
          });
        }
      }
    },
  );

  it('keeps the features through deleted rows (the link and the worker see the same rows)', () => {
    const json = featureCase();
    const source = importSource(json);
    if (source.kind !== 'explicit') throw new Error('explicit');
    const edited: CandidateSource = { ...source, edits: [{ op: 'delete', row: 0 }] };
    const replies = run(setup, edited);
    const started = replies[0];
    if (started.type !== 'started') throw new Error(JSON.stringify(started));
    expect(started.info.R).toBe(json.targets.length - 1);
  });

  it('refuses a set without features, naming the field', () => {
    const replies = run(setup, { kind: 'generated', preset: 'paper-default', seed: 1, edits: [] });
    expect(replies).toHaveLength(1);
    const r = replies[0];
    expect(r.type).toBe('error');
    if (r.type === 'error') {
      expect(r.message).toMatch(/^data: the current candidate set has no features \(import a case/);
    }
  });

  it('refuses a set whose features an added row dropped', () => {
    const source = importSource(featureCase());
    if (source.kind !== 'explicit') throw new Error('explicit');
    const added: CandidateSource = {
      ...source,
      edits: [{ op: 'add', logits: [0], target: 1 }],
    };
    const r = run(setup, added)[0];
    expect(r.type).toBe('error');
  });

  it('the generated data ignores the set', () => {
    const r = run({ ...setup, data: 'generated', anchors: 300 }, null)[0];
    if (r.type !== 'started') throw new Error(JSON.stringify(r));
    expect(r.info.R).toBe(300);
  });
});
