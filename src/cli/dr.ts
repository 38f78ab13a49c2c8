/**
 * `npm run --silent dr -- [case.json | -]`: the DR loss of each case on stdout, and the subcommands
 * (`dr check`, `dr vectors`; see run.ts, commands.ts, args.ts). Only the process and file-system shell
 * lives here.
 */
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { fileHandleSource } from '../io/npzStream.ts';
import { setNormalsKernel } from '../data/rng.ts';
import { normalsKernel } from '../engine/kernels/normals.ts';
import { runCli } from './run.ts';

// large sets' normals in WebAssembly (data/rng.ts: the same doubles)
setNormalsKernel(normalsKernel);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// A reader that stops early (`dr cases.json | head`) closes the pipe: end quietly, like other Unix
// tools killed by SIGPIPE, instead of a stack trace for EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit();
});

const outcome = await runCli(process.argv.slice(2), {
  readFile: (path) => readFile(path, 'utf8'),
  // Case files and stdin are streamed (64 KiB chunks) into the parsers: no whole-file string.
  openFile: async (path) => {
    const file = await open(path, 'r');
    // A directory opens but cannot be read: say so now, as readFile would.
    if ((await file.stat()).isDirectory()) {
      await file.close();
      throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), {
        code: 'EISDIR',
      });
    }
    return file.createReadStream();
  },
  // An .npz is read at offsets (its directory, then each wanted entry in chunks): never held whole.
  openRandom: async (path) => {
    const file = await open(path, 'r');
    const stat = await file.stat();
    if (stat.isDirectory()) {
      await file.close();
      throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), {
        code: 'EISDIR',
      });
    }
    return { ...fileHandleSource(file, stat.size), close: () => file.close() };
  },
  openStdin: () => process.stdin,
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  makeDir: async (path) => {
    await mkdir(path, { recursive: true });
  },
  writeFile: (path, text) => writeFile(path, text, 'utf8'),
  readStdin,
  goldenPath: fileURLToPath(new URL('../../tests/golden/dr_loss_cases.json', import.meta.url)),
  stdinIsTTY: process.stdin.isTTY === true,
});
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
// exitCode rather than process.exit(): a large stdout written to a pipe is flushed before exiting.
process.exitCode = outcome.code;
