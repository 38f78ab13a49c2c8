import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.ts';
import type { CliIo } from '../../src/cli/run.ts';
import { GOLDEN_PATH, GOLDEN_TEXT } from '../golden/cases.ts';

/** An in-memory file system for `dr vectors`. */
function memoryIo(failWrite = false): { io: CliIo; files: Map<string, string>; dirs: string[] } {
  const files = new Map<string, string>();
  const dirs: string[] = [];
  const io: CliIo = {
    readFile: (path) =>
      path === GOLDEN_PATH.pathname
        ? Promise.resolve(GOLDEN_TEXT)
        : Promise.reject(new Error('ENOENT: no such file')),
    readStdin: () => Promise.resolve(''),
    stdinIsTTY: false,
    goldenPath: GOLDEN_PATH.pathname,
    makeDir: (path) => {
      dirs.push(path);
      return Promise.resolve();
    },
    writeFile: (path, text) => {
      if (failWrite) return Promise.reject(new Error("EACCES: permission denied, open 'x'"));
      files.set(path, text);
      return Promise.resolve();
    },
  };
  return { io, files, dirs };
}

describe('dr vectors --out DIR', () => {
  it('creates DIR and writes dr_loss_vectors.json and test_dr_loss.py, printing where and how many', async () => {
    const { io, files, dirs } = memoryIo();
    const out = await runCli(['vectors', '--out', 'out/dir/'], io);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    expect(dirs).toEqual(['out/dir']);
    expect([...files.keys()]).toEqual(['out/dir/dr_loss_vectors.json', 'out/dir/test_dr_loss.py']);
    const summary = JSON.parse(out.stdout);
    expect(summary).toEqual({
      vectors: 'out/dir/dr_loss_vectors.json',
      pytest: 'out/dir/test_dr_loss.py',
      cases: summary.cases,
    });
    const vectors = JSON.parse(files.get('out/dir/dr_loss_vectors.json')!);
    expect(vectors.cases).toHaveLength(summary.cases);
    expect(files.get('out/dir/test_dr_loss.py')).toMatch(/^"""DR loss test vectors/);
  });

  it('--out=DIR works too', async () => {
    const { io, files } = memoryIo();
    expect((await runCli(['vectors', '--out=v'], io)).code).toBe(0);
    expect(files.has('v/test_dr_loss.py')).toBe(true);
  });

  it.each([
    [[], /^dr vectors: --out DIR is required$/],
    [['--out'], /^dr vectors: --out needs a value$/],
    [['--out', 'a', 'b'], /^dr vectors: unexpected argument "b"/],
    [['--fast'], /^dr vectors: unknown option "--fast"/],
  ])('bad usage %j exits 2 with one line', async (argv, pattern) => {
    const out = await runCli(['vectors', ...argv], memoryIo().io);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trimEnd()).toMatch(pattern);
  });

  it('a directory that cannot be written exits 2 naming it and the reason', async () => {
    const out = await runCli(['vectors', '--out', 'ro'], memoryIo(true).io);
    expect(out.code).toBe(2);
    expect(out.stderr.trimEnd()).toBe(
      'dr vectors: cannot write to "ro": permission denied (EACCES)',
    );
  });

  it('--help prints its usage', async () => {
    const out = await runCli(['vectors', '--help'], memoryIo().io);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Usage: npm run --silent dr -- vectors --out DIR/);
  });
});
