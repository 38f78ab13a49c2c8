import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import { runTrain } from '../../src/cli/train.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { parseTrainSpecText, trainRuns } from '../../src/train/index.ts';

/** A small separable spec: 12 anchors with 2-D features, 3 positives. */
const features = Array.from({ length: 12 }, (_, r) => [
  r % 4 === 0 ? 2 + r / 10 : -1 - r / 10,
  r / 7,
]);
const targets = features.map((_, r) => (r % 4 === 0 ? 1 : 0));
const SPEC = JSON.stringify({ features, targets, steps: 5 });

function io(files: Record<string, string>, stdin = ''): CliIo {
  return {
    readFile: (path) =>
      path in files
        ? Promise.resolve(files[path])
        : Promise.reject(new Error(`ENOENT: no such file or directory, open '${path}'`)),
    readStdin: () => Promise.resolve(stdin),
    stdinIsTTY: false,
  };
}

describe('dr train', () => {
  it('trains the three runs from a spec file and prints their series as exact doubles', async () => {
    const out = await runTrain(['spec.json'], io({ 'spec.json': SPEC }));
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(Object.keys(json.runs)).toEqual(['dr', 'focal', 'bce']);
    const parsed = parseTrainSpecText(SPEC);
    if (!parsed.ok) throw new Error(parsed.error);
    const expected = trainRuns(parsed.spec);
    for (const name of ['dr', 'focal', 'bce'] as const) {
      expect(json.runs[name].loss).toHaveLength(6);
      expect(json.runs[name].loss).toEqual(expected.runs[name]!.loss);
      expect(json.runs[name].ap).toEqual(expected.runs[name]!.ap);
      expect(json.runs[name].W).toHaveLength(1);
    }
    expect(json.runs.dr.pPlus).toHaveLength(6);
  });

  it('reads stdin for "-" or no path, the same output', async () => {
    const a = await runTrain(['-'], io({}, SPEC));
    const b = await runTrain([], io({}, SPEC));
    const c = await runTrain(['spec.json'], io({ 'spec.json': SPEC }));
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(c.stdout);
    expect(b.stdout).toBe(c.stdout);
  });

  it('bad input exits 2 with one line naming the field, nothing on stdout', async () => {
    const cases: [string, RegExp][] = [
      [JSON.stringify({ features, targets, lr: { focal: -1 } }), /^dr train: lr\.focal/],
      [JSON.stringify({ features, targets, steps: 1.5 }), /^dr train: steps/],
      [JSON.stringify({ features }), /^dr train: targets/],
      ['{"targets": [0, 1', /^dr train: input: not valid JSON/],
    ];
    for (const [text, line] of cases) {
      const out = await runTrain(['-'], io({}, text));
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(line);
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    const missing = await runTrain(['nope.json'], io({}));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json.*ENOENT/);
    const two = await runTrain(['a.json', 'b.json'], io({}));
    expect(two.code).toBe(2);
  });

  it('a run that diverges exits 1 naming its learning rate', async () => {
    const spec = JSON.stringify({
      features: features.map(([x, y]) => [x * 1e150, y * 1e150]),
      targets,
      steps: 5,
      optimizer: { kind: 'sgd' },
      lr: { bce: 1e300 },
    });
    const out = await runTrain(['-'], io({}, spec));
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^dr train: lr\.\w+: the \w+ run diverged/);
  });

  it('is the `train` subcommand of dr', async () => {
    const viaDr = await runCli(['train', 'spec.json'], io({ 'spec.json': SPEC }));
    const direct = await runTrain(['spec.json'], io({ 'spec.json': SPEC }));
    expect(viaDr).toEqual(direct);
    expect(viaDr.code).toBe(0);
  });

  it('--help prints the usage', async () => {
    const out = await runTrain(['--help'], io({}));
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Usage: npm run --silent dr -- train/);
  });
});
