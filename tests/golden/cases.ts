/**
 * The one loader of the golden cases (tests/golden/dr_loss_cases.json, see README.md beside it).
 * A golden case is a case in the CLI's JSON format plus `expected`, so it is parsed by the same
 * src/io/case.ts the CLI and the app's import use.
 */
import { readFileSync } from 'node:fs';
import { parseCasesValue } from '../../src/io/case.ts';
import type { ParsedCase } from '../../src/io/case.ts';

export const GOLDEN_PATH = new URL('./dr_loss_cases.json', import.meta.url);

/** The file's text, as an import would read it. */
export const GOLDEN_TEXT: string = readFileSync(GOLDEN_PATH, 'utf8');

/** One golden case exactly as stored. */
export interface GoldenJson {
  logits: number[] | number[][];
  targets: number[];
  params: Record<string, unknown>;
  expected: { loss: number; pPlus: number; pMinus: number; grad: number[] | number[][] };
}

/** Every case as stored (JSON shapes). */
export const GOLDEN_JSON: readonly GoldenJson[] = JSON.parse(GOLDEN_TEXT) as GoldenJson[];

/** One golden case in engine shapes: the parsed case and its expected outputs (grad flattened). */
export interface GoldenCase extends ParsedCase {
  readonly index: number;
  readonly expected: {
    readonly loss: number;
    readonly pPlus: number;
    readonly pMinus: number;
    readonly grad: Float64Array;
  };
}

/** Every case parsed for the engine; throws if the file no longer parses (it is part of the tests). */
export function loadGoldenCases(): GoldenCase[] {
  const parsed = parseCasesValue(GOLDEN_JSON);
  if (!parsed.ok) throw new Error(`golden cases do not parse: ${parsed.error}`);
  return parsed.cases.map((c, index) => {
    const e = GOLDEN_JSON[index]!.expected;
    return { ...c, index, expected: { ...e, grad: new Float64Array(e.grad.flat()) } };
  });
}
