import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.ts';

describe('parseArgs', () => {
  it('reads stdin when no path or "-" is given, and says whether "-" was explicit', () => {
    expect(parseArgs([])).toEqual({ kind: 'stdin', explicit: false });
    expect(parseArgs(['-'])).toEqual({ kind: 'stdin', explicit: true });
  });

  it('takes one path as the input file', () => {
    expect(parseArgs(['cases.json'])).toEqual({ kind: 'file', path: 'cases.json' });
  });

  it('--help and -h win wherever they appear', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['a.json', '-h'])).toEqual({ kind: 'help' });
  });

  it('"--" ends the options, so a file may start with a dash', () => {
    expect(parseArgs(['--', '-odd.json'])).toEqual({ kind: 'file', path: '-odd.json' });
    expect(parseArgs(['--', '--help'])).toEqual({ kind: 'file', path: '--help' });
  });

  it('rejects an unknown option, naming it', () => {
    expect(parseArgs(['--pretty', 'a.json'])).toEqual({
      kind: 'error',
      message: 'unknown option "--pretty" (see --help)',
    });
  });

  it('rejects more than one input file, listing them', () => {
    expect(parseArgs(['a.json', 'b.json'])).toEqual({
      kind: 'error',
      message: 'expected at most one input file (got "a.json" "b.json")',
    });
  });

  it('--logits and --targets name two .npy files (space or =), --params their params', () => {
    expect(parseArgs(['--logits', 'l.npy', '--targets=t.npy', '--params', '{}'])).toEqual({
      kind: 'arrays',
      logits: 'l.npy',
      targets: 't.npy',
      params: '{}',
    });
    expect(parseArgs(['c.npz', '--params={"L":4}'])).toEqual({
      kind: 'file',
      path: 'c.npz',
      params: '{"L":4}',
    });
  });

  it('rejects half a pair, a pair plus a path, a repeated option and a missing value', () => {
    expect(parseArgs(['--targets', 't.npy'])).toMatchObject({ kind: 'error' });
    expect(parseArgs(['--logits', 'l.npy', '--targets', 't.npy', 'x.json'])).toMatchObject({
      kind: 'error',
    });
    expect(parseArgs(['--params', '{}', '--params', '{}', 'c.npz'])).toEqual({
      kind: 'error',
      message: '--params given twice',
    });
    expect(parseArgs(['--logits'])).toEqual({ kind: 'error', message: '--logits needs a value' });
  });
});
