/**
 * `dr check [checks.json | -]`: diagnose another implementation's numbers (src/check). Prints one
 * diagnosis per check (an array for an array) and exits 0 when every check matches (float64 or
 * float32), 3 when any does not, 2 on bad input, 1 on an internal error.
 */
import { CHECKS_EMPTY, parseChecks, parseChecksValue } from '../check/checkInput.ts';
import type { ParseChecksResult } from '../check/checkInput.ts';
import { diagnose } from '../check/diagnose.ts';
import type { Diagnosis, GradField, ScalarField } from '../check/diagnose.ts';
import { parsePathArgs } from './args.ts';
import { formatJson } from './format.ts';
import type { Json } from './format.ts';
import { readJsonInput } from './caseInput.ts';
import { failure, oneLine } from './io.ts';
import type { CliIo, CliOutcome } from './io.ts';

export const CHECK_USAGE = `Usage: npm run --silent dr -- check [checks.json | -]

Compares your implementation's DR loss numbers with the official SigmoidDRLoss semantics and, when
they differ, with each known port variant, and says which one your numbers match.

A check is a case ({"logits", "targets", "params"}, as for \`dr\`) plus
  "yours": {"loss": number, "grad": shaped like logits (optional), "pPlus", "pMinus" (optional)}
The input is one check or an array of checks; the output is one diagnosis per check:
  {"verdict": "match" | "match-float32" | "mismatch", "variant": id or null, "matches": [ids],
   "fields": {"loss", "pPlus", "pMinus": {"yours", "expected", "relError", "agreement"},
              "grad": {"maxAbsError", "relError", "at", "yours", "expected", "agreement"}},
   "hint": what to change}
Variant ids, in the order they are named: official, float32, positive-sign, blog-logistic,
per-class, divided-by-positives, no-positive-fallback, ignored-as-negative, other-classes-excluded,
lambdas-swapped, grad-wrt-scores (see docs/cli.md).

Exit status: 0 every check matches (float64 or float32); 3 some check does not; 2 bad usage or
invalid input (one line on stderr naming the case and field); 1 internal error.`;

/** The `check` subcommand. Never rejects. */
export async function runCheck(argv: readonly string[], io: CliIo): Promise<CliOutcome> {
  const args = parsePathArgs(argv);
  if (args.kind === 'help') return { stdout: `${CHECK_USAGE}\n`, stderr: '', code: 0 };
  if (args.kind === 'error') return failure(2, `dr check: ${args.message}`);
  // Streamed into its JSON value (no whole-file string), then validated as parseChecks does.
  const input = await readJsonInput(args.path, io, CHECK_USAGE, {
    prefix: '',
    empty: CHECKS_EMPTY,
  });
  if (!input.ok) return input.outcome;
  return checkParsed(parseChecksValue(input.value));
}

/** Diagnose every check of a JSON document; nothing is printed unless all were diagnosed. */
export function checkText(text: string): CliOutcome {
  return checkParsed(parseChecks(text));
}

/** Diagnose parsed checks (or print why they could not be read). */
function checkParsed(parsed: ParseChecksResult): CliOutcome {
  if (!parsed.ok) return failure(2, parsed.error);
  const out: Json[] = [];
  let allMatch = true;
  for (let i = 0; i < parsed.checks.length; i++) {
    try {
      const d = diagnose(parsed.checks[i]);
      if (d.verdict === 'mismatch') allMatch = false;
      out.push(diagnosisJson(d));
    } catch (e) {
      return failure(1, `case ${i}: internal error: ${oneLine(e)}`);
    }
  }
  let stdout: string;
  try {
    stdout = `${formatJson(parsed.isArray ? out : out[0])}\n`;
  } catch (e) {
    return failure(1, `internal error: ${oneLine(e)}`);
  }
  return { stdout, stderr: '', code: allMatch ? 0 : 3 };
}

function scalarJson(f: ScalarField): Json {
  return { yours: f.yours, expected: f.expected, relError: f.relError, agreement: f.agreement };
}

function gradJson(g: GradField): Json {
  return {
    maxAbsError: g.maxAbsError,
    relError: g.relError,
    at: g.at,
    yours: g.yours,
    expected: g.expected,
    agreement: g.agreement,
  };
}

/** A diagnosis as JSON, keys in a fixed reading order. */
export function diagnosisJson(d: Diagnosis): Json {
  const fields: Record<string, Json> = { loss: scalarJson(d.fields.loss) };
  if (d.fields.pPlus !== undefined) fields.pPlus = scalarJson(d.fields.pPlus);
  if (d.fields.pMinus !== undefined) fields.pMinus = scalarJson(d.fields.pMinus);
  if (d.fields.grad !== undefined) fields.grad = gradJson(d.fields.grad);
  return { verdict: d.verdict, variant: d.variant, matches: d.matches, fields, hint: d.hint };
}
