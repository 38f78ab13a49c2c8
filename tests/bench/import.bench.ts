/**
 * `npx tsx --expose-gc tests/bench/import.bench.ts`: import parsing at 10⁵ and 10⁶ rows.
 * For CSV (`logit,label`, about 12 bytes a row, like the issue's measurement) and a JSON case (flat
 * logits), it times the former whole-text parseCsv (tests/io/csvLegacy.ts) and parseCases, the
 * streaming parsers on the whole text, and readStream on 64 KiB byte chunks (what a File's stream
 * gives a worker), with the longest single chunk (the longest task a worker would run) and the extra
 * memory at the peak (sampled after every chunk) beside the size of the typed arrays it returns.
 * With `--browser` it then measures the real thing in Chromium (scripts/chromium.ts): a File of
 * 10⁵ and 10⁶ rows read by importClient.ts's worker (Vite's dev server compiles it), the time from
 * `read` to the result on the main thread, and every main-thread long task (> 50 ms) meanwhile.
 * Not part of `npm test`: timings depend on the machine and on whatever else runs on it.
 */
import { loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import { chromiumLaunchOptions } from '../../scripts/chromium.ts';
import type * as ImportClientModule from '../../src/worker/importClient.ts';
import { parseCases } from '../../src/io/case.ts';
import { CaseStreamParser } from '../../src/io/caseStream.ts';
import { parseCsv } from '../../src/io/csv.ts';
import { readStream } from '../../src/io/stream.ts';
import { legacyParseCsv } from '../io/csvLegacy.ts';

const CHUNK = 64 * 1024;
const RUNS = { 1e5: 7, 1e6: 3 } as Record<number, number>;

const gc = (globalThis as { gc?: () => void }).gc;

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function csvText(rows: number): string {
  const rand = lcg(rows);
  const lines = ['logit,label'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${(rand() * 12 - 8).toFixed(6)},${rand() < 0.01 ? 1 : rand() < 0.02 ? -1 : 0}`);
  }
  return `${lines.join('\n')}\n`;
}

function jsonText(rows: number): string {
  const rand = lcg(rows + 1);
  const logits: string[] = [];
  const targets: number[] = [];
  for (let i = 0; i < rows; i++) {
    logits.push((rand() * 12 - 8).toFixed(6));
    targets.push(rand() < 0.01 ? 1 : 0);
  }
  return `{"logits": [${logits.join(', ')}], "targets": [${targets.join(', ')}]}`;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeSync(runs: number, f: () => unknown): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

function extraBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

interface StreamRun {
  readonly ms: number;
  readonly longestChunkMs: number;
  readonly peakExtra: number;
  readonly resultBytes: number;
}

/**
 * One read of `bytes` in 64 KiB chunks. With `live`, a full GC runs before each memory sample, so the
 * peak counts what the read holds (typed arrays at their doubled capacity, the unfinished line),
 * not garbage waiting for collection, from the first chunk on; its time is then meaningless.
 */
async function timeStream(
  bytes: Uint8Array,
  kind: 'csv' | 'json',
  live = false,
): Promise<StreamRun> {
  gc?.();
  let base = extraBytes();
  let first = true;
  let peak = 0;
  let longest = 0;
  let last = 0;
  const chunks = (async function* () {
    for (let o = 0; o < bytes.length; o += CHUNK) {
      await Promise.resolve();
      last = performance.now();
      yield bytes.subarray(o, o + CHUNK);
    }
  })();
  const t0 = performance.now();
  const r = await readStream(chunks, kind, {
    onProgress: () => {
      longest = Math.max(longest, performance.now() - last);
      if (live) {
        gc?.();
        // Locals of the caller (the text, the former parser's results) may die in between: the
        // baseline of a live run is taken after the first chunk, when the parser holds ~40 kB.
        if (first) base = extraBytes();
        first = false;
      }
      peak = Math.max(peak, extraBytes() - base);
    },
  });
  const ms = performance.now() - t0;
  peak = Math.max(peak, extraBytes() - base);
  if (!r.ok) throw new Error(r.error);
  const arrays =
    'value' in r
      ? [r.value.logits, r.value.targets]
      : r.cases.flatMap((c) => [c.logits, c.targets]);
  const resultBytes = arrays.reduce((n, a) => n + a.byteLength, 0);
  return { ms, longestChunkMs: longest, peakExtra: peak, resultBytes };
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const rate = (rows: number, ms: number) => `${(((rows / ms) * 1000) / 1e6).toFixed(2)} M rows/s`;

async function main(): Promise<void> {
  const [l1, l5, l15] = loadavg();
  console.log(
    `import bench: node ${process.version}, load ${l1.toFixed(2)} ${l5.toFixed(2)} ${l15.toFixed(2)}, gc ${gc ? 'exposed' : 'not exposed (run with --expose-gc for memory figures)'}`,
  );
  const encoder = new TextEncoder();
  for (const rows of [1e5, 1e6]) {
    const runs = RUNS[rows];
    const label = rows === 1e5 ? '1e5' : '1e6';

    const csv = csvText(rows);
    const csvBytes = encoder.encode(csv);
    const legacy = timeSync(runs, () => legacyParseCsv(csv));
    const whole = timeSync(runs, () => parseCsv(csv));
    const streamed: StreamRun[] = [];
    for (let i = 0; i < runs; i++) streamed.push(await timeStream(csvBytes, 'csv'));
    const s = streamed.sort((a, b) => a.ms - b.ms)[Math.floor(runs / 2)];
    const sLive = gc ? mb((await timeStream(csvBytes, 'csv', true)).peakExtra) : 'n/a';
    console.log(
      `CSV  ${label} rows (${mb(csvBytes.length)}): former parseCsv ${legacy.toFixed(0)} ms | parseCsv (streaming parser, one chunk) ${whole.toFixed(0)} ms | readStream 64 KiB chunks ${s.ms.toFixed(0)} ms = ${rate(rows, s.ms)}, longest chunk ${s.longestChunkMs.toFixed(1)} ms, peak memory ${mb(s.peakExtra)} (live after GC ${sLive}) for ${mb(s.resultBytes)} of typed arrays (median of ${runs})`,
    );

    const json = jsonText(rows);
    const jsonBytes = encoder.encode(json);
    const former = timeSync(runs, () => parseCases(json));
    const wholeJson = timeSync(runs, () => {
      const p = new CaseStreamParser();
      p.push(json);
      return p.finish();
    });
    const streamedJson: StreamRun[] = [];
    for (let i = 0; i < runs; i++) streamedJson.push(await timeStream(jsonBytes, 'json'));
    const j = streamedJson.sort((a, b) => a.ms - b.ms)[Math.floor(runs / 2)];
    const jLive = gc ? mb((await timeStream(jsonBytes, 'json', true)).peakExtra) : 'n/a';
    console.log(
      `JSON ${label} rows (${mb(jsonBytes.length)}): parseCases ${former.toFixed(0)} ms | CaseStreamParser one chunk ${wholeJson.toFixed(0)} ms | readStream 64 KiB chunks ${j.ms.toFixed(0)} ms = ${rate(rows, j.ms)}, longest chunk ${j.longestChunkMs.toFixed(1)} ms, peak memory ${mb(j.peakExtra)} (live after GC ${jLive}) for ${mb(j.resultBytes)} of typed arrays (median of ${runs})`,
    );
  }
  if (process.argv.includes('--browser')) await browserBench();
  const [e1] = loadavg();
  console.log(`load at the end ${e1.toFixed(2)}`);
}

/** One import in the page: a File built there, read by the worker client, long tasks observed. */
interface PageRun {
  readonly kind: string;
  readonly rows: number;
  readonly bytes: number;
  readonly ok: boolean;
  readonly ms: number;
  readonly progressPosts: number;
  readonly longTasksMs: number[];
}

async function browserBench(): Promise<void> {
  const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  await server.listen();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const base = server.resolvedUrls?.local[0] ?? '';
    const page = await browser.newPage();
    // tsx keeps function names through an `__name` helper that a serialised function still calls.
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    // A blank page of the same origin: nothing but the import runs on its main thread.
    await page.route('**/blank.html', (route) =>
      route.fulfill({
        body: '<!doctype html><title>import bench</title>',
        contentType: 'text/html',
      }),
    );
    await page.goto(`${base}blank.html`);
    for (const rows of [1e5, 1e6]) {
      for (const kind of ['csv', 'json']) {
        const runs: PageRun[] = [];
        for (let i = 0; i < 3; i++) runs.push(await page.evaluate(pageRun, { rows, kind }));
        const r = runs.sort((a, b) => a.ms - b.ms)[1];
        const longest = Math.max(0, ...runs.flatMap((x) => x.longTasksMs));
        console.log(
          `browser ${kind.toUpperCase().padEnd(4)} ${rows === 1e5 ? '1e5' : '1e6'} rows (${mb(r.bytes)}): ready in ${r.ms.toFixed(0)} ms (median of 3; all ${runs.map((x) => x.ms.toFixed(0)).join(', ')}), ${r.progressPosts} progress posts, ok ${r.ok}; longest main-thread task over 50 ms in the 3 runs: ${longest === 0 ? 'none' : `${longest} ms`}`,
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Runs in the page (serialised by Playwright: no closure over this module). */
async function pageRun({ rows, kind }: { rows: number; kind: string }): Promise<PageRun> {
  const path = '/src/worker/importClient.ts';
  const mod = (await import(/* @vite-ignore */ path)) as typeof ImportClientModule;
  const value = (i: number) => (((i * 7919) % 12000) / 1000 - 8).toFixed(6);
  let file: File;
  if (kind === 'csv') {
    const lines = ['logit,label'];
    for (let i = 0; i < rows; i++) lines.push(`${value(i)},${i % 100 === 0 ? 1 : 0}`);
    file = new File([`${lines.join('\n')}\n`], 'bench.csv');
  } else {
    const logits: string[] = [];
    const targets: number[] = [];
    for (let i = 0; i < rows; i++) {
      logits.push(value(i));
      targets.push(i % 100 === 0 ? 1 : 0);
    }
    file = new File(
      [`{"logits": [${logits.join(', ')}], "targets": [${targets.join(', ')}]}`],
      'bench.json',
    );
  }
  const client = mod.createImportClient();
  // Start the worker (and let the page settle) before timing.
  await client.read(new File(['0.5,1\n'], 'warm.csv')).result;
  await new Promise((r) => setTimeout(r, 200));
  const longTasksMs: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasksMs.push(Math.round(e.duration));
  });
  observer.observe({ type: 'longtask', buffered: false });
  let progressPosts = 0;
  const t0 = performance.now();
  const { result } = await client.read(file, { onProgress: () => progressPosts++ }).result;
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  client.dispose();
  return { kind, rows, bytes: file.size, ok: result.ok, ms, progressPosts, longTasksMs };
}

await main();
