/**
 * What a number typed into a parameter box means, decided in one pure place (the box component only
 * shows the outcome). Policy, stated once:
 * - while typing, an in-range number applies at once (readouts follow every keystroke); anything else
 *   waits, with a message next to the box, and nothing is applied;
 * - on commit (Enter or leaving the box): empty or not a number → refused with a notice naming the
 *   parameter, the previous value kept; out of range → clamped to the nearest end, with a notice.
 */
import { checkParam, type ParamSpec } from '../params/table.ts';
import { formatParam } from './format.ts';

export type TypedOutcome =
  /** Apply `value` now; `notice` (when set) explains a clamp. */
  | { readonly kind: 'apply'; readonly value: number; readonly notice: string | null }
  /** Apply nothing; `message` names the parameter and the problem. */
  | { readonly kind: 'refuse'; readonly message: string };

/** The number a box's text holds; NaN for empty or malformed text (Number('') would be 0). */
export function parseTyped(text: string): number {
  const t = text.trim();
  if (t === '') return NaN;
  return Number(t);
}

/**
 * Decide what `text` typed for `spec` does. `committing` is false while typing (clamping is then
 * deferred: the person may be halfway through "0.05"), true on Enter or blur. `badInput`: the
 * browser's number box reports unparsable text ("1e") as '' with validity.badInput set.
 */
export function interpretTyped(
  spec: ParamSpec,
  text: string,
  committing: boolean,
  badInput = false,
): TypedOutcome {
  const name = `${spec.symbol} (${spec.label})`;
  if (text.trim() === '') {
    const what = badInput ? 'not a number' : 'empty';
    return { kind: 'refuse', message: `${name}: ${what}, value not applied` };
  }
  const checked = checkParam(spec, parseTyped(text));
  if (!checked.ok) return { kind: 'refuse', message: `${checked.error}, value not applied` };
  if (!checked.clamped) return { kind: 'apply', value: checked.value, notice: null };
  const range = `[${formatParam(spec.min)}, ${formatParam(spec.max)}]`;
  if (!committing) {
    return { kind: 'refuse', message: `${name}: ${text.trim()} is outside ${range}` };
  }
  return {
    kind: 'apply',
    value: checked.value,
    notice: `${name}: ${text.trim()} is outside ${range}; clamped to ${formatParam(checked.value)}`,
  };
}
