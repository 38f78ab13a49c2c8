/**
 * `npm run bench`: wall-clock medians of the engine on seeded detection-like problems, beside the same
 * forward + gradient in vectorised numpy (drloss_numpy.py) when python3 with numpy is present.
 * Not part of `npm test`: timings depend on the machine and on whatever else runs on it.
 * The engine runs on its default kernels (WebAssembly SIMD where it compiles, src/engine/kernels/simd.ts);
 * fwd+grad is the training loop's call, a DrStep (src/engine/drStep.ts: pool + evaluate in place in its
 * own WebAssembly memory); the column "pool+eval ms" times the same numbers by pool + evaluate on kept
 * buffers (the call before the step), "ts ms" that on the TypeScript kernels (what the step runs where
 * WebAssembly SIMD is missing), all alternating.
 * The last line is `ratio engine/numpy at N=1e6: R` (or `n/a`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { randomLcg, randomNormal } from 'd3';
import {
  DEFAULT_PARAMS,
  SEG_LEN,
  SUM_LEN,
  cellMoments,
  createDrStep,
  createEvaluateCache,
  cellSegmentSums,
  createWorkspace,
  evaluate,
  evaluateScalars,
  kernelPath,
  pairwiseHinge,
  pool,
  segmentEnds,
  setKernelPath,
  sortAscending,
  tiltedSegmentSums,
} from '../../src/engine/index.ts';
import type { Pooled, Workspace } from '../../src/engine/index.ts';

const SEED = 20200616;
const POSITIVE_RATE = 0.001;
const NEG_LOGIT = { mu: -4, sigma: 2 };
const POS_LOGIT = { mu: 0, sigma: 2 };
/**
 * More runs where one run is short, so each median rests on enough samples. The runs are split into
 * BLOCKS blocks, engine and numpy alternating, so a change of load during the run hits both.
 */
const SIZES = [
  { N: 1e4, label: '1e4', warmup: 20, runs: 201 },
  { N: 1e5, label: '1e5', warmup: 10, runs: 51 },
  { N: 1e6, label: '1e6', warmup: 3, runs: 21 },
  { N: 8e6, label: '8e6', warmup: 1, runs: 6 },
];
const BLOCKS = 3;
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

/** Wall-clock milliseconds of `runs` calls of `f` (after `warmup` untimed ones), appended to `into`. */
function timeRuns(f: (i: number) => void, warmup: number, runs: number, into: number[]): void {
  for (let i = 0; i < warmup; i++) f(i);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f(i);
    into.push(performance.now() - t0);
  }
}

function median(t: readonly number[]): number {
  const s = Float64Array.from(t).sort();
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median of `runs` timed calls of `f` after `warmup` untimed ones. */
function medianMs(f: (i: number) => void, warmup: number, runs: number): number {
  const t: number[] = [];
  timeRuns(f, warmup, runs, t);
  return median(t);
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
  poolEval: number;
  fwdGradTs: number;
  poolOnly: number;
  fwdGradFresh: number;
  paramOnly: number;
  scalars: number;
  tiltPass: number;
  cells: number;
  cellsBuild: number;
  cellCount: number;
  pairwise: number;
  numpy: number | null;
  numpyNote: string;
}

/** Runs drloss_numpy.py on the problem in `dir`; its timings, or null (the reason printed). */
function runNumpy(
  dir: string,
  label: string,
  args: { loss: number; warmup: number; runs: number; check: boolean },
): { times: number[] } | { error: string } {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'drloss_numpy.py');
  const run = spawnSync(
    PYTHON,
    [
      script,
      ...['--logits', join(dir, FILES.logits), '--targets', join(dir, FILES.targets)],
      ...['--K', '1', '--engine-grad', join(dir, FILES.grad)],
      ...['--engine-loss', String(args.loss), '--params', JSON.stringify(DEFAULT_PARAMS)],
      ...['--warmup', String(args.warmup), '--runs', String(args.runs)],
      ...(args.check ? [] : ['--skip-check']),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const lines = run.stdout.trim().split('\n');
  for (const line of lines.slice(0, -1)) console.log(line);
  if (run.status === 0) {
    return { times: (JSON.parse(lines[lines.length - 1]) as { timesMs: number[] }).timesMs };
  }
  const error = run.status === 2 ? 'numpy disagrees with the engine' : 'numpy run failed';
  console.log(`  ${error} at N=${label} (exit ${run.status}): ${run.stderr.trim()}`);
  return { error };
}

const FILES = { logits: 'logits.f8', targets: 'targets.i4', grad: 'grad.f8' };

function benchOne(size: (typeof SIZES)[number], numpy: boolean, dir: string): Row {
  const { N, label, warmup, runs } = size;
  const { logits, targets } = makeProblem(N);
  const params = DEFAULT_PARAMS;
  let sink = 0;

  // The training-loop call: one DrStep, its buffers kept between calls.
  const step = createDrStep();
  const fwdGradStep = (): void => {
    sink += step.run(logits, targets, 1, params).result.loss;
  };
  // The call before the step: the previous Pooled and Workspace handed back for reuse.
  let kept: Pooled = pool(logits, targets, 1);
  let ws: Workspace = createWorkspace(kept);
  const fwdGradKept = (): void => {
    kept = pool(logits, targets, 1, kept);
    if (ws.qNeg.length !== kept.pNeg.length || ws.qPos.length !== kept.pPos.length) {
      ws = createWorkspace(kept);
    }
    sink += evaluate(kept, params, ws).loss;
  };
  const fwdGradFresh = (): void => {
    const pooled = pool(logits, targets, 1);
    sink += evaluate(pooled, params, createWorkspace(pooled)).loss;
  };

  let numpyNote = numpy ? '' : 'numpy absent';
  // numpy checks its own loss and gradient against the step's before it times anything
  const checked = step.run(logits, targets, 1, params);
  const engineLoss = checked.result.loss;
  if (numpy) {
    writeArray(join(dir, FILES.logits), logits);
    writeArray(join(dir, FILES.targets), targets);
    writeArray(join(dir, FILES.grad), checked.ws.gradLogits);
  }
  if (engineLoss !== evaluate(kept, params, ws).loss) {
    throw new Error(`the step and pool + evaluate disagree at N=${label}`);
  }

  // Engine and numpy alternate in blocks; each block warms up again (numpy is a new process).
  const tStep: number[] = [];
  const tKept: number[] = [];
  const tTs: number[] = [];
  const tPool: number[] = [];
  const tFresh: number[] = [];
  const poolKept = (): void => {
    kept = pool(logits, targets, 1, kept);
    sink += kept.negMax;
  };
  const tNumpy: number[] = [];
  const perBlock = Math.max(1, Math.round(runs / BLOCKS));
  for (let b = 0; b < BLOCKS; b++) {
    timeRuns(fwdGradStep, b === 0 ? warmup : 1, perBlock, tStep);
    timeRuns(fwdGradKept, b === 0 ? warmup : 1, perBlock, tKept);
    // pool + evaluate on the TypeScript kernels (what the step runs where WebAssembly SIMD is
    // missing), on pool+eval's buffers, alternating with the default path's in every block
    setKernelPath('ts');
    timeRuns(fwdGradKept, b === 0 ? warmup : 1, perBlock, tTs);
    setKernelPath(null);
    timeRuns(poolKept, b === 0 ? warmup : 1, perBlock, tPool);
    timeRuns(fwdGradFresh, b === 0 ? warmup : 1, perBlock, tFresh);
    if (numpy && numpyNote === '') {
      const r = runNumpy(dir, label, {
        loss: engineLoss,
        warmup: b === 0 ? warmup : 1,
        runs: perBlock,
        check: b === 0,
      });
      if ('times' in r) tNumpy.push(...r.times);
      else numpyNote = r.error;
    }
  }
  if (numpy) for (const f of Object.values(FILES)) rmSync(join(dir, f), { force: true });

  // Alternate λ− between two values so no run can reuse the previous one's work.
  const lambdas = [params.lambdaNeg, params.lambdaNeg * 1.1];
  const paramOnly = medianMs(
    (i) => {
      sink += evaluate(kept, { ...params, lambdaNeg: lambdas[i & 1] }, ws).loss;
    },
    warmup,
    runs,
  );
  // with a cache, as the explainer holds one: the positives' sums (λ+ unchanged) are reused
  const cache = createEvaluateCache();
  const scalars = medianMs(
    (i) => {
      sink += evaluateScalars(kept, { ...params, lambdaNeg: lambdas[i & 1] }, cache).loss;
    },
    warmup,
    runs,
  );

  // The explainer's λ− step on the sorted negatives: the fused pass per score, and the same sums from
  // cell moments (built once per set; the build is timed once, after a warm-up build).
  const sorted = sortAscending(kept.pNeg);
  const ends = segmentEnds(sorted.length, []);
  const seg = new Float64Array(SEG_LEN * ends.length);
  const sums = new Float64Array(SUM_LEN);
  const tiltPass = medianMs(
    (i) => {
      tiltedSegmentSums(sorted, 1, lambdas[i & 1], 0, ends, seg, sums);
      sink += sums[0];
    },
    warmup,
    runs,
  );
  cellMoments(sorted, ends);
  const t0 = performance.now();
  const cellSet = cellMoments(sorted, ends);
  const cellsBuild = performance.now() - t0;
  const cells = medianMs(
    (i) => {
      if (!cellSegmentSums(cellSet, sorted, 1, lambdas[i & 1], 0, ends, seg, sums)) {
        throw new Error('cellSegmentSums declined the default λ−');
      }
      sink += sums[0];
    },
    warmup,
    runs,
  );

  const pairwise = medianMs(
    () => {
      sink += pairwiseHinge(kept.pPos, kept.pNeg, params.margin).loss;
    },
    warmup,
    runs,
  );
  if (!Number.isFinite(sink)) throw new Error(`non-finite loss at N=${label}`);

  return {
    label,
    nPos: kept.pPos.length,
    runs: tStep.length,
    fwdGrad: median(tStep),
    poolEval: median(tKept),
    fwdGradTs: median(tTs),
    poolOnly: median(tPool),
    fwdGradFresh: median(tFresh),
    paramOnly,
    scalars,
    tiltPass,
    cells,
    cellsBuild,
    cellCount: cellSet.count,
    pairwise,
    numpy: numpyNote === '' && tNumpy.length > 0 ? median(tNumpy) : null,
    numpyNote,
  };
}

function main(): void {
  const np = numpyVersion();
  const p = DEFAULT_PARAMS;
  console.log(
    `DR loss engine benchmark (Node ${process.version}; numpy ${np ?? 'absent'}; kernels ${kernelPath()})`,
  );
  console.log(
    `data: K = 1 class; each anchor positive with probability ${POSITIVE_RATE} (d3 randomLcg, seed ${SEED});` +
      ` logits of negatives ~ N(${NEG_LOGIT.mu}, ${NEG_LOGIT.sigma}²), of positives ~ N(${POS_LOGIT.mu}, ${POS_LOGIT.sigma}²)`,
  );
  console.log(
    `params: defaults (γ=${p.margin}, λ+=${p.lambdaPos}, λ−=${p.lambdaNeg.toFixed(6)}, L=${p.L}, τ=${p.tau}, logistic, uniform o)`,
  );
  console.log(
    `times: wall-clock median ms of the runs after warm-up, engine and numpy alternating in ${BLOCKS} blocks;`,
  );
  console.log('  other processes may be running (load average printed before and after).');
  console.log(
    '  fwd+grad   = loss and ∂DR/∂logits from raw logits by one DrStep (createDrStep: pool + evaluate in',
  );
  console.log(
    '               place in its own WebAssembly memory, kept between calls), as the training loop calls it',
  );
  console.log(
    "  pool+eval  = the same numbers by pool + evaluate into buffers kept between calls (pool's reuse",
  );
  console.log('               argument, one Workspace): the training-loop call before the step');
  console.log(
    '  ts         = pool+eval on the TypeScript kernels (setKernelPath("ts"); what the step runs without SIMD)',
  );
  console.log('  pool       = the pool half of pool+eval alone (sigmoids and the split)');
  console.log(
    '  fresh      = the same with new arrays every call (pool + createWorkspace + evaluate)',
  );
  console.log(
    '  param-only = evaluate with ∂DR/∂logits on a kept Pooled and Workspace after a λ− change',
  );
  console.log(
    '  scalars    = evaluateScalars after a λ− change, with an EvaluateCache: loss, P̂±, ε±, ESS±',
  );
  console.log(
    '  tilt pass  = the explainer’s fused pass over the sorted negatives after a λ− change (tiltedSegmentSums)',
  );
  console.log(
    '  cells      = the same sums from cell moments (cellSegmentSums; cells = their number, built once in "build ms")',
  );
  console.log('  pairwise   = exact O(n log n) all-pairs hinge loss, Eq. 3/4 (information only)');
  console.log('  numpy      = tests/bench/drloss_numpy.py: the same fwd+grad, vectorised float64');
  console.log(
    `load average (1, 5, 15 min) at start: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
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
    'pool+eval ms',
    'ts ms',
    'pool ms',
    'fresh ms',
    'param-only ms',
    'scalars ms',
    'numpy ms',
    'engine/numpy',
    'pool+eval/numpy',
    'ts/numpy',
    'fresh/numpy',
    'tilt pass ms',
    'cells ms',
    'cells',
    'build ms',
    'pairwise ms',
  ];
  const ratio = (a: number, b: number | null) => (b === null ? 'n/a' : (a / b).toFixed(2));
  const table = rows.map((r) => [
    r.label,
    String(r.nPos),
    String(r.runs),
    r.fwdGrad.toFixed(3),
    r.poolEval.toFixed(3),
    r.fwdGradTs.toFixed(3),
    r.poolOnly.toFixed(3),
    r.fwdGradFresh.toFixed(3),
    r.paramOnly.toFixed(3),
    r.scalars.toFixed(3),
    r.numpy === null ? 'n/a' : r.numpy.toFixed(3),
    ratio(r.fwdGrad, r.numpy),
    ratio(r.poolEval, r.numpy),
    ratio(r.fwdGradTs, r.numpy),
    ratio(r.fwdGradFresh, r.numpy),
    r.tiltPass.toFixed(3),
    r.cells.toFixed(3),
    String(r.cellCount),
    r.cellsBuild.toFixed(1),
    r.pairwise.toFixed(3),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
  const fmt = (cells: string[]) => cells.map((s, c) => s.padStart(widths[c])).join('  ');
  console.log('');
  console.log(fmt(header));
  for (const row of table) console.log(fmt(row));
  console.log(
    `load average (1, 5, 15 min) at end: ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );

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
