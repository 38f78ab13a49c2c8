/**
 * The CLI's logic, free of process and file system so tests can run it in-process: argv and input
 * text in, { stdout, stderr, code } out. src/cli/dr.ts only supplies the I/O.
 *
 * Exit codes: 0 success · 2 usage error, unreadable input or invalid case (one line on stderr, empty
 * stdout) · 1 internal error (the engine threw or returned a non-finite number; one line on stderr).
 */
import { drLoss } from '../engine/index.ts';
import type { DRParams, DRResult } from '../engine/types.ts';
import { parseCases } from '../io/case.ts';
import type { ParsedCase } from '../io/case.ts';
import { parseArgs, USAGE } from './args.ts';
import { formatJson } from './format.ts';
import type { Json } from './format.ts';

/** What the process should print and exit with. */
export interface CliOutcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: 0 | 1 | 2;
}

/** The engine entry the CLI needs (src/engine/index.ts `drLoss`); injectable for tests. */
export type Evaluate = (
  logits: Float64Array,
  targets: Int32Array,
  K: number,
  params: DRParams,
) => {
  readonly result: Pick<DRResult, 'loss' | 'pPlus' | 'pMinus'>;
  readonly gradLogits: Float64Array;
};

/** The I/O the CLI needs; the real one is in dr.ts. Readers reject with Node's errors (err.code). */
export interface CliIo {
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  /** True when stdin is a terminal: with no path given we print usage instead of waiting. */
  readonly stdinIsTTY: boolean;
}

/** One case's output: the DR loss, P̂+, P̂− and ∂DR/∂logits shaped like the input logits. */
export interface CaseOutput {
  readonly loss: number;
  readonly pPlus: number;
  readonly pMinus: number;
  readonly grad: number[] | number[][];
}

/** The whole command: parse argv, read the input through `io`, evaluate, format. Never rejects. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  evaluate: Evaluate = drLoss,
): Promise<CliOutcome> {
  const args = parseArgs(argv);
  switch (args.kind) {
    case 'help':
      return { stdout: `${USAGE}\n`, stderr: '', code: 0 };
    case 'error':
      return failure(2, `dr: ${args.message}`);
    case 'stdin':
      if (io.stdinIsTTY && !args.explicit) return { stdout: '', stderr: `${USAGE}\n`, code: 2 };
      try {
        return runText(await io.readStdin(), evaluate);
      } catch (e) {
        return failure(2, `dr: cannot read stdin: ${describeIoError(e)}`);
      }
    case 'file': {
      let text: string;
      try {
        text = await io.readFile(args.path);
      } catch (e) {
        return failure(2, `dr: cannot read ${JSON.stringify(args.path)}: ${describeIoError(e)}`);
      }
      return runText(text, evaluate);
    }
  }
}

/**
 * Evaluate every case of a JSON document (see src/io/case.ts) and format the outputs: one object for
 * one case, an array for an array. All cases are validated and evaluated before anything is
 * printed, so a failure never leaves partial output. Never throws.
 */
export function runText(text: string, evaluate: Evaluate = drLoss): CliOutcome {
  const parsed = parseCases(text);
  if (!parsed.ok) return failure(2, parsed.error);
  const outputs: Json[] = [];
  for (let i = 0; i < parsed.cases.length; i++) {
    let out: CaseOutput;
    try {
      out = evaluateCase(parsed.cases[i], evaluate);
    } catch (e) {
      return failure(1, `case ${i}: internal error: ${oneLine(e)}`);
    }
    const bad = firstNonFinite(out);
    if (bad !== null) return failure(1, `case ${i}: internal error: the engine returned ${bad}`);
    outputs.push({ ...out });
  }
  const json = parsed.isArray ? outputs : outputs[0];
  return { stdout: `${formatJson(json)}\n`, stderr: '', code: 0 };
}

/**
 * Run the engine on one case: loss = τ·ℓ(P̂− − P̂+ + γ) (paper Eq. 6–8), P̂±, and the gradient with
 * respect to the logits reshaped to the input's shape (flat for K = 1 given flat, else R rows of K).
 */
export function evaluateCase(c: ParsedCase, evaluate: Evaluate = drLoss): CaseOutput {
  const { result, gradLogits } = evaluate(c.logits, c.targets, c.K, c.params);
  const grad: number[] | number[][] = c.flat
    ? Array.from(gradLogits)
    : Array.from({ length: c.R }, (_, r) =>
        Array.from(gradLogits.subarray(r * c.K, (r + 1) * c.K)),
      );
  return { loss: result.loss, pPlus: result.pPlus, pMinus: result.pMinus, grad };
}

/** The first NaN/±Infinity in an output, described for the error line; null when all are finite. */
function firstNonFinite(out: CaseOutput): string | null {
  for (const key of ['loss', 'pPlus', 'pMinus'] as const) {
    if (!Number.isFinite(out[key])) return `${key} = ${out[key]}`;
  }
  const rows = out.grad.map((g) => (typeof g === 'number' ? [g] : g));
  for (let r = 0; r < rows.length; r++) {
    const c = rows[r].findIndex((x) => !Number.isFinite(x));
    if (c >= 0) return `a non-finite gradient entry (${rows[r][c]}) in row ${r}`;
  }
  return null;
}

/** "no such file or directory (ENOENT)" from Node's "ENOENT: no such file or directory, open 'x'". */
export function describeIoError(e: unknown): string {
  const message = oneLine(e);
  const m = /^(E[A-Z]+): ([^,]+)/.exec(message);
  return m === null ? message : `${m[2]} (${m[1]})`;
}

function failure(code: 1 | 2, line: string): CliOutcome {
  return { stdout: '', stderr: `${line}\n`, code };
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();
}
