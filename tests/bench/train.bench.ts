/**
 * `npx tsx tests/bench/train.bench.ts`: wall-clock steps per second of the training core (src/train):
 * one step of all three runs (DR, focal, BCE; linear head, d = 2, Adam) on the generated anchors
 * (src/data/anchors.ts) at N = 10⁴ and 10⁶. A step is backward + optimiser update + forward + loss +
 * gradient + precision/recall at 0.05 and 0.5 for each run, and AP and AUC (a sort of the positives
 * and a search per negative) at the steps suggestedMetricsEvery picks (every step at 1e4, every 10th
 * at 1e6, as the issue allows above 10⁵ entries); their cost is also printed on its own.
 * Not part of `npm test`: timings depend on the machine and on whatever else runs on it. Prints the
 * load average with each line, and the process's CPU time per step beside the wall clock (on a
 * shared machine the wall clock also counts the time other processes hold the cores). The issue's
 * floor is ≥ 60 steps/s at 1e4 and ≥ 10 at 1e6.
 *
 * Then the same trainings as the app runs them, the runs stepped by the training pool with 1 and 2
 * worker_threads (see the second block), and the ratio of the two.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { generateAnchors } from '../../src/data/anchors.ts';
import {
  createTraining,
  makeTrainSpec,
  rankingMetrics,
  stepTraining,
  suggestedMetricsEvery,
  trainDataFromAnchors,
} from '../../src/train/index.ts';
import { RUN_NAMES } from '../../src/train/types.ts';
import { DEFAULT_APP_PARAMS, toEngineParams } from '../../src/params/table.ts';
import { createTrainPool, type TrainPoolWorkerLike } from '../../src/worker/trainPool.ts';
import type { TrainPoolReply } from '../../src/worker/trainPoolProtocol.ts';
import { SERIES_FIELDS } from '../../src/worker/trainProtocol.ts';
import { DEFAULT_TRAIN_SETUP, type TrainSetup } from '../../src/worker/trainSetup.ts';

const SIZES = [
  { N: 1e4, label: '1e4', warmup: 30, steps: 300 },
  { N: 1e6, label: '1e6', warmup: 3, steps: 20 },
];

function load(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

for (const { N, label, warmup, steps } of SIZES) {
  const set = generateAnchors({ anchors: N });
  // AP/AUC as the app would sample them: every step at 1e4, every 10th at 1e6
  const metricsEvery = suggestedMetricsEvery(N);
  const spec = makeTrainSpec(trainDataFromAnchors(set), {
    steps: warmup + steps + 1,
    metricsEvery,
  });
  const training = createTraining(spec);
  for (let i = 0; i < warmup; i++) stepTraining(training);
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < steps; i++) {
    const t0 = performance.now();
    stepTraining(training);
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / steps;
  const total = times.reduce((a, b) => a + b, 0);
  const median = [...times].sort((a, b) => a - b)[times.length >> 1];
  // AP + AUC of all three runs at the last step: what a sampled step adds
  const t0 = performance.now();
  const reps = N <= 1e4 ? 50 : 3;
  for (let i = 0; i < reps; i++) {
    for (const run of training.runs) {
      rankingMetrics(run.loss.positives(), run.loss.negatives());
    }
  }
  const rankMs = (performance.now() - t0) / reps;
  console.log(
    `N=${label}: AP/AUC every ${metricsEvery} step(s); step of 3 runs median ${median.toFixed(2)} ms, mean ${(total / steps).toFixed(2)} ms, ` +
      `CPU time ${cpuMs.toFixed(2)} ms/step (${(1000 / cpuMs).toFixed(1)} steps per CPU second); ` +
      `AP+AUC of 3 runs ${rankMs.toFixed(2)} ms (load ${load()})`,
  );
  console.log(
    `training steps/s at N=${label}: ${((1000 * steps) / total).toFixed(1)} (load ${load()})`,
  );
}

/*
 * The training pool (src/worker/trainPool.ts) as the Train section runs it: the app's default setup
 * (linear head on generated anchors, Adam, the 3 runs) at N anchors, its runs stepped by a pool of 1
 * or of 2 Node worker_threads running the browser's pool handler (src/worker/trainPoolHandler.ts).
 * Steps/s = steps handed on after a warm-up / the time they took (start-up excluded). Pool sizes
 * alternate, and which goes first; medians of ROUNDS runs; every run's numbers are checked to be the
 * first run's, to the last bit.
 */
const ROUNDS = 5;
const POOL_SIZES = [1, 2] as const;
const POOL_CASES = [
  { N: 1e4, label: '1e4', warmup: 100, steps: 1100 },
  { N: 1e6, label: '1e6', warmup: 4, steps: 28 },
];

/**
 * A worker_threads Worker running trainPoolHandler as trainPool.worker.ts does. A worker thread does
 * not inherit tsx's loader: the bootstrap registers it (tsx/esm/api) before importing the handler.
 */
function nodeTrainPoolWorker(): TrainPoolWorkerLike {
  const api = import.meta.resolve('tsx/esm/api');
  const handler = new URL('../../src/worker/trainPoolHandler.ts', import.meta.url).href;
  const bootstrap = `
    Promise.all([
      import('node:worker_threads'),
      import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(handler)}); }),
    ]).then(([{ parentPort }, { createTrainPoolHandler }]) => {
      const h = createTrainPoolHandler((reply, transfer) => parentPort.postMessage(reply, transfer));
      let scheduled = false;
      const tick = () => { scheduled = false; if (h.work()) schedule(); };
      // setImmediate: no clamped timeout between chunks, as trainPool.worker.ts's message to itself
      const schedule = () => { if (!scheduled) { scheduled = true; setImmediate(tick); } };
      parentPort.on('message', (m) => {
        if (m.type === 'crash') throw new Error('training pool worker crash requested');
        h.handle(m);
        schedule();
      });
      parentPort.postMessage({ type: 'ready' });
    });`;
  const worker = new Worker(bootstrap, { eval: true });
  const like: TrainPoolWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      worker.postMessage(message, transfer as ArrayBuffer[]);
    },
    terminate() {
      void worker.terminate();
    },
  };
  worker.on('message', (data: TrainPoolReply) => like.onmessage?.({ data }));
  worker.on('error', (e: Error) => like.onerror?.({ message: e.message }));
  return like;
}

/** One training through a pool of `size`: steps/s after the warm-up, and every series value. */
async function poolRun(
  size: number,
  N: number,
  warmup: number,
  steps: number,
): Promise<{ stepsPerSecond: number; cpuMsPerStep: number; series: Float64Array[] }> {
  const pool = createTrainPool({ size, createWorker: nodeTrainPoolWorker });
  const setup: TrainSetup = { ...DEFAULT_TRAIN_SETUP, anchors: N, steps };
  const S = setup.steps;
  const series = RUN_NAMES.map(() => new Float64Array((S + 1) * SERIES_FIELDS.length));
  let warm: { step: number; t: number; cpu: NodeJS.CpuUsage } | null = null;
  let cpuMsPerStep = NaN;
  const stepsPerSecond = await new Promise<number>((resolve, reject) => {
    pool.start(
      {
        setup,
        params: toEngineParams(DEFAULT_APP_PARAMS),
        source: null,
        runs: RUN_NAMES,
        steps: S,
      },
      {
        chunk(c) {
          c.series.forEach((s, i) => series[i].set(s, c.from * SERIES_FIELDS.length));
          const t = performance.now();
          if (warm === null && c.to > warmup) warm = { step: c.to, t, cpu: process.cpuUsage() };
          if (c.to === S + 1) {
            // the process's CPU time: this thread's and every worker thread's
            const cpu = process.cpuUsage(warm!.cpu);
            cpuMsPerStep = (cpu.user + cpu.system) / 1000 / (c.to - warm!.step);
            resolve(((c.to - warm!.step) * 1000) / (t - warm!.t));
          }
        },
        error: (message) => reject(new Error(message)),
      },
    );
  });
  const { mode, restarts, workers } = pool.report();
  if (mode !== 'workers' || restarts > 0 || workers !== size) {
    throw new Error(`the pool of ${size} ran ${mode} on ${workers} with ${restarts} restarts`);
  }
  pool.dispose();
  return { stepsPerSecond, cpuMsPerStep, series };
}

function median(t: readonly number[]): number {
  const s = Float64Array.from(t).sort();
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

console.log(
  `training pool: the app's default setup, 3 runs, Node ${process.version} worker_threads, ${availableParallelism()} cores; ${ROUNDS} runs per size, sizes alternating; medians (load ${load()})`,
);
const ratios: string[] = [];
for (const { N, label, warmup, steps } of POOL_CASES) {
  const rates = new Map<number, number[]>(POOL_SIZES.map((s) => [s, []]));
  const cpus = new Map<number, number[]>(POOL_SIZES.map((s) => [s, []]));
  let reference: Float64Array[] | null = null;
  for (let i = 0; i < ROUNDS; i++) {
    for (const size of i % 2 === 0 ? POOL_SIZES : [...POOL_SIZES].reverse()) {
      const run = await poolRun(size, N, warmup, steps);
      reference ??= run.series;
      const same = run.series.every((s, r) => s.every((v, k) => Object.is(v, reference![r][k])));
      if (!same) throw new Error(`pool of ${size} at N=${label}: not the first run's numbers`);
      rates.get(size)!.push(run.stepsPerSecond);
      cpus.get(size)!.push(run.cpuMsPerStep);
    }
  }
  const one = median(rates.get(1)!);
  const two = median(rates.get(2)!);
  console.log(
    `training pool steps/s at N=${label}: 1 worker ${one.toFixed(1)}, 2 workers ${two.toFixed(1)} ` +
      `(3 runs; the same bits from both; CPU time ${median(cpus.get(1)!).toFixed(2)} and ${median(cpus.get(2)!).toFixed(2)} ms/step; load ${load()})`,
  );
  ratios.push(`${label} ${(two / one).toFixed(2)}`);
}
console.log(`training pool ratio 2 workers / 1 (steps/s): ${ratios.join(', ')}`);
