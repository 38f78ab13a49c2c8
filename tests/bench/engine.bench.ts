/**
 * `npm run bench`: wall-clock medians of the engine on seeded detection-like problems, beside the same
 * forward + gradient in vectorised numpy (drloss_numpy.py) when python3 with numpy is present.
 * Not part of `npm test`: timings depend on the machine and on whatever else runs on it.
 * The last line is `ratio engine/numpy at N=1e6: R` (or `n/a`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { randomLcg, randomNormal } from 'd3';
import { DEFAULT_PARAMS, createWorkspace, evaluate, pool } from '../../src/engine/index.ts';
import { pairwiseHinge } from '../../src/engine/related/index.ts';

const SEED = 20200616;
const POSITIVE_RATE = 0.001;
const NEG_LOGIT = { mu: -4, sigma: 2 };
const POS_LOGIT = { mu: 0, sigma: 2 };
/** More runs where one run is short, so each median rests on enough samples. */
const SIZES = [
  { N: 1e4, label: '1e4', warmup: 20, runs: 201 },
  { N: 1e5, label: '1e5', warmup: 10, runs: 51 },
  { N: 1e6, label: '1e6', warmup: 3, runs: 15 },
  { N: 8e6, label: '8e6', warmup: 1, runs: 5 },
];
const RATIO_AT = '1e6';
/** The numpy peer's interpreter; PYTHON=/nonexistent shows the report without it. */
const PYTHON = process.env.PYTHON ?? 'python3';

// A full collection between sizes so one size's 64 MB arrays are not collected during the next's
// timings (tsx takes no --expose-gc; this is V8's documented way to set the flag at run time).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** One class, anchors positive with probability POSITIVE_RATE, normal logits per label; seeded. */
function makeProblem(N: number): { logits: Float64Array; targets: Int32Array } {
  const uniform = randomLcg(SEED);
  const normal = randomNormal.source(uniform);
  const neg = normal(NEG_LOGIT.mu, NEG_LOGIT.sigma);
  const pos = normal(POS_LOGIT.mu, POS_LOGIT.sigma);
  const logits = new Float64Array(N);
  const targets = new Int32Array(N);
  for (let r = 0; r < N; r++) {
    const positive = uniform() < POSITIVE_RATE;
    targets[r] = positive ? 1 : 0;
    logits[r] = positive ? pos() : neg();
  }
  return { logits, targets };
}

/** Median wall-clock milliseconds of `runs` calls of `f` after `warmup` untimed ones. */
function medianMs(f: (i: number) => void, warmup: number, runs: number): number {
  for (let i = 0; i < warmup; i++) f(i);
  const t = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f(i);
    t[i] = performance.now() - t0;
  }
  return t.sort()[runs >> 1];
}

function numpyVersion(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import numpy; print(numpy.__version__)'], {
    encoding: 'utf8',
  });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Little-endian on every platform this runs on (x86-64, arm64), as numpy's '<f8' / '<i4' expect. */
function writeArray(path: string, a: Float64Array | Int32Array): void {
  writeFileSync(path, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

interface Row {
  label: string;
  nPos: number;
  runs: number;
  fwdGrad: number;
  paramOnly: number;
  pairwise: number;
  numpy: number | null;
  numpyNote: string;
}

function benchOne(size: (typeof SIZES)[number], numpy: boolean, dir: string): Row {
  const { N, label, warmup, runs } = size;
  const { logits, targets } = makeProblem(N);
  const params = DEFAULT_PARAMS;
  let sink = 0;

  const fwdGrad = medianMs(
    () => {
      const pooled = pool(logits, targets, 1);
      const ws = createWorkspace(pooled);
      sink += evaluate(pooled, params, ws, { gradLogits: true }).loss;
    },
    warmup,
    runs,
  );

  const pooled = pool(logits, targets, 1);
  const ws = createWorkspace(pooled);
  // Alternate λ− between two values so no run can reuse the previous one's work.
  const lambdas = [params.lambdaNeg, params.lambdaNeg * 1.1];
  const paramOnly = medianMs(
    (i) => {
      sink += evaluate(pooled, { ...params, lambdaNeg: lambdas[i & 1] }, ws, {
        gradLogits: true,
      }).loss;
    },
    warmup,
    runs,
  );

  const pairwise = medianMs(
    () => {
      sink += pairwiseHinge(pooled.pPos, pooled.pNeg, params.margin).loss;
    },
    warmup,
    runs,
  );
  if (!Number.isFinite(sink)) throw new Error(`non-finite loss at N=${label}`);

  let numpyMs: number | null = null;
  let numpyNote = numpy ? '' : 'numpy absent';
  if (numpy) {
    const result = evaluate(pooled, params, ws, { gradLogits: true });
    const files = { logits: 'logits.f8', targets: 'targets.i4', grad: 'grad.f8' };
    writeArray(join(dir, files.logits), logits);
    writeArray(join(dir, files.targets), targets);
    writeArray(join(dir, files.grad), ws.gradLogits);
    const script = join(dirname(fileURLToPath(import.meta.url)), 'drloss_numpy.py');
    const run = spawnSync(
      PYTHON,
      [
        script,
        ...['--logits', join(dir, files.logits), '--targets', join(dir, files.targets)],
        ...['--K', '1', '--engine-grad', join(dir, files.grad)],
        ...['--engine-loss', String(result.loss), '--params', JSON.stringify(params)],
        ...['--warmup', String(warmup), '--runs', String(runs)],
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    for (const f of Object.values(files)) rmSync(join(dir, f), { force: true });
    const lines = run.stdout.trim().split('\n');
    for (const line of lines.slice(0, -1)) console.log(line);
    if (run.status === 0) {
      numpyMs = (JSON.parse(lines[lines.length - 1]) as { medianMs: number }).medianMs;
    } else {
      numpyNote = run.status === 2 ? 'numpy disagrees with the engine' : 'numpy run failed';
      console.log(`  ${numpyNote} at N=${label} (exit ${run.status}): ${run.stderr.trim()}`);
    }
  }
  return {
    label,
    nPos: pooled.pPos.length,
    runs,
    fwdGrad,
    paramOnly,
    pairwise,
    numpy: numpyMs,
    numpyNote,
  };
}

function main(): void {
  const np = numpyVersion();
  const p = DEFAULT_PARAMS;
  console.log(`DR loss engine benchmark (Node ${process.version}; numpy ${np ?? 'absent'})`);
  console.log(
    `data: K = 1 class; each anchor positive with probability ${POSITIVE_RATE} (d3 randomLcg, seed ${SEED});` +
      ` logits of negatives ~ N(${NEG_LOGIT.mu}, ${NEG_LOGIT.sigma}²), of positives ~ N(${POS_LOGIT.mu}, ${POS_LOGIT.sigma}²)`,
  );
  console.log(
    `params: defaults (γ=${p.margin}, λ+=${p.lambdaPos}, λ−=${p.lambdaNeg.toFixed(6)}, L=${p.L}, τ=${p.tau}, logistic, uniform o)`,
  );
  console.log(
    'times: wall-clock median ms of the runs after warm-up; other processes may be running.',
  );
  console.log('  fwd+grad   = pool + createWorkspace + evaluate with ∂DR/∂logits, from raw logits');
  console.log(
    '  param-only = evaluate with ∂DR/∂logits on a kept Pooled and Workspace after a λ− change',
  );
  console.log('  pairwise   = exact O(n log n) all-pairs hinge loss, Eq. 3/4 (information only)');
  console.log('  numpy      = tests/bench/drloss_numpy.py: the same fwd+grad, vectorised float64');
  console.log('');

  const dir = mkdtempSync(join(tmpdir(), 'drloss-bench-'));
  const rows: Row[] = [];
  try {
    for (const size of SIZES) {
      rows.push(benchOne(size, np !== null, dir));
      collectGarbage();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const header = [
    'N',
    'n+',
    'runs',
    'fwd+grad ms',
    'param-only ms',
    'numpy ms',
    'engine/numpy',
    'pairwise ms',
  ];
  const table = rows.map((r) => [
    r.label,
    String(r.nPos),
    String(r.runs),
    r.fwdGrad.toFixed(3),
    r.paramOnly.toFixed(3),
    r.numpy === null ? 'n/a' : r.numpy.toFixed(3),
    r.numpy === null ? 'n/a' : (r.fwdGrad / r.numpy).toFixed(2),
    r.pairwise.toFixed(3),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
  const fmt = (cells: string[]) => cells.map((s, c) => s.padStart(widths[c])).join('  ');
  console.log('');
  console.log(fmt(header));
  for (const row of table) console.log(fmt(row));

  const at = rows.find((r) => r.label === RATIO_AT);
  if (!at || at.numpy === null) {
    console.log(
      `note: ${at?.numpyNote ?? 'no run'} at N=${RATIO_AT}; no numpy time to compare with.`,
    );
    console.log(`ratio engine/numpy at N=${RATIO_AT}: n/a`);
  } else {
    console.log(`ratio engine/numpy at N=${RATIO_AT}: ${(at.fwdGrad / at.numpy).toFixed(2)}`);
  }
}

main();
