/**
 * `npm run bench:ui`: slider-to-readout latency in headless Chromium, on the built app (dist-bench).
 *
 * For each preset it drags λ− as a person would at 60 Hz: every 16 ms the slider gets a new value and
 * an `input` event (in the page, so timing is the page's own clock). Latency of one input = time from
 * that input to the first readout update showing a result at least as new as it (the readouts card's
 * `data-generation` attribute; the client's generation is read right after the input is handled),
 * and, second figure, to the start of the next animation frame after that update (≈ on screen).
 * Coalescing means a slow engine skips intermediate inputs: their latency is the wait until a newer
 * result shows, which is what the person sees.
 *
 * Not part of `npm test`: timings depend on the machine and on whatever else runs on it.
 * Goal (issue): p95 ≤ 16 ms at 1e4 entries, ≤ 100 ms at ~8e6.
 *
 * A second line splits each input's latency into phases (via a wrapper around the page's Worker):
 * `queue` input → its request posted (the client keeps one request in flight), `engine` posted →
 * reply received on the main thread (worker time plus waiting for a busy main thread), `render` reply
 * → readout committed.
 *
 * Options (after `--`, or run with tsx directly): `--only=1e4` runs the scenarios whose label starts
 * with that; `--profile=DIR` also records each drag's main-thread CPU profile and a Chromium trace
 * into DIR and prints where the time went (./uiProfile.ts). Profiling slows the page: its latencies
 * are not the benchmark's. Build with `--minify false` to get readable function names.
 * `--settle=MS` waits that long after "ready" before dragging (by default the drag starts at once,
 * while the panels are still mounting); `--scroll=SELECTOR` scrolls that element into view first
 * (e.g. `.panel-gradient`: the drag then also updates the panels there).
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/chromium.ts';
import { preview } from 'vite';
import { encodePermalink } from '../../src/state/permalink/index.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import { startProfile, type Profile } from './uiProfile.ts';

const OUT_DIR = process.env.BENCH_DIST ?? 'dist-bench';
const PORT = Number(process.env.BENCH_PORT ?? 4399);
const SCENARIOS = [
  { preset: 'imbalance-1000', label: '1e4 (imbalance-1000: 10,010 entries)', steps: 240 },
  { preset: 'detection-scale', label: '8e6 (detection-scale: 100,000 × 80)', steps: 90 },
] as const;
const ARGS = new Map(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => [a.slice(2).split('=')[0], a.split('=').slice(1).join('=')] as const),
);
const ONLY = ARGS.get('only');
const PROFILE_DIR = ARGS.get('profile');
const SCROLL_TO = ARGS.get('scroll');
const SETTLE_MS = Number(ARGS.get('settle') ?? 0);

interface DragTimings {
  /** Per input: ms to the readout update, and to the next frame after it. */
  readonly dom: number[];
  readonly frame: number[];
  /** Worker evaluation time of each result shown during the drag (ms). */
  readonly evaluate: number[];
  readonly shown: number;
  /** Per input, its latency's phases (see the module comment), where the messages were seen. */
  readonly queue: number[];
  readonly engine: number[];
  readonly render: number[];
}

/**
 * Before the app loads: record when each request (by generation) is posted to a worker and when its
 * reply arrives (a listener added first, so it runs just before the client's onmessage).
 */
function watchWorkerMessages() {
  const sent = new Map<number, number>();
  const received = new Map<number, number>();
  (window as unknown as { __benchMessages: unknown }).__benchMessages = { sent, received };
  const Base = window.Worker;
  window.Worker = class extends Base {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e: MessageEvent<{ gen?: number }>) => {
        if (typeof e.data?.gen === 'number') received.set(e.data.gen, performance.now());
      });
    }
    override postMessage(message: unknown, transfer?: unknown) {
      const gen = (message as { gen?: number } | null)?.gen;
      if (typeof gen === 'number') sent.set(gen, performance.now());
      super.postMessage(message, transfer as Transferable[]);
    }
  };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function summary(xs: readonly number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { n: s.length, p50: r(quantile(s, 0.5)), p95: r(quantile(s, 0.95)), max: r(s.at(-1)!) };
}

async function main() {
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { port: PORT, strictPort: true },
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  const results: Record<string, unknown> = {};
  try {
    for (const scenario of SCENARIOS) {
      if (ONLY && !scenario.label.startsWith(ONLY)) continue;
      const page = await browser.newPage();
      await page.addInitScript(watchWorkerMessages);
      const hash = encodePermalink({
        params: DEFAULT_APP_PARAMS,
        source: { kind: 'generated', preset: scenario.preset, seed: 1, edits: [] },
      });
      await page.goto(`http://localhost:${PORT}/#${hash}`);
      await page.getByTestId('status').getByText('ready').waitFor({ timeout: 180_000 });
      if (SETTLE_MS > 0) await page.waitForTimeout(SETTLE_MS);
      if (SCROLL_TO) {
        await page.locator(SCROLL_TO).scrollIntoViewIfNeeded();
        await page.waitForTimeout(1000);
      }
      let profile: Profile | null = null;
      if (PROFILE_DIR) profile = await startProfile(browser, page);
      const timings = await page.evaluate(dragInPage, { steps: scenario.steps });
      if (profile) await profile.stop(PROFILE_DIR!, scenario.preset);
      await page.close();
      const row = {
        inputToReadout: summary(timings.dom),
        inputToNextFrame: summary(timings.frame),
        workerEvaluate: summary(timings.evaluate),
        resultsShown: timings.shown,
      };
      results[scenario.label] = row;
      console.log(
        `${scenario.label}: input→readout p50 ${row.inputToReadout.p50} ms, p95 ${row.inputToReadout.p95} ms ` +
          `(→ next frame p50 ${row.inputToNextFrame.p50}, p95 ${row.inputToNextFrame.p95}); ` +
          `worker evaluate p50 ${row.workerEvaluate.p50} ms; ${timings.shown} results shown for ${scenario.steps} inputs`,
      );
      const phases = {
        queue: summary(timings.queue),
        engine: summary(timings.engine),
        render: summary(timings.render),
      };
      Object.assign(row, { phases });
      console.log(
        `  phases: ` +
          Object.entries(phases)
            .map(([k, v]) => `${k} p50 ${v.p50}, p95 ${v.p95}, max ${v.max}`)
            .join('; ') +
          ' ms',
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(JSON.stringify({ bench: 'ui-latency', results }));
}

/**
 * Runs in the page: the drag, the observation and the matching of inputs to shown results.
 * Self-contained (Playwright serialises it).
 */
async function dragInPage({ steps }: { steps: number }): Promise<DragTimings> {
  type Dr = {
    store: {
      getState(): { status: string; shown: { evaluateMs: number } | null };
      subscribe(f: () => void): () => void;
    };
    client: { generation: number };
  };
  const dr = (window as unknown as { __dr: Dr }).__dr;
  const slider = document.querySelector<HTMLInputElement>('input[type="range"][aria-label^="λ−"]')!;
  const card = document.querySelector<HTMLElement>('[data-generation]')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const min = Number(slider.min);
  const max = Number(slider.max);

  const inputs: { t: number; gen: number }[] = [];
  const shown: { t: number; gen: number; frame: number }[] = [];
  const evaluate: number[] = [];
  const observer = new MutationObserver(() => {
    const entry = { t: performance.now(), gen: Number(card.dataset.generation), frame: NaN };
    shown.push(entry);
    const s = dr.store.getState().shown;
    if (s) evaluate.push(s.evaluateMs);
    requestAnimationFrame((frameStart) => (entry.frame = frameStart));
  });
  observer.observe(card, { attributes: true, attributeFilter: ['data-generation'] });

  // A sweep over λ− ∈ [1e-3, 1] and back: log10 positions from −3 to 0.
  const lo = Math.max(min, -3);
  const hi = Math.min(max, 0);
  for (let i = 0; i < steps; i++) {
    const phase = (i / (steps - 1)) * 2;
    const pos = lo + (hi - lo) * (phase <= 1 ? phase : 2 - phase);
    const t = performance.now();
    setValue.call(slider, String(pos));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    inputs.push({ t, gen: dr.client.generation });
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
  slider.dispatchEvent(new Event('pointerup', { bubbles: true }));
  const last = inputs[inputs.length - 1].gen;
  const deadline = performance.now() + 300_000;
  while (!shown.some((s) => s.gen >= last) && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  observer.disconnect();

  const messages = (
    window as unknown as {
      __benchMessages?: { sent: Map<number, number>; received: Map<number, number> };
    }
  ).__benchMessages;
  const dom: number[] = [];
  const frame: number[] = [];
  const queue: number[] = [];
  const engine: number[] = [];
  const render: number[] = [];
  for (const input of inputs) {
    const hit = shown.find((s) => s.gen >= input.gen && s.t >= input.t);
    if (!hit) continue;
    dom.push(hit.t - input.t);
    frame.push(hit.frame - input.t);
    const sent = messages?.sent.get(hit.gen);
    const received = messages?.received.get(hit.gen);
    if (sent === undefined || received === undefined) continue;
    // A request posted before this input (an older gen shown) counts from the input.
    queue.push(Math.max(0, sent - input.t));
    engine.push(received - Math.max(sent, input.t));
    render.push(hit.t - received);
  }
  return { dom, frame, evaluate, shown: shown.length, queue, engine, render };
}

await main();
