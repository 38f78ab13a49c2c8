// `dr` reads case files and stdin as streams through the io layer's parsers (src/cli/caseInput.ts):
// a 10⁶-row CSV from a real file stream, chunk by chunk and never as a whole string; JSON and CSV
// told apart by name or by the first character; errors as one line naming the input, line and column.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo, type Evaluate } from '../../src/cli/run.ts';
import { sniffKind } from '../../src/cli/caseInput.ts';
import { drLoss } from '../../src/engine/index.ts';
import { DEFAULT_PARAMS } from '../../src/engine/types.ts';
import { parseCsv } from '../../src/io/csv.ts';

const enc = new TextEncoder();

/** An io whose whole-text readers fail the test: case input must come through the streams. */
function streamingIo(files: Record<string, string | Uint8Array[]>, stdin?: Uint8Array[]): CliIo {
  const chunksOf = (v: string | Uint8Array[]) => (typeof v === 'string' ? [enc.encode(v)] : v);
  return {
    readFile: () => Promise.reject(new Error('read whole: case input must be streamed')),
    readStdin: () => Promise.reject(new Error('read whole: stdin must be streamed')),
    openFile: (path) =>
      Object.hasOwn(files, path)
        ? Promise.resolve(
            (async function* () {
              yield* chunksOf(files[path]!);
            })(),
          )
        : Promise.reject(
            Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), {
              code: 'ENOENT',
            }),
          ),
    openStdin: () =>
      (async function* () {
        yield* stdin ?? [];
      })(),
    stdinIsTTY: false,
  };
}

/** Exit 2, nothing on stdout, one line on stderr; returns the line. */
function oneLineFailure(out: { stdout: string; stderr: string; code: number }): string {
  expect(out.stdout).toBe('');
  expect(out.code).toBe(2);
  const lines = out.stderr.trimEnd().split('\n');
  expect(lines, out.stderr).toHaveLength(1);
  return lines[0]!;
}

/** Every byte its own chunk: cuts every number, line end and UTF-8 character. */
const byteChunks = (text: string) => Array.from(enc.encode(text), (b) => Uint8Array.of(b));

describe('a 10⁶-row CSV through the CLI, from a file stream', () => {
  const ROWS = 1_000_000;
  let dir = '';
  let path = '';
  let text = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dr-cli-csv-'));
    path = join(dir, 'scores.csv');
    const lines = ['logit,label'];
    let x = 12345;
    for (let r = 0; r < ROWS; r++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      lines.push(`${((x / 2147483648) * 8 - 6).toFixed(6)},${r % 100 === 0 ? 1 : 0}`);
    }
    text = lines.join('\n') + '\n';
    writeFileSync(path, text);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read chunk by chunk (never as one string) into the same arrays parseCsv gives', async () => {
    let chunks = 0;
    const io: CliIo = {
      ...streamingIo({}),
      openFile: (p) =>
        Promise.resolve(
          (async function* () {
            for await (const chunk of createReadStream(p)) {
              chunks++;
              yield chunk as Uint8Array;
            }
          })(),
        ),
    };
    let seen: { logits: Float64Array; targets: Int32Array; K: number } | null = null;
    // The engine is checked elsewhere; here what it was given, and the output's shape.
    const evaluate: Evaluate = (logits, targets, K) => {
      seen = { logits, targets, K };
      return {
        result: { loss: 1, pPlus: 0.5, pMinus: 0.25 },
        gradLogits: new Float64Array(logits.length),
      };
    };
    const out = await runCli([path], io, evaluate);
    expect(out.stderr).toBe(`dr: ${path}: values read as logits (header "logit")\n`);
    expect(out.code).toBe(0);
    expect(chunks).toBeGreaterThan(100); // 64 KiB chunks of an ~11 MB file
    const whole = parseCsv(text);
    if (!whole.ok) throw new Error(whole.error);
    expect(seen!.K).toBe(1);
    // Bit for bit (toEqual walks 10⁶ entries slowly).
    const bytes = (a: Float64Array | Int32Array) =>
      Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(seen!.logits.length).toBe(ROWS);
    expect(bytes(seen!.logits).equals(bytes(whole.value.logits))).toBe(true);
    expect(bytes(seen!.targets).equals(bytes(whole.value.targets))).toBe(true);
    const json = JSON.parse(out.stdout) as { loss: number; grad: number[] };
    expect(json.loss).toBe(1);
    expect(json.grad).toHaveLength(ROWS);
  });
});

describe('CSV and JSON cases through the stream', () => {
  const csv = 'score,label\n0.9,1\n0.2,0\n0.7,0\n# a comment\n0.1,-1\n';
  const json = '{"logits": [2, -1, 0.5, -3], "targets": [1, 0, 0, -1]}';

  it('a CSV gives the engine’s numbers for its logits, with how the values were read on stderr', async () => {
    const out = await runCli(['s.csv'], streamingIo({ 's.csv': csv }));
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('dr: s.csv: values read as scores (header "score")\n');
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error);
    const { logits, targets } = parsed.value;
    const want = drLoss(logits, targets, 1, DEFAULT_PARAMS);
    const got = JSON.parse(out.stdout) as { loss: number; grad: number[] };
    expect(got.loss).toBe(want.result.loss);
    expect(got.grad).toEqual(Array.from(want.gradLogits));
  });

  it('the same output whatever the chunks: whole, or one byte at a time (cut numbers, lines, UTF-8)', async () => {
    const withUnicode = `# scores — “quoted” 标签\n${csv}`;
    const whole = await runCli(['a.csv'], streamingIo({ 'a.csv': withUnicode }));
    const bytes = await runCli(['a.csv'], streamingIo({ 'a.csv': byteChunks(withUnicode) }));
    expect(bytes).toEqual(whole);
    const j1 = await runCli(['c.json'], streamingIo({ 'c.json': json }));
    const j2 = await runCli(['c.json'], streamingIo({ 'c.json': byteChunks(json) }));
    expect(j1.code).toBe(0);
    expect(j2).toEqual(j1);
  });

  it('stdin or a name without a known extension: JSON when it starts with { or [ (after a BOM and blanks), else CSV', async () => {
    const fromJsonFile = await runCli(['c.json'], streamingIo({ 'c.json': json }));
    const bomJson = byteChunks(`\ufeff \n\t${json}`);
    expect(await runCli(['-'], streamingIo({}, bomJson))).toEqual(fromJsonFile);
    expect(await runCli(['case'], streamingIo({ case: bomJson }))).toEqual(fromJsonFile);
    const fromCsvFile = await runCli(['s.csv'], streamingIo({ 's.csv': csv }));
    const viaStdin = await runCli([], streamingIo({}, byteChunks(csv)));
    expect(viaStdin.stdout).toBe(fromCsvFile.stdout);
    expect(viaStdin.stderr).toBe('dr: stdin: values read as scores (header "score")\n');
    // Empty input is read as JSON, as it always was.
    expect(oneLineFailure(await runCli(['-'], streamingIo({}, [])))).toMatch(/^input: empty/);
  });

  it('sniffKind hands back every byte it looked at', async () => {
    const { kind, source } = await sniffKind(
      (async function* () {
        yield* byteChunks('  \n[1]');
      })(),
    );
    expect(kind).toBe('json');
    const got: number[] = [];
    for await (const c of source) got.push(...c);
    expect(new TextDecoder().decode(Uint8Array.from(got))).toBe('  \n[1]');
  });

  it('--params applies to a CSV (file or stdin) and is refused for JSON', async () => {
    const io = streamingIo({ 's.csv': csv, 'c.json': json }, byteChunks(csv));
    const withMargin = await runCli(['s.csv', '--params', '{"margin": 0.3}'], io);
    const plain = await runCli(['s.csv'], io);
    expect(withMargin.code).toBe(0);
    expect(withMargin.stdout).not.toBe(plain.stdout);
    const viaStdin = await runCli(['--params', '{"margin": 0.3}'], io);
    expect(viaStdin.stdout).toBe(withMargin.stdout);
    expect(oneLineFailure(await runCli(['c.json', '--params', '{}'], io))).toMatch(
      /^dr: --params applies to \.npz\/\.npy input and to CSV/,
    );
    expect(
      oneLineFailure(await runCli(['-', '--params', '{}'], streamingIo({}, [enc.encode(json)]))),
    ).toMatch(/^dr: --params applies to \.npz\/\.npy input and to CSV/);
    expect(
      oneLineFailure(await runCli(['s.csv', '--params', '{"smoothing": "cubic"}'], io)),
    ).toMatch(/^dr: s\.csv: case 0: params\.smoothing/);
  });
});

describe('errors: exit 2, one line naming the input, line and column', () => {
  it('a bad CSV cell names the file, the line and the column, even when the chunks cut it', async () => {
    const bad = 'logit,label\n0.5,1\n0.x,0\n1,0\n';
    for (const chunks of [bad, byteChunks(bad)]) {
      expect(oneLineFailure(await runCli(['bad.csv'], streamingIo({ 'bad.csv': chunks })))).toBe(
        'dr: bad.csv: line 3, column 1: "0.x" is not a number',
      );
    }
  });

  it('a JSON syntax error names the line and column; a case error names the case and field', async () => {
    const syntax = '{"logits": [1, 2,\n  x], "targets": [0, 1]}';
    expect(oneLineFailure(await runCli(['c.json'], streamingIo({ 'c.json': syntax })))).toBe(
      'input: not valid JSON (line 2, column 3: unexpected "x")',
    );
    const field = '{"logits": [1, 2], "targets": [0, 7]}';
    expect(
      oneLineFailure(await runCli(['c.json'], streamingIo({ 'c.json': byteChunks(field) }))),
    ).toMatch(/^case 0: targets\[1\]/);
  });

  it('bytes that are not UTF-8 are named by offset (and line, for CSV)', async () => {
    const chunks = [enc.encode('logit,label\n0.5,1\n'), Uint8Array.of(0x30, 0xff, 0x2c, 0x30)];
    expect(oneLineFailure(await runCli(['u.csv'], streamingIo({ 'u.csv': chunks })))).toMatch(
      /^dr: u\.csv: .*not UTF-8 text \(byte 0xff at offset 19\)/,
    );
  });

  it('a missing file, and a read that fails midway, name the path and the reason', async () => {
    expect(oneLineFailure(await runCli(['gone.csv'], streamingIo({})))).toBe(
      'dr: cannot read "gone.csv": no such file or directory (ENOENT)',
    );
    const failing = (first: string): CliIo => ({
      ...streamingIo({}),
      openFile: () =>
        Promise.resolve(
          (async function* () {
            yield enc.encode(first);
            throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
          })(),
        ),
    });
    expect(oneLineFailure(await runCli(['flaky.csv'], failing('logit,label\n0.5,1\n')))).toBe(
      'dr: cannot read "flaky.csv": i/o error (EIO)',
    );
    expect(oneLineFailure(await runCli(['flaky.json'], failing('{"logits": [1, ')))).toBe(
      'dr: cannot read "flaky.json": i/o error (EIO)',
    );
  });
});
