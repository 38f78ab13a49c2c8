/**
 * `dr train [spec.json | -]`: train DR, focal loss and BCE from a training spec (src/train/spec.ts)
 * and print every run's series and final head parameters as JSON (src/train/output.ts), each number
 * the exact double computed (shortest round-trip digits).
 */
import { TrainDivergedError, parseTrainSpec, trainOutputJson, trainRuns } from '../train/index.ts';
import { formatJson, type Json } from './format.ts';
import { readJsonInput } from './caseInput.ts';
import { failure, oneLine } from './io.ts';
import type { CliIo, CliOutcome } from './io.ts';

/** parseTrainSpecText's error for white space alone (src/train/spec.ts). */
const TRAIN_SPEC_EMPTY = 'input: empty (expected a JSON object)';

export const TRAIN_USAGE = `Usage: npm run --silent dr -- train [spec.json | -]

Trains DR, focal loss and cross-entropy (BCE) from the same data and initial parameters except the
prior, and prints {"runs": {"dr": {...}, "focal": {...}, "bce": {...}}}: per run the loss, ap, auc
(S+1 values, steps 0…S), precision and recall at 0.05 and 0.5, pPlus/pMinus (DR), and the final
head parameters W, b (hiddenW, hiddenB for the mlp). Reads stdin when no file (or "-") is given.

The spec (all fields but targets optional; see docs/cli.md):
  targets   R integers: 0 background, 1..K the class, negative = ignored
  features  R rows of d numbers (linear and mlp models)
  logits    R rows of K numbers (the free model's initial logits)
  classes, model ("free" | "linear" | {"hidden": H}), losses, params, focal {alpha, gamma},
  optimizer ({"kind": "adam"|"sgd", ...}), lr {dr, focal, bce}, prior {dr, focal, bce}, steps,
  seed, metricsEvery

Exit status: 0 trained; 2 bad usage or an invalid spec (one line on stderr naming the field);
1 a run diverged (lower its learning rate) or an internal error.`;

/** argv of `dr train`: --help/-h anywhere before "--"; no options; at most one path ("-" = stdin). */
function trainArgs(
  argv: readonly string[],
): { kind: 'help' } | { kind: 'error'; message: string } | { kind: 'ok'; path: string | null } {
  const paths: string[] = [];
  let ended = false;
  for (const arg of argv) {
    if (!ended && (arg === '--help' || arg === '-h')) return { kind: 'help' };
    if (!ended && arg === '--') {
      ended = true;
      continue;
    }
    if (!ended && arg !== '-' && arg.startsWith('-')) {
      return { kind: 'error', message: `unknown option ${JSON.stringify(arg)} (see --help)` };
    }
    paths.push(arg);
  }
  if (paths.length > 1) {
    const list = paths.map((p) => JSON.stringify(p)).join(' ');
    return { kind: 'error', message: `expected at most one spec file (got ${list})` };
  }
  return { kind: 'ok', path: paths[0] ?? null };
}

/** The `train` subcommand. Never rejects. */
export async function runTrain(argv: readonly string[], io: CliIo): Promise<CliOutcome> {
  const args = trainArgs(argv);
  if (args.kind === 'help') return { stdout: `${TRAIN_USAGE}\n`, stderr: '', code: 0 };
  if (args.kind === 'error') return failure(2, `dr train: ${args.message}`);
  // Streamed into its JSON value (no whole-file string), then validated as parseTrainSpecText does.
  const input = await readJsonInput(args.path, io, TRAIN_USAGE, {
    prefix: 'dr train: ',
    empty: TRAIN_SPEC_EMPTY,
  });
  if (!input.ok) return input.outcome;
  const parsed = parseTrainSpec(input.value);
  if (!parsed.ok) return failure(2, `dr train: ${parsed.error}`);
  try {
    const out = trainOutputJson(trainRuns(parsed.spec));
    return { stdout: `${formatJson(out as unknown as Json)}\n`, stderr: '', code: 0 };
  } catch (e) {
    if (e instanceof TrainDivergedError) return failure(1, `dr train: ${oneLine(e)}`);
    return failure(1, `dr train: internal error: ${oneLine(e)}`);
  }
}
