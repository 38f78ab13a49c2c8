/**
 * Command-line arguments of `dr` (src/cli/dr.ts): at most one input path, "-" for stdin, --help.
 */

/** What the command line asks for. */
export type CliArgs =
  | { readonly kind: 'help' }
  /** `explicit`: "-" was given, so read stdin even from a terminal. */
  | { readonly kind: 'stdin'; readonly explicit: boolean }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'error'; readonly message: string };

/** The --help text (also the hint when the command is started with no input at a terminal). */
export const USAGE = `Usage: npm run --silent dr -- [case.json | -]
       npx tsx src/cli/dr.ts [case.json | -]

Evaluates the DR loss (Qian et al., CVPR 2020; the official SigmoidDRLoss) in float64 on each case
of a JSON file, or of stdin when the file is omitted or "-", and prints JSON on stdout:
{"loss", "pPlus", "pMinus", "grad"} per case (grad = d loss / d logits, shaped like the logits);
one case in gives one object out, an array of cases gives an array.

A case: {"logits": N rows of K numbers, or N numbers (K = 1),
         "targets": N integers (negative = ignored, 0 = background, 1..K = class),
         "params": {"margin", "lambdaPos", "lambdaNeg", "L", "tau", "rho",
                    "smoothing": "logistic" | "quad" | "hinge", "negTopK"} (all optional),
         "expected": ignored}

Exit status: 0 success; 2 bad usage, unreadable file or invalid input (one line on stderr,
nothing on stdout); 1 internal error (the engine failed).`;

/**
 * Read argv (without node and the script): "--help"/"-h" anywhere wins; "--" ends the options (so a
 * file may be named "-x"); "-" or no path means stdin; more than one path is an error.
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const paths: string[] = [];
  let optionsEnded = false;
  for (const arg of argv) {
    if (!optionsEnded && (arg === '--help' || arg === '-h')) return { kind: 'help' };
    if (!optionsEnded && arg === '--') {
      optionsEnded = true;
    } else if (!optionsEnded && arg.startsWith('-') && arg !== '-') {
      return { kind: 'error', message: `unknown option ${JSON.stringify(arg)} (see --help)` };
    } else {
      paths.push(arg);
    }
  }
  if (paths.length > 1) {
    const list = paths.map((p) => JSON.stringify(p)).join(' ');
    return { kind: 'error', message: `expected at most one input file (got ${list})` };
  }
  if (paths.length === 0) return { kind: 'stdin', explicit: false };
  if (paths[0] === '-') return { kind: 'stdin', explicit: true };
  return { kind: 'file', path: paths[0] };
}
