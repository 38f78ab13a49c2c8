import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runText } from '../../src/cli/run.ts';
import type { CliIo, CliOutcome } from '../../src/cli/run.ts';
import { DEFAULT_PARAMS, drLoss } from '../../src/engine/index.ts';
import { fileHandleSource } from '../../src/io/npzStream.ts';
import { npyBytes } from '../../src/io/npzWrite.ts';
import { encode, header, npyFile, zipFile } from '../io/npyWriter.ts';

const fixturePath = (name: string) => new URL(`../io/fixtures/${name}`, import.meta.url).pathname;

// Files made by the test's own writer, by name.
const made = new Map<string, Uint8Array>([
  ['flat.npy', npyFile(header('<f8', [3]), encode([2, -1, 0.5], 'f8', true))],
  ['flat_targets.npy', npyFile(header('<i8', [3]), encode([1, 0, -1], 'i8', true))],
]);

const io: CliIo = {
  readFile: () => Promise.reject(new Error('not used')),
  readStdin: () => Promise.resolve(''),
  stdinIsTTY: false,
  readBytes: (path) => Promise.resolve(made.get(path) ?? new Uint8Array(readFileSync(path))),
};

// The case the fixtures hold (tests/io/fixtures/make_fixtures.py), as JSON.
const JSON_CASE = {
  logits: [
    [0.5, -1.25, 2.0],
    [3.5, 0.0, -0.75],
    [-2.5, 1.5, 0.25],
    [1.0, -3.0, 0.125],
  ],
  targets: [1, 0, -1, 3],
};

function oneLine(out: CliOutcome): string {
  expect(out.code).toBe(2);
  expect(out.stdout).toBe('');
  expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
  return out.stderr.trimEnd();
}

describe('dr on NumPy files', () => {
  const expected = runText(JSON.stringify(JSON_CASE)).stdout;

  it.each(['case.npz', 'case_compressed.npz', 'case_fortran_be.npz', 'case_zip64.npz'])(
    'dr %s prints exactly what the same case as JSON gives',
    async (name) => {
      const out = await runCli([fixturePath(name)], io);
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      expect(out.stdout).toBe(expected);
    },
  );

  it('dr --logits L.npy --targets T.npy, any byte order and layout, gives the same', async () => {
    for (const [l, t] of [
      ['logits_f8_le_c.npy', 'targets_i8_le.npy'],
      ['logits_f4_be_c.npy', 'targets_i4_be.npy'],
      ['logits_f8_be_fortran.npy', 'targets_i8_le.npy'],
    ]) {
      const out = await runCli(['--logits', fixturePath(l), '--targets', fixturePath(t)], io);
      expect(out.stdout).toBe(expected);
    }
  });

  it('--params applies the JSON params object', async () => {
    const params = { lambdaNeg: 0.1, L: 4 };
    const out = await runCli([fixturePath('case.npz'), '--params', JSON.stringify(params)], io);
    expect(out.stdout).toBe(runText(JSON.stringify({ ...JSON_CASE, params })).stdout);
  });

  it('(N,) logits mean K = 1 and give a flat gradient, like a flat JSON case', async () => {
    const out = await runCli(['--logits=flat.npy', '--targets=flat_targets.npy'], io);
    expect(out.stdout).toBe(runText('{"logits": [2, -1, 0.5], "targets": [1, 0, -1]}').stdout);
    expect(typeof JSON.parse(out.stdout).grad[0]).toBe('number');
  });

  it('a target above K = 1 for (N,) logits names the entry', async () => {
    const out = await runCli(
      [
        '--logits',
        fixturePath('logits_flat_f8.npy'),
        '--targets',
        fixturePath('targets_i4_be.npy'),
      ],
      io,
    );
    expect(oneLine(out)).toMatch(/targets\[3\] = 3 is out of range \(-1\.\.K with K = 1/);
  });

  it.each([
    [['object.npz'], /^dr: .*object\.npz: logits\.npy: object array \(dtype \|O\)/],
    [['no_targets.npz'], /^dr: .*no_targets\.npz: no array "targets" \(or "labels"\)/],
    [
      ['logits_f8_le_c.npy'],
      /^dr: .*logits_f8_le_c\.npy: an \.npy file holds one array: give --logits/,
    ],
    [
      ['--logits', 'pickle.npy', '--targets', 'targets_i8_le.npy'],
      /^dr: .*pickle\.npy: a Python pickle/,
    ],
    [
      ['--logits', 'logits_f8_le_c.npy', '--targets', 'targets_f8.npy'],
      /^dr: .*targets has dtype <f8: need an integer type/,
    ],
    [
      ['--logits', 'complex.npy', '--targets', 'targets_i8_le.npy'],
      /^dr: .*complex\.npy: unsupported dtype <c16/,
    ],
  ])(
    'bad NumPy input %j: exit 2, one line naming the file and the problem',
    async (argv, pattern) => {
      const args = argv.map((a) => (a.startsWith('--') ? a : fixturePath(a)));
      expect(oneLine(await runCli(args, io))).toMatch(pattern);
    },
  );

  it('usage errors: --logits without --targets, --params not JSON, --params with JSON input, a missing file', async () => {
    expect(oneLine(await runCli(['--logits', 'a.npy'], io))).toBe(
      'dr: --logits and --targets go together (two .npy files)',
    );
    expect(oneLine(await runCli([fixturePath('case.npz'), '--params', '{x'], io))).toMatch(
      /^dr: --params is not valid JSON/,
    );
    expect(oneLine(await runCli(['case.json', '--params', '{}'], io))).toMatch(
      /^dr: --params applies to \.npz\/\.npy input/,
    );
    expect(oneLine(await runCli(['/nonexistent/x.npz'], io))).toMatch(
      /^dr: cannot read "\/nonexistent\/x\.npz": no such file or directory \(ENOENT\)$/,
    );
  });
});

describe('dr FILE.npz reads the file at offsets (io/npzStream.ts), never whole', () => {
  /** The real shell's openRandom (dr.ts): a file handle read at positions, in small chunks here. */
  const opened: string[] = [];
  const randomIo: CliIo = {
    ...io,
    readBytes: () => Promise.reject(new Error('an .npz must not be read whole')),
    openRandom: async (path) => {
      const file = await open(path, 'r');
      const { size } = await file.stat();
      opened.push(path);
      return { ...fileHandleSource(file, size, 4093), close: () => file.close() };
    },
  };

  it.each(['case.npz', 'case_compressed.npz', 'case_fortran_be.npz', 'case_zip64.npz'])(
    'dr %s prints what the same case as JSON gives',
    async (name) => {
      const out = await runCli([fixturePath(name)], randomIo);
      expect(out.stderr).toBe('');
      expect(out.stdout).toBe(runText(JSON.stringify(JSON_CASE)).stdout);
      expect(opened.at(-1)).toBe(fixturePath(name));
    },
  );

  it('a 10⁶-row .npz (deflated) gives the loss of the same arrays', async () => {
    const N = 1_000_000;
    const logits = Float64Array.from({ length: N }, (_, i) => Math.sin(i * 0.37) * 4);
    const targets = Int32Array.from({ length: N }, (_, i) => (i % 100 === 0 ? 1 : 0));
    const path = join(mkdtempSync(join(tmpdir(), 'dr-cli-npz-')), 'million.npz');
    writeFileSync(
      path,
      zipFile([
        { name: 'logits.npy', data: npyBytes({ values: logits, shape: [N] }), deflate: true },
        { name: 'targets.npy', data: npyBytes({ values: targets, shape: [N] }), deflate: true },
      ]),
    );
    const out = await runCli([path], randomIo);
    expect(out.stderr).toBe('');
    const loss = (JSON.parse(out.stdout) as { loss: number }).loss;
    expect(loss).toBe(drLoss(logits, targets, 1, DEFAULT_PARAMS).result.loss);
  });

  it('a file that fails midway names the path; an archive error names it too', async () => {
    const failing: CliIo = {
      ...randomIo,
      openRandom: async (path) => {
        const inner = await randomIo.openRandom!(path);
        return {
          ...inner,
          async *stream(offset, length) {
            yield* inner.stream(offset, Math.min(length, 10));
            throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
          },
        };
      },
    };
    expect(oneLine(await runCli([fixturePath('case.npz')], failing))).toBe(
      `dr: cannot read ${JSON.stringify(fixturePath('case.npz'))}: i/o error (EIO)`,
    );
    expect(oneLine(await runCli([fixturePath('no_targets.npz')], randomIo))).toMatch(
      /^dr: .*no_targets\.npz: no array "targets" \(or "labels"\)/,
    );
  });
});
