/**
 * A panel’s numbers as a description list (term → value): readable by screen readers in order, and
 * wrapping on narrow screens.
 */
export interface PanelReadout {
  readonly term: string;
  readonly value: string;
  /** Marks the readout that changes with the hovered candidate, or the one to look at. */
  readonly emphasis?: boolean;
}

/** <dl class="panel-readouts"> of the given rows (not the app shell’s .readouts block). */
export function PanelReadouts({ items }: { readonly items: readonly PanelReadout[] }) {
  return (
    <dl className="panel-readouts">
      {items.map((r) => (
        <div key={r.term} className={r.emphasis ? 'readout emphasis' : 'readout'}>
          <dt>{r.term}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
