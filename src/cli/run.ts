/**
 * The CLI's logic, free of process and file system so tests can run it in-process: argv and input
 * text in, { stdout, stderr, code } out. src/cli/dr.ts only supplies the I/O.
 *
 * `dr [case.json | -]` evaluates cases (this file); `dr <command> ...` runs a subcommand from
 * commands.ts (check, vectors): adding one is an entry there and a module.
 *
 * Exit codes: 0 success · 2 usage error, unreadable input or invalid case (one line on stderr, empty
 * stdout) · 1 internal error (the engine threw or returned a non-finite number; one line on stderr) ·
 * 3 `dr check` found a mismatch.
 */
import { drLoss } from '../engine/index.ts';
import type { DRParams, DRResult } from '../engine/types.ts';
import { parseCases } from '../io/case.ts';
import type { ParsedCase } from '../io/case.ts';
import { parseArgs, USAGE } from './args.ts';
import { COMMANDS } from './commands.ts';
import { formatJson } from './format.ts';
import type { Json } from './format.ts';
import { failure, oneLine, readInput } from './io.ts';
import type { CliIo, CliOutcome } from './io.ts';

export type { CliIo, CliOutcome } from './io.ts';
export { describeIoError } from './io.ts';

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

/** One case's output: the DR loss, P̂+, P̂− and ∂DR/∂logits shaped like the input logits. */
export interface CaseOutput {
  readonly loss: number;
  readonly pPlus: number;
  readonly pMinus: number;
  readonly grad: number[] | number[][];
}

/** The whole command: a subcommand, or parse argv, read the input through `io`, evaluate, format. Never rejects. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  evaluate: Evaluate = drLoss,
): Promise<CliOutcome> {
  const name = argv[0];
  if (name !== undefined && Object.hasOwn(COMMANDS, name)) return COMMANDS[name](argv.slice(1), io);
  const args = parseArgs(argv);
  switch (args.kind) {
    case 'help':
      return { stdout: `${USAGE}\n`, stderr: '', code: 0 };
    case 'error':
      return failure(2, `dr: ${args.message}`);
    case 'stdin':
    case 'file': {
      const input = await readInput(
        args.kind === 'file' ? args.path : args.explicit ? '-' : null,
        io,
        USAGE,
      );
      return input.ok ? runText(input.text, evaluate) : input.outcome;
    }
    case 'arrays':
      return failure(2, 'dr: .npy input is not supported yet');
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
