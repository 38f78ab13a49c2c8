// Where the shared golden cases live, and a loader that fails loudly when they are missing.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tests/cli/golden.ts). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** ../shared/golden/dr_loss_cases.json next to the repository. */
export const goldenPath = resolve(repoRoot, '../shared/golden/dr_loss_cases.json');

/** One golden case as stored (see ../shared/golden/README.md). */
export interface GoldenCase {
  logits: number[] | number[][];
  targets: number[];
  params: Record<string, unknown>;
  expected: { loss: number; pPlus: number; pMinus: number; grad: number[] | number[][] };
}

/** All 48 golden cases; throws with the path when the shared folder is not there. */
export function loadGolden(): GoldenCase[] {
  if (!existsSync(goldenPath)) {
    throw new Error(
      `golden cases not found at ${goldenPath} (expected ../shared next to the repo)`,
    );
  }
  return JSON.parse(readFileSync(goldenPath, 'utf8')) as GoldenCase[];
}
