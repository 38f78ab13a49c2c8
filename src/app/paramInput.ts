/**
 * What a number typed into a parameter box means, decided in one pure place (the box component only
 * shows the outcome). Policy, stated once:
 * - while typing, an in-range number applies at once (readouts follow every keystroke); anything else
 *   waits, with a message next to the box, and nothing is applied;
 * - on commit (Enter or leaving the box): empty or not a number → refused with a notice naming the
 *   parameter, the previous value kept; out of range → clamped to the nearest end, with a notice.
 */
import type { StringKey, StringVars } from '../i18n/strings.ts';
import { checkParam, type ParamSpec } from '../params/table.ts';
import { formatParam } from './format.ts';

/** A message as a string-table key and its values (shown in the reader's language). */
export interface KeyedMessage {
  readonly key: StringKey;
  readonly vars: StringVars;
  /** Values that are keys themselves: `label`, the parameter's name (translated when shown). */
  readonly keyed: Readonly<Record<string, StringKey>>;
}

/** The string-table key of a parameter's name without its symbol ("negative temperature"). */
export function paramNameKey(spec: ParamSpec): StringKey {
  return `paramName.${spec.key}`;
}

export type TypedOutcome =
  /** Apply `value` now; `notice` (when set) explains a clamp. */
  | { readonly kind: 'apply'; readonly value: number; readonly notice: KeyedMessage | null }
  /** Apply nothing; `message` names the parameter (by its symbol) and the problem. */
  | { readonly kind: 'refuse'; readonly message: KeyedMessage };

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
  const symbol = spec.symbol;
  const keyed = { label: paramNameKey(spec) };
  const refuse = (key: StringKey, vars: StringVars = {}): TypedOutcome => ({
    kind: 'refuse',
    message: { key, vars: { symbol, ...vars }, keyed },
  });
  if (text.trim() === '') return refuse(badInput ? 'param.notNumber' : 'param.empty');
  const value = parseTyped(text);
  const checked = checkParam(spec, value);
  if (!checked.ok) return refuse(Number.isFinite(value) ? 'param.notWhole' : 'param.notNumber');
  if (!checked.clamped) return { kind: 'apply', value: checked.value, notice: null };
  const range = { text: text.trim(), min: formatParam(spec.min), max: formatParam(spec.max) };
  if (!committing) return refuse('param.outside', range);
  return {
    kind: 'apply',
    value: checked.value,
    notice: {
      key: 'param.clamped',
      vars: { symbol, ...range, value: formatParam(checked.value) },
      keyed,
    },
  };
}
