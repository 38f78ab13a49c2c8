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
import { importKindOf } from '../io/import.ts';
import type { ParsedCase } from '../io/case.ts';
import type { NpyArray } from '../io/npy.ts';
import { arraysToCase } from '../io/npz.ts';
import { parseArgs, USAGE } from './args.ts';
import { COMMANDS } from './commands.ts';
import { formatJson } from './format.ts';
import type { Json } from './format.ts';
import { failure, oneLine } from './io.ts';
import { PARAMS_WITH_JSON, readCaseInput, readNpyInput, readNpzInput } from './caseInput.ts';
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
    case 'file':
      if (/\.np[yz]$/i.test(args.path)) return runNumpy(args, io, evaluate);
      return runCases(args.path, args.params, io, evaluate);
    case 'stdin':
      return runCases(args.explicit ? '-' : null, args.params, io, evaluate);
    case 'arrays':
      return runNumpy(args, io, evaluate);
  }
}

/**
 * A JSON case file or a CSV (or stdin), streamed through the io layer's parsers (caseInput.ts).
 * `paramsJson`: --params, which only CSV takes (a JSON case carries its own).
 */
async function runCases(
  path: string | null,
  paramsJson: string | undefined,
  io: CliIo,
  evaluate: Evaluate,
): Promise<CliOutcome> {
  let params: unknown;
  if (paramsJson !== undefined) {
    if (path !== null && importKindOf(path, undefined) === 'json')
      return failure(2, PARAMS_WITH_JSON);
    try {
      params = JSON.parse(paramsJson);
    } catch (e) {
      return failure(2, `dr: --params is not valid JSON (${oneLine(e)})`);
    }
  }
  const input = await readCaseInput(path, io, USAGE, params);
  if (!input.ok) return input.outcome;
  const out = outputCases(input.cases, input.isArray, evaluate);
  return out.code === 0 && input.note !== undefined ? { ...out, stderr: `${input.note}\n` } : out;
}

type NumpyArgs =
  | { readonly path: string; readonly params?: string }
  | { readonly logits: string; readonly targets: string; readonly params?: string };

/** `dr cases.npz` or `dr --logits a.npy --targets b.npy`, with optional --params JSON. */
async function runNumpy(args: NumpyArgs, io: CliIo, evaluate: Evaluate): Promise<CliOutcome> {
  let params: unknown;
  if (args.params !== undefined) {
    try {
      params = JSON.parse(args.params);
    } catch (e) {
      return failure(2, `dr: --params is not valid JSON (${oneLine(e)})`);
    }
  }
  let c: ParsedCase;
  if ('path' in args) {
    if (/\.npy$/i.test(args.path)) {
      return failure(
        2,
        `dr: ${args.path}: an .npy file holds one array: give --logits LOGITS.npy --targets TARGETS.npy`,
      );
    }
    // An .npz is read at offsets (caseInput.ts, io/npzStream.ts): a zip's directory of entries is at
    // its end, so it is read first (ZIP64 sizes, which entries exist, duplicates), then only the
    // entries needed, chunk by chunk into their arrays. The file's bytes are never held whole.
    const r = await readNpzInput(args.path, io, params);
    if (!r.ok) return r.outcome;
    c = r.value;
  } else {
    // Each .npy is streamed into its array (caseInput.ts): the file's bytes are never held whole.
    const arrays: NpyArray[] = [];
    for (const path of [args.logits, args.targets]) {
      const r = await readNpyInput(path, io);
      if (!r.ok) return r.outcome;
      arrays.push(r.array);
    }
    const r = arraysToCase(arrays[0], arrays[1], params);
    if (!r.ok) return failure(2, `dr: ${args.logits}, ${args.targets}: ${r.error}`);
    c = r.value;
  }
  return outputCases([c], false, evaluate);
}

/**
 * Evaluate every case of a JSON document (see src/io/case.ts) and format the outputs: one object for
 * one case, an array for an array. All cases are validated and evaluated before anything is
 * printed, so a failure never leaves partial output. Never throws.
 */
export function runText(text: string, evaluate: Evaluate = drLoss): CliOutcome {
  const parsed = parseCases(text);
  if (!parsed.ok) return failure(2, parsed.error);
  return outputCases(parsed.cases, parsed.isArray, evaluate);
}

/** Evaluate validated cases and format them (one object, or an array when `isArray`). Never throws. */
function outputCases(
  cases: readonly ParsedCase[],
  isArray: boolean,
  evaluate: Evaluate,
): CliOutcome {
  const outputs: Json[] = [];
  for (let i = 0; i < cases.length; i++) {
    let out: CaseOutput;
    try {
      out = evaluateCase(cases[i], evaluate);
    } catch (e) {
      return failure(1, `case ${i}: internal error: ${oneLine(e)}`);
    }
    const bad = firstNonFinite(out);
    if (bad !== null) return failure(1, `case ${i}: internal error: the engine returned ${bad}`);
    outputs.push({ ...out });
  }
  const json = isArray ? outputs : outputs[0];
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
