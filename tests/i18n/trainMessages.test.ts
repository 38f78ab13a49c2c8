/**
 * The training layer's reasons (why a training could not start, why a run stopped) in Chinese: each
 * pattern is produced by the real code, and its translation holds no English word outside field
 * names; English stays as it is.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../src/engine/index.ts';
import { t } from '../../src/i18n/strings.ts';
import { translateTrainMessage } from '../../src/i18n/trainMessages.ts';
import { createTraining, stepTraining } from '../../src/train/index.ts';
import { createTrainHandler } from '../../src/worker/trainHandler.ts';
import type { TrainReply } from '../../src/worker/trainProtocol.ts';
import { DEFAULT_TRAIN_SETUP, type TrainSetup } from '../../src/worker/trainSetup.ts';
import type { CandidateSource } from '../../src/data/types.ts';
import { smallData, spec } from '../train/fixtures.ts';

const zh = t('zh');
const en = t('en');

function startError(setup: TrainSetup, source: CandidateSource): string {
  const replies: TrainReply[] = [];
  const h = createTrainHandler((r) => replies.push(r), { budgetMs: 0 });
  h.handle({ type: 'start', gen: 1, setup, params: DEFAULT_PARAMS, source });
  const r = replies[0];
  if (r.type !== 'error') throw new Error(`expected an error, got ${r.type}`);
  return r.message;
}

/** The reasons a run stops with, from runs driven past the float range. */
function divergenceReasons(): string[] {
  const reasons = new Set<string>();
  for (const kind of ['sgd', 'adam'] as const) {
    const training = createTraining(
      spec(smallData(), {
        losses: ['focal'],
        optimizer:
          kind === 'sgd' ? { kind, momentum: 0.9 } : { kind, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
        lr: { focal: 1e308 },
        steps: 20,
      }),
    );
    for (let i = 0; i < 20 && training.runs[0].diverged === null; i++) stepTraining(training);
    if (training.runs[0].diverged !== null) reasons.add(training.runs[0].diverged);
  }
  return [...reasons];
}

const preset: CandidateSource = { kind: 'generated', preset: 'paper-default', seed: 1, edits: [] };
const big: CandidateSource = { kind: 'generated', preset: 'detection-scale', seed: 1, edits: [] };

function english(text: string): string[] {
  return (text.replace(/"[^"]*"/g, '').match(/[A-Za-z]{2,}/g) ?? []).filter((w) => w !== 'R');
}

describe('training reasons in Chinese', () => {
  const messages = [
    startError({ ...DEFAULT_TRAIN_SETUP, data: 'set' }, preset),
    startError({ ...DEFAULT_TRAIN_SETUP, model: 'free' }, big),
    ...divergenceReasons(),
  ];

  it('come from the real code', () => {
    expect(messages.length).toBeGreaterThanOrEqual(3);
  });

  it.each(messages)('%s', (message) => {
    expect(translateTrainMessage(message, en, true)).toBe(message);
    const out = translateTrainMessage(message, zh, false);
    expect(out).not.toBe(message);
    expect(english(out), `${message} → ${out}`).toEqual([]);
  });

  it('keeps a reason it does not know as it is', () => {
    expect(translateTrainMessage('something new', zh, false)).toBe('something new');
  });
});
