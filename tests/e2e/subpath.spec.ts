/**
 * The built dist/ served from a sub-path, as a project page on a static host would serve it: the page,
 * its scripts, styles, fonts and the worker all load through relative URLs, and the app computes.
 * A plain static file server (no SPA fallback, no rewriting) on its own port.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { readouts, watchErrors } from './helpers.ts';

const DIST = resolve(
  fileURLToPath(new URL('../..', import.meta.url)),
  process.env.E2E_DIST ?? 'dist',
);
const PREFIX = '/some/project/page/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

let server: Server;
let origin = '';
const requested: string[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requested.push(path);
    if (!path.startsWith(PREFIX)) {
      res.writeHead(404).end('outside the sub-path');
      return;
    }
    const rel = normalize(path.slice(PREFIX.length) || 'index.html');
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    readFile(join(DIST, rel.endsWith('/') ? `${rel}index.html` : rel)).then(
      (body) =>
        res
          .writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' })
          .end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
});

test.afterAll(() => new Promise<void>((done) => server.close(() => done())));

test('dist/ served under a sub-path loads every asset there and computes the loss in the worker', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto(`${origin}${PREFIX}`);
  const shown = await readouts(page);
  expect(Number(shown.loss)).toBeGreaterThan(0);
  await expect(page.getByTestId('engine-mode')).toHaveText(/worker/);
  // Nothing was asked for outside the sub-path (an absolute /assets/… URL would be).
  expect(requested.filter((p) => !p.startsWith(PREFIX))).toEqual([]);
  expect(requested.some((p) => /\.worker-[\w-]+\.js$|worker/.test(p))).toBe(true);
  expect(errors).toEqual([]);
});
