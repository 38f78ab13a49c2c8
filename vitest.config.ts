import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

// Every tests/**/*.test.ts(x) runs, in Node by default; a test that needs a DOM says so on its first
// line (`// @vitest-environment jsdom`), so a new test folder can never be left out by a list.
// Playwright's browser tests are tests/e2e/*.spec.ts and are not matched.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'node',
      include: ['tests/**/*.test.{ts,tsx}'],
      setupFiles: ['tests/setup.ts'],
      // jsdom renders of the whole app take seconds on this 2-core machine when it is busy; the
      // default 5 s made slow-but-correct tests fail. A hung test still fails.
      testTimeout: 20_000,
    },
  }),
);
