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
 */
import { loadavg } from 'node:os';
import { generateAnchors } from '../../src/data/anchors.ts';
import {
  createTraining,
  makeTrainSpec,
  rankingMetrics,
  stepTraining,
  suggestedMetricsEvery,
  trainDataFromAnchors,
} from '../../src/train/index.ts';

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
