/**
 * `npm run screenshot`: the README's picture. Serves the build in dist-screenshot (the npm script
 * builds it first) with `vite preview`, opens it in Debian's Chromium at 1280 × 1000 CSS pixels in
 * the light theme and English, waits for the first result and the first panels, and writes the top
 * of the page to docs/screenshot.png (kept under 400 KB; the script fails if it is not).
 */
import { statSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';
import { preview } from 'vite';

const OUT_DIR = process.env.SCREENSHOT_DIST ?? 'dist-screenshot';
const PORT = Number(process.env.SCREENSHOT_PORT ?? 4398);
const FILE = 'docs/screenshot.png';
const MAX_BYTES = 400 * 1024;

async function main() {
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { port: PORT, strictPort: true },
  });
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 1000 },
      deviceScaleFactor: 1,
      colorScheme: 'light',
      locale: 'en-US',
    });
    await page.goto(`http://localhost:${PORT}/`);
    await page.getByTestId('status').getByText('ready').waitFor({ timeout: 60_000 });
    await page.locator('section.panel svg').first().waitFor({ timeout: 60_000 });
    await page.locator('.katex').first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: FILE });
    const bytes = statSync(FILE).size;
    console.log(`${FILE}: 1280 × 1000, ${Math.round(bytes / 1024)} KB`);
    if (bytes > MAX_BYTES) throw new Error(`${FILE} is ${bytes} bytes, over ${MAX_BYTES}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
