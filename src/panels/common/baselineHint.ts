/**
 * The hover text of an equation while a baseline A is pinned: A's numbers for it ("Baseline A: …");
 * undefined without A, so the equation has no title at all.
 */
import type { ExplainerData } from '../../explain/types.ts';
import type { Translate } from '../../i18n/strings.ts';

export function baselineHint(
  s: Translate,
  baseline: ExplainerData | undefined,
  numbers: (a: ExplainerData) => string,
): string | undefined {
  return baseline ? s('baseline.equationHover', { value: numbers(baseline) }) : undefined;
}
