/**
 * Command-line arguments of `dr` (src/cli/dr.ts). The default command evaluates cases: at most one
 * input path ("-" for stdin; .npz / .npy arrays too, see src/io/npz.ts), --help. Subcommands
 * (check, vectors) parse their own argv with the helpers here.
 */

/** What the command line of the default (evaluate) command asks for. */
export type CliArgs =
  | { readonly kind: 'help' }
  /** `explicit`: "-" was given, so read stdin even from a terminal. */
  | { readonly kind: 'stdin'; readonly explicit: boolean; readonly params?: string }
  | { readonly kind: 'file'; readonly path: string; readonly params?: string }
  /** --logits a.npy --targets b.npy [--params JSON] */
  | {
      readonly kind: 'arrays';
      readonly logits: string;
      readonly targets: string;
      readonly params?: string;
    }
  | { readonly kind: 'error'; readonly message: string };

/** The --help text (also the hint when the command is started with no input at a terminal). */
export const USAGE = `Usage: npm run --silent dr -- [case.json | -]
       npm run --silent dr -- scores.csv [--params JSON]
       npm run --silent dr -- cases.npz [--params JSON]
       npm run --silent dr -- --logits logits.npy --targets targets.npy [--params JSON]
       npm run --silent dr -- check [checks.json | -]      (see: dr check --help)
       npm run --silent dr -- vectors --out DIR            (see: dr vectors --help)
       npx tsx src/cli/dr.ts ...

Evaluates the DR loss (Qian et al., CVPR 2020; the official SigmoidDRLoss) in float64 on each case
of a JSON file, or of stdin when the file is omitted or "-", and prints JSON on stdout:
{"loss", "pPlus", "pMinus", "grad"} per case (grad = d loss / d logits, shaped like the logits);
one case in gives one object out, an array of cases gives an array.

A case: {"logits": N rows of K numbers, or N numbers (K = 1),
         "targets": N integers (negative = ignored, 0 = background, 1..K = class),
         "params": {"margin", "lambdaPos", "lambdaNeg", "L", "tau", "rho",
                    "smoothing": "logistic" | "quad" | "hinge", "negTopK"} (all optional),
         "expected": ignored}
CSV input (by name .csv/.tsv/.txt, or any input not starting with '{' or '['): one row per
anchor, its logits or scores then its label (a header names them; without one, values all in
[0, 1] are scores), as the app's import reads it; how the values were read goes to stderr.
Files and stdin are read chunk by chunk, straight into typed arrays.
NumPy input: a .npz holding arrays "logits" (float32/float64, shape (N, K) or (N,)) and "targets"
(or "labels"; integer, shape (N,)), or two .npy files; --params takes the params object as JSON
(CSV and NumPy input; a JSON case carries its own).

Exit status: 0 success; 2 bad usage, unreadable file or invalid input (one line on stderr,
nothing on stdout); 1 internal error (the engine failed).`;

/** Options of the default command that take a value. */
const VALUE_OPTIONS = ['--logits', '--targets', '--params'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

/** Split argv into options with values and plain arguments (after "--", everything is plain). */
function scan(
  argv: readonly string[],
  valueOptions: readonly string[],
):
  | { kind: 'help' }
  | { kind: 'error'; message: string }
  | { kind: 'ok'; values: Map<string, string>; paths: string[] } {
  const paths: string[] = [];
  const values = new Map<string, string>();
  let optionsEnded = false;
  for (const arg of argv) {
    if (arg === '--') break;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (optionsEnded || arg === '-' || !arg.startsWith('-')) {
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!valueOptions.includes(name)) {
      return { kind: 'error', message: `unknown option ${JSON.stringify(arg)} (see --help)` };
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) return { kind: 'error', message: `${name} needs a value` };
    if (values.has(name)) return { kind: 'error', message: `${name} given twice` };
    values.set(name, value);
  }
  return { kind: 'ok', values, paths };
}

/** At most one path: null when none. */
function onePath(
  paths: readonly string[],
): { ok: true; path: string | null } | { ok: false; message: string } {
  if (paths.length > 1) {
    const list = paths.map((p) => JSON.stringify(p)).join(' ');
    return { ok: false, message: `expected at most one input file (got ${list})` };
  }
  return { ok: true, path: paths.length === 0 ? null : paths[0] };
}

/**
 * Read argv of the default command (without node and the script): "--help"/"-h" anywhere wins; "--"
 * ends the options (so a file may be named "-x"); "-" or no path means stdin; more than one path is an
 * error; --logits/--targets name .npy files (both or neither, and then no path); --params is JSON.
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const s = scan(argv, VALUE_OPTIONS);
  if (s.kind !== 'ok') return s;
  const get = (name: ValueOption) => s.values.get(name);
  const params = get('--params');
  const withParams = params === undefined ? {} : { params };
  const logits = get('--logits');
  const targets = get('--targets');
  if (logits !== undefined || targets !== undefined) {
    if (logits === undefined || targets === undefined) {
      return { kind: 'error', message: '--logits and --targets go together (two .npy files)' };
    }
    if (s.paths.length > 0) {
      return {
        kind: 'error',
        message: `--logits/--targets replace the input file (got ${JSON.stringify(s.paths[0])})`,
      };
    }
    return { kind: 'arrays', logits, targets, ...withParams };
  }
  const one = onePath(s.paths);
  if (!one.ok) return { kind: 'error', message: one.message };
  if (one.path === null || one.path === '-') {
    // --params with stdin: valid for a CSV, refused once the input turns out to be JSON.
    return { kind: 'stdin', explicit: one.path === '-', ...withParams };
  }
  return { kind: 'file', path: one.path, ...withParams };
}

/** Arguments of a subcommand that reads one document: help, a path (null = stdin), or an error. */
export type PathArgs =
  | { readonly kind: 'help' }
  | { readonly kind: 'input'; readonly path: string | null }
  | { readonly kind: 'error'; readonly message: string };

/** argv of a subcommand taking at most one input path ("-" or none = stdin) and no options. */
export function parsePathArgs(argv: readonly string[]): PathArgs {
  const s = scan(argv, []);
  if (s.kind !== 'ok') return s;
  const one = onePath(s.paths);
  return one.ok ? { kind: 'input', path: one.path } : { kind: 'error', message: one.message };
}

/** argv of a subcommand taking only options with values (e.g. vectors --out DIR). */
export function parseOptions(
  argv: readonly string[],
  names: readonly string[],
):
  | { kind: 'help' }
  | { kind: 'error'; message: string }
  | { kind: 'ok'; values: Map<string, string> } {
  const s = scan(argv, names);
  if (s.kind !== 'ok') return s;
  if (s.paths.length > 0) {
    return {
      kind: 'error',
      message: `unexpected argument ${JSON.stringify(s.paths[0])} (see --help)`,
    };
  }
  return { kind: 'ok', values: s.values };
}
