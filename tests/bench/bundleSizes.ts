/**
 * `npm run bench:ui` (first part): what the built app loads, and when. Prints every JavaScript chunk
 * of the build with its size and gzip -9 size, marked by when it loads:
 * - `first`: the entry and the chunks index.html preloads (what the first screen needs);
 * - `worker`: a Web Worker's script, fetched when that worker starts (the engine's at start-up);
 * - `later`: everything else (panels as they approach, KaTeX, Chinese, the cards below the panels).
 * Then loads the page in headless Chromium and lists the JavaScript actually requested from navigation
 * to the first loss readout (status "ready"), with its gzip total. BENCH_DIST picks the build (an
 * absolute path serves another checkout's build, for before/after comparisons); `--markdown` also
 * prints the chunk table as Markdown (the README's build section).
 */
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromiumLaunchOptions } from '../../scripts/chromium.ts';

const OUT_DIR = process.env.BENCH_DIST ?? 'dist-bench';
const PORT = Number(process.env.BENCH_PORT ?? 4399);
const MARKDOWN = process.argv.includes('--markdown');

interface Chunk {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
  readonly when: 'first' | 'worker' | 'later';
}

const kb = (n: number) => (n / 1024).toFixed(1);

function gzipSize(path: string): { bytes: number; gzip: number } {
  const buf = readFileSync(path);
  return { bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

/** The chunks index.html loads before anything runs: its module script and its modulepreloads. */
function firstLoadFiles(html: string): Set<string> {
  const files = new Set<string>();
  for (const m of html.matchAll(
    /<(?:script|link)\b[^>]*?(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g,
  )) {
    files.add(m[1]!);
  }
  return files;
}

function chunks(dir: string): Chunk[] {
  const first = firstLoadFiles(readFileSync(join(dir, 'index.html'), 'utf8'));
  return readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const file = `assets/${f}`;
      const when = first.has(file) ? 'first' : /\.worker-/.test(f) ? 'worker' : 'later';
      return { file, ...gzipSize(join(dir, file)), when } as Chunk;
    })
    .sort((a, b) => (a.when === b.when ? b.gzip - a.gzip : a.when.localeCompare(b.when)));
}

/** The JavaScript the page requests from navigation until the first loss readout. */
async function requestedBeforeReady(dir: string): Promise<string[]> {
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: dir },
    preview: { port: PORT, strictPort: true },
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage();
    const urls: string[] = [];
    let done = false;
    page.on('request', (r) => {
      if (!done) urls.push(new URL(r.url()).pathname.replace(/^\//, ''));
    });
    await page.goto(`http://localhost:${PORT}/`);
    await page.getByTestId('status').getByText('ready').waitFor({ timeout: 60_000 });
    done = true;
    return urls.filter((u) => u.endsWith('.js'));
  } finally {
    await browser.close();
    await server.close();
  }
}

async function main() {
  const list = chunks(OUT_DIR);
  const sum = (xs: readonly Chunk[], k: 'bytes' | 'gzip') => xs.reduce((a, c) => a + c[k], 0);
  for (const when of ['first', 'worker', 'later'] as const) {
    const part = list.filter((c) => c.when === when);
    console.log(
      `${when}: ${part.length} chunks, ${kb(sum(part, 'gzip'))} KB gzip (${kb(sum(part, 'bytes'))} KB)`,
    );
    for (const c of part) {
      console.log(`  ${kb(c.gzip).padStart(6)} KB gzip ${kb(c.bytes).padStart(7)} KB  ${c.file}`);
    }
  }
  if (MARKDOWN) {
    console.log('\n| chunk | when | KB | KB gzip |\n| --- | --- | --: | --: |');
    for (const c of list) {
      const name = c.file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '.js');
      console.log(`| ${name} | ${c.when} | ${kb(c.bytes)} | ${kb(c.gzip)} |`);
    }
  }
  const requested = await requestedBeforeReady(OUT_DIR);
  const byFile = new Map(list.map((c) => [c.file, c]));
  const seen = requested.map((f) => byFile.get(f)).filter((c): c is Chunk => c !== undefined);
  const main = seen.filter((c) => c.when !== 'worker');
  console.log(
    `requested before the first readout: ${main.length} main-thread chunks, ${kb(sum(main, 'gzip'))} KB gzip` +
      ` (${kb(sum(main, 'bytes'))} KB); workers ${kb(sum(seen, 'gzip') - sum(main, 'gzip'))} KB gzip` +
      `; not preloaded: ${
        main
          .filter((c) => c.when !== 'first')
          .map((c) => c.file)
          .join(', ') || 'none'
      }`,
  );
  console.log(
    JSON.stringify({
      bench: 'bundle',
      firstGzip: sum(
        list.filter((c) => c.when === 'first'),
        'gzip',
      ),
      requestedGzip: sum(main, 'gzip'),
      chunks: list.length,
    }),
  );
}

await main();
