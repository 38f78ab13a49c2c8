/**
 * `npm run bench` (after engine.bench.ts): the pool of workers at detection scale, with 1 and with 2
 * workers (Node worker_threads running the browser pool's handler, src/worker/poolHandler.ts), on the
 * detection-scale preset (100,000 anchors × 80 classes = 8·10⁶ entries, seed 1, default parameters):
 *   λ-step   = the DR result after a λ− change: each worker's shards' tilted sums, combined in shard order
 *   fwd+grad = the same with e_j kept, then the gradient round: ∂DR/∂logits of every entry, assembled
 *              into one R·K array (the shards are pooled once beforehand, as a training step's are not)
 *   switch   = the engine worker's answer to switching to the preset (load + first explanation), in
 *              one thread as before the pool, and through the engine service with a pool of 1 and 2
 * Runs alternate between the two pool sizes; each line gives medians and the ratio 2 workers / 1.
 * The two pools' results are checked to be equal to the last bit before anything is timed.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { generatePreset } from '../../src/data/index.ts';
import { DEFAULT_PARAMS } from '../../src/engine/index.ts';
import type { DRResult } from '../../src/engine/index.ts';
import { poolEvaluate, poolHold, type HeldProblem } from '../../src/worker/poolEvaluate.ts';
import { createEngineService } from '../../src/worker/engineService.ts';
import { createEngineHandler } from '../../src/worker/handler.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { PoolRequest, PoolResponse } from '../../src/worker/poolProtocol.ts';
import {
  createWorkerPool,
  type PoolWorkerLike,
  type WorkerPool,
} from '../../src/worker/workerPool.ts';

const RUNS = 7;
const SIZES = [1, 2] as const;

/**
 * A worker_threads Worker seen as the pool's PoolWorkerLike. A worker thread does not inherit tsx's
 * loader, so a two-line bootstrap registers it (tsx/esm/api) before importing the TypeScript shell.
 */
function nodePoolWorker(): PoolWorkerLike {
  const api = import.meta.resolve('tsx/esm/api');
  const shell = new URL('./poolNodeWorker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(shell)}); });`;
  const worker = new Worker(bootstrap, { eval: true });
  const like: PoolWorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(message: PoolRequest, transfer: Transferable[]) {
      worker.postMessage(message, transfer as ArrayBuffer[]);
    },
    terminate() {
      void worker.terminate();
    },
  };
  worker.on('message', (data: PoolResponse) => like.onmessage?.({ data }));
  worker.on('error', (e: Error) => like.onerror?.({ message: e.message }));
  return like;
}

function median(t: readonly number[]): number {
  const s = Float64Array.from(t).sort();
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function sameResult(a: DRResult, b: DRResult): boolean {
  return (Object.keys(a) as (keyof DRResult)[]).every((k) => Object.is(a[k], b[k]));
}

async function main(): Promise<void> {
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(', ');
  console.log('');
  console.log(
    `Pool of workers at detection scale (Node ${process.version} worker_threads, ${availableParallelism()} cores)`,
  );
  console.log(
    'data: the detection-scale preset, seed 1: 100,000 anchors × 80 classes, 8·10⁶ entries',
  );
  console.log(`load average (1, 5, 15 min) at start: ${load()}`);

  const set = generatePreset('detection-scale', 1);
  const pools = new Map<number, WorkerPool>();
  const held = new Map<number, HeldProblem>();
  for (const size of SIZES) {
    const pool = createWorkerPool({
      size,
      createWorker: nodePoolWorker,
      onNotice: (text) => console.log(`  pool of ${size}: ${text}`),
    });
    pools.set(size, pool);
    held.set(size, await poolHold(pool, set.logits, set.targets, set.K));
  }

  // the same bits from both pool sizes, or nothing is worth timing
  const check = await Promise.all(
    SIZES.map((s) => poolEvaluate(pools.get(s)!, held.get(s)!, DEFAULT_PARAMS, true)),
  );
  const g0 = check[0].gradLogits!;
  const g1 = check[1].gradLogits!;
  if (!sameResult(check[0].result, check[1].result) || !g0.every((v, i) => Object.is(v, g1[i]))) {
    throw new Error('1 and 2 pool workers disagree');
  }

  const lambdas = [DEFAULT_PARAMS.lambdaNeg, DEFAULT_PARAMS.lambdaNeg * 1.1];
  const tasks: Record<string, (size: number, i: number) => Promise<void>> = {
    'λ-step': async (size, i) => {
      await poolEvaluate(
        pools.get(size)!,
        held.get(size)!,
        { ...DEFAULT_PARAMS, lambdaNeg: lambdas[i & 1] },
        false,
      );
    },
    'fwd+grad': async (size, i) => {
      await poolEvaluate(
        pools.get(size)!,
        held.get(size)!,
        { ...DEFAULT_PARAMS, lambdaNeg: lambdas[i & 1] },
        true,
      );
    },
  };
  const times = new Map<string, number[]>();
  for (const [name, task] of Object.entries(tasks)) {
    for (const size of SIZES) await task(size, 0); // warm-up
    for (let i = 0; i < RUNS; i++) {
      // alternate the sizes, and which goes first, so a change of load hits both
      const order = i % 2 === 0 ? SIZES : [...SIZES].reverse();
      for (const size of order) {
        const t0 = performance.now();
        await task(size, i);
        const key = `${name}@${size}`;
        times.set(key, [...(times.get(key) ?? []), performance.now() - t0]);
      }
    }
  }
  // timings of a pool that fell back to one thread or restarted would not be the pool's
  for (const [size, pool] of pools) {
    if (pool.mode !== 'workers' || pool.restarts > 0) {
      throw new Error(`the pool of ${size} ran ${pool.mode} with ${pool.restarts} restarts`);
    }
    pool.dispose();
  }

  // The engine worker's answer to switching to the preset: one thread as before the pool (the
  // handler alone), and the engine service with a pool of 1 and of 2 workers; the same reply from all.
  const source = { kind: 'generated', preset: 'detection-scale', seed: 1, edits: [] } as const;
  const plain = createEngineHandler();
  const services = new Map(
    SIZES.map((size) => [
      size,
      createEngineService({ createPoolWorker: nodePoolWorker, defaultPoolSize: size }),
    ]),
  );
  const switchTo = async (variant: number, gen: number) => {
    const request = { type: 'load', gen, source, params: DEFAULT_APP_PARAMS } as const;
    const reply =
      variant === 0 ? plain.handle(request) : await services.get(variant as 1 | 2)!.handle(request);
    if (reply?.message.type !== 'result') throw new Error('the switch did not give a result');
    if (variant !== 0 && reply.message.pool?.restarts !== 0) throw new Error('the pool restarted');
    return reply.message.result;
  };
  const variants = [0, ...SIZES];
  const results = await Promise.all(variants.map((v) => switchTo(v, 1))); // warm-up
  if (!results.every((r) => sameResult(r, results[0]))) throw new Error('the switches disagree');
  for (let i = 0; i < RUNS; i++) {
    const k = i % variants.length;
    for (const v of [...variants.slice(k), ...variants.slice(0, k)]) {
      const t0 = performance.now();
      await switchTo(v, i + 2);
      const key = `switch@${v}`;
      times.set(key, [...(times.get(key) ?? []), performance.now() - t0]);
    }
  }
  for (const service of services.values()) service.dispose();

  console.log(`runs: ${RUNS} per size after one warm-up, sizes alternating; medians in ms`);
  for (const name of Object.keys(tasks)) {
    const one = median(times.get(`${name}@1`)!);
    const two = median(times.get(`${name}@2`)!);
    console.log(
      `pool ${name.padEnd(8)} 1 worker ${one.toFixed(1).padStart(7)} ms   2 workers ${two.toFixed(1).padStart(7)} ms   ratio 2/1: ${(two / one).toFixed(2)}`,
    );
  }
  const none = median(times.get('switch@0')!);
  const one = median(times.get('switch@1')!);
  const two = median(times.get('switch@2')!);
  console.log(
    `engine worker's detection-scale switch (load + first explanation): one thread ${none.toFixed(1)} ms, pool of 1 ${one.toFixed(1)} ms, pool of 2 ${two.toFixed(1)} ms; ratio pool of 2 / one thread: ${(two / none).toFixed(2)}`,
  );
  console.log(`load average (1, 5, 15 min) at end: ${load()}`);
}

await main();
