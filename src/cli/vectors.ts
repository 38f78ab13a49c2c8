/**
 * `dr vectors --out DIR`: write DIR/dr_loss_vectors.json (golden and edge cases with the expected
 * loss, P̂±, gradient and tolerances; src/check/vectors.ts) and DIR/test_dr_loss.py (the pytest file
 * that checks a DR_LOSS_IMPL class against them; src/check/pytestTemplate.ts).
 */
import { PYTEST_FILE_NAME, PYTEST_TEMPLATE, VECTORS_FILE_NAME } from '../check/pytestTemplate.ts';
import { buildVectors } from '../check/vectors.ts';
import { parseOptions } from './args.ts';
import { formatJson } from './format.ts';
import type { Json } from './format.ts';
import { readJsonInput } from './caseInput.ts';
import { describeIoError, failure, oneLine } from './io.ts';
import type { CliIo, CliOutcome } from './io.ts';

export const VECTORS_USAGE = `Usage: npm run --silent dr -- vectors --out DIR

Writes test vectors for your DR loss implementation's test suite into DIR (created if missing):
  DIR/dr_loss_vectors.json  the golden cases and edge cases (no positives, ignored rows, saturated
                            logits, several classes, every surrogate, the hard-negative prior), each
                            with the expected loss, pPlus, pMinus and gradient (float64, official
                            SigmoidDRLoss semantics) and the tolerances of a float64 and a float32 port
  DIR/test_dr_loss.py       a pytest file: DR_LOSS_IMPL=module:ClassName pytest DIR/test_dr_loss.py
                            builds your class like SigmoidDRLoss (pos_lambda, neg_lambda, L, tau,
                            margin where settable) and checks forward and autograd backward
Prints {"vectors": path, "pytest": path, "cases": count} on stdout.

Exit status: 0 written; 2 bad usage or a file that cannot be written (one line on stderr);
1 internal error.`;

/** The `vectors` subcommand. Never rejects. */
export async function runVectors(argv: readonly string[], io: CliIo): Promise<CliOutcome> {
  const args = parseOptions(argv, ['--out']);
  if (args.kind === 'help') return { stdout: `${VECTORS_USAGE}\n`, stderr: '', code: 0 };
  if (args.kind === 'error') return failure(2, `dr vectors: ${args.message}`);
  const out = args.values.get('--out');
  if (out === undefined || out === '') return failure(2, 'dr vectors: --out DIR is required');
  if (io.makeDir === undefined || io.writeFile === undefined || io.goldenPath === undefined) {
    return failure(1, 'dr vectors: internal error: no file system to write to');
  }
  // The golden cases file, streamed into its JSON value like every other case input.
  const read = await readJsonInput(io.goldenPath, io, VECTORS_USAGE, {
    prefix: '',
    empty: 'input: empty',
  });
  if (!read.ok) {
    const why = read.outcome.stderr.trim();
    return failure(1, `dr vectors: internal error: cannot read the golden cases: ${why}`);
  }
  const golden = read.value;
  let text: string;
  let count: number;
  try {
    const file = buildVectors(golden as unknown[]);
    count = file.cases.length;
    text = `${formatJson(file as unknown as Json)}\n`;
  } catch (e) {
    return failure(1, `dr vectors: internal error: ${oneLine(e)}`);
  }
  const dir = out.replace(/\/+$/, '') || '/';
  const vectorsPath = `${dir}/${VECTORS_FILE_NAME}`;
  const pytestPath = `${dir}/${PYTEST_FILE_NAME}`;
  try {
    await io.makeDir(dir);
    await io.writeFile(vectorsPath, text);
    await io.writeFile(pytestPath, PYTEST_TEMPLATE);
  } catch (e) {
    return failure(2, `dr vectors: cannot write to ${JSON.stringify(dir)}: ${describeIoError(e)}`);
  }
  const summary = formatJson({ vectors: vectorsPath, pytest: pytestPath, cases: count });
  return { stdout: `${summary}\n`, stderr: '', code: 0 };
}
