/** The paper's argument under a panel: a closed <details> (keyboard: Tab to its summary, Enter). */
import type { Translate } from '../../i18n/strings.ts';

export function Why({ items, s }: { readonly items: readonly string[]; readonly s: Translate }) {
  if (items.length === 0) return null;
  return (
    <details className="why">
      <summary>{s('why.summary')}</summary>
      {items.map((text) => (
        <p key={text}>{text}</p>
      ))}
    </details>
  );
}
