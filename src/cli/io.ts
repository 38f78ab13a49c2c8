/**
 * What every `dr` command gets and gives: the I/O it may use (supplied by dr.ts, faked by tests) and
 * the outcome the process prints and exits with.
 */
import type { RandomAccessSource } from '../io/npzStream.ts';
import type { ByteSource } from '../io/stream.ts';

/**
 * Exit status: 0 success · 1 internal error · 2 bad usage, unreadable file or invalid input (one line
 * on stderr, nothing on stdout) · 3 `dr check` found a mismatch.
 */
export type ExitCode = 0 | 1 | 2 | 3;

/** What the process should print and exit with. */
export interface CliOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: ExitCode;
}

/** The I/O the CLI needs; the real one is in dr.ts. Readers reject with Node's errors (err.code). */
export interface CliIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  /**
   * A file as a stream of byte chunks, opened (so a missing file rejects here); case input is read
   * through it chunk by chunk (caseInput.ts). Without it, case input comes whole from readFile.
   */
  openFile?(path: string): Promise<ByteSource>;
  /** stdin as a stream of byte chunks; without it, case input comes whole from readStdin. */
  openStdin?(): ByteSource;
  /** True when stdin is a terminal: with no path given we print usage instead of waiting. */
  readonly stdinIsTTY: boolean;
  /**
   * A file opened for reading at offsets (an .npz: its directory is at its end), closed by the
   * caller. Without it, an .npz comes whole from readBytes.
   */
  openRandom?(path: string): Promise<RandomAccessSource & { close(): Promise<void> }>;
  /** The raw bytes of a file (.npy, .npz); needed only by commands that read binary input. */
  readBytes?(path: string): Promise<Uint8Array>;
  /** Create a directory and its parents (no error if it exists); needed only by `dr vectors`. */
  makeDir?(path: string): Promise<void>;
  /** Write a UTF-8 text file; needed only by `dr vectors`. */
  writeFile?(path: string, text: string): Promise<void>;
  /** Path of the golden cases (tests/golden/dr_loss_cases.json), which `dr vectors` includes. */
  readonly goldenPath?: string;
}

/** A subcommand: its own argv (after the name) and the I/O in, an outcome out. Never rejects. */
export type Command = (argv: readonly string[], io: CliIo) => Promise<CliOutcome>;

/** A failure: one line on stderr, nothing on stdout. */
export function failure(code: 1 | 2, line: string): CliOutcome {
  return { stdout: '', stderr: `${line}\n`, code };
}

/** An error's message on one line. */
export function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
}

/** "no such file or directory (ENOENT)" from Node's "ENOENT: no such file or directory, open 'x'". */
export function describeIoError(e: unknown): string {
  const message = oneLine(e);
  const m = /^(E[A-Z]+): ([^,]+)/.exec(message);
  return m === null ? message : `${m[2]} (${m[1]})`;
}
