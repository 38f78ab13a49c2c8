// Every `dr` command that reads a case, check, spec or logits file reads it as a stream (src/cli/
// caseInput.ts): through an io whose whole-file readers fail the test, `dr check`, `dr train`,
// `dr vectors` and `dr --logits/--targets` give exactly what the whole-file parsers give, whatever the
// chunks (one byte at a time included); errors are the same lines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkText } from '../../src/cli/check.ts';
import { runCli, type CliIo } from '../../src/cli/run.ts';
import { runTrain } from '../../src/cli/train.ts';
import { GOLDEN_PATH, GOLDEN_TEXT } from '../golden/cases.ts';
import { port } from '../check/ports.ts';
import { encode, header, npyFile } from '../io/npyWriter.ts';

const enc = new TextEncoder();
const fixture = (name: string) => new URL(`../io/fixtures/${name}`, import.meta.url).pathname;

/** Files served only as streams (of `chunk`-byte pieces); the whole-file readers fail the test. */
function streamingIo(files: Record<string, string | Uint8Array>, chunk = 1 << 16): CliIo {
  const bytesOf = (path: string): Uint8Array => {
    const f = files[path];
    return typeof f === 'string' ? enc.encode(f) : f!;
  };
  return {
    readFile: () => Promise.reject(new Error('read whole: input must be streamed')),
    readStdin: () => Promise.reject(new Error('read whole: stdin must be streamed')),
    readBytes: () => Promise.reject(new Error('read whole: .npy must be streamed')),
    openFile: (path) =>
      Object.hasOwn(files, path)
        ? Promise.resolve(
            (async function* () {
              const b = bytesOf(path);
              for (let o = 0; o < b.length; o += chunk) yield b.subarray(o, o + chunk);
            })(),
          )
        : Promise.reject(
            Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
              code: 'ENOENT',
            }),
          ),
    openStdin: () =>
      (async function* () {
        yield* [];
      })(),
    stdinIsTTY: false,
  };
}

/** The same files read whole (the readers the commands used before). */
function wholeIo(files: Record<string, string | Uint8Array>): CliIo {
  return {
    readFile: (path) =>
      Object.hasOwn(files, path)
        ? Promise.resolve(String(files[path]))
        : Promise.reject(new Error(`ENOENT: no such file or directory, open '${path}'`)),
    readStdin: () => Promise.resolve(''),
    readBytes: (path) => Promise.resolve(files[path] as Uint8Array),
    stdinIsTTY: false,
  };
}

const CASE = {
  logits: [
    [1.2, -0.4],
    [-1.5, 0.8],
    [0.1, 1.9],
  ],
  targets: [1, 0, 2],
};

describe('dr check streams its input', () => {
  const checks = JSON.stringify([
    { ...CASE, yours: port(CASE, 'official') },
    { ...CASE, yours: port(CASE, 'positive-sign') },
  ]);

  it.each([1, 7, 1 << 16])('chunks of %i bytes: the output of the whole-text check', async (n) => {
    const out = await runCli(['check', 'c.json'], streamingIo({ 'c.json': checks }, n));
    expect(out).toEqual(checkText(checks));
    expect(out.code).toBe(3);
  });

  it.each([
    ['a bad check', JSON.stringify({ ...CASE, yours: { loss: 'x' } })],
    ['no yours', JSON.stringify(CASE)],
    ['empty', ' \n'],
  ])('%s: the same one-line error', async (_name, text) => {
    const out = await runCli(['check', 'c.json'], streamingIo({ 'c.json': text }, 3));
    expect(out).toEqual(checkText(text));
    expect(out.code).toBe(2);
  });

  it('a syntax error is the stream reader’s line', async () => {
    const out = await runCli(['check', 'c.json'], streamingIo({ 'c.json': '{"logits": [1,]}' }));
    expect(out.stderr).toBe('input: not valid JSON (line 1, column 15: unexpected "]")\n');
  });
});

describe('dr train streams its spec', () => {
  const features = Array.from({ length: 12 }, (_, r) => [r % 4 === 0 ? 2 : -1 - r / 10, r / 7]);
  const spec = JSON.stringify({
    features,
    targets: features.map((_, r) => +(r % 4 === 0)),
    steps: 3,
  });

  it('the output of the whole-text spec, whatever the chunks', async () => {
    const before = await runTrain(['s.json'], wholeIo({ 's.json': spec }));
    expect(before.code).toBe(0);
    expect(await runTrain(['s.json'], streamingIo({ 's.json': spec }, 5))).toEqual(before);
  });

  it('an invalid spec and an empty one: the same lines', async () => {
    for (const text of ['{"targets": []}', '', '{"targets": [1], "steps": -1}']) {
      const before = await runTrain(['s.json'], wholeIo({ 's.json': text }));
      expect(await runTrain(['s.json'], streamingIo({ 's.json': text }, 2))).toEqual(before);
    }
  });
});

describe('dr vectors streams the golden cases', () => {
  it('writes the same files as from the whole text', async () => {
    const run = async (io: CliIo) => {
      const written = new Map<string, string>();
      const out = await runCli(['vectors', '--out', 'd'], {
        ...io,
        goldenPath: GOLDEN_PATH.pathname,
        makeDir: () => Promise.resolve(),
        writeFile: (path, text) => {
          written.set(path, text);
          return Promise.resolve();
        },
      });
      return { out, written };
    };
    const files = { [GOLDEN_PATH.pathname]: GOLDEN_TEXT };
    const before = await run(wholeIo(files));
    expect(before.out.code).toBe(0);
    expect(await run(streamingIo(files, 4096))).toEqual(before);
  });
});

describe('dr --logits/--targets streams each .npy', () => {
  const files: Record<string, Uint8Array> = {
    'l.npy': new Uint8Array(readFileSync(fixture('logits_f8_be_fortran.npy'))),
    't.npy': new Uint8Array(readFileSync(fixture('targets_i8_le.npy'))),
    'short.npy': npyFile(header('<f8', [4, 3]), encode([1, 2, 3], 'f8', true)),
  };
  const args = (l: string, t: string) => ['--logits', l, '--targets', t];

  it.each([1, 13, 1 << 16])('chunks of %i bytes: the output of the whole files', async (n) => {
    const before = await runCli(args('l.npy', 't.npy'), wholeIo(files));
    expect(before.code).toBe(0);
    expect(await runCli(args('l.npy', 't.npy'), streamingIo(files, n))).toEqual(before);
  });

  it('a truncated file and a missing one: the same lines', async () => {
    for (const [l, t] of [
      ['short.npy', 't.npy'],
      ['l.npy', 'missing.npy'],
    ]) {
      const streamed = await runCli(args(l, t), streamingIo(files, 7));
      expect(streamed.code).toBe(2);
      const whole = await runCli(args(l, t), {
        ...wholeIo(files),
        readBytes: (p) =>
          Object.hasOwn(files, p)
            ? Promise.resolve(files[p]!)
            : Promise.reject(new Error(`ENOENT: no such file or directory, open '${p}'`)),
      });
      expect(streamed).toEqual(whole);
    }
  });
});
