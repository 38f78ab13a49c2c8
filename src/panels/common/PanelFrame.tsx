/**
 * The frame of every panel: a <section> named by its heading, so each panel is a landmark a screen
 * reader can jump to.
 */
import { useContext, useId, useRef, type ReactNode } from 'react';
import { PanelExtrasContext } from './panelExtras.ts';

export interface PanelFrameProps {
  /** The panel's heading (from the string table, e.g. "5 · Smoothing (Eq. 7–8)"). */
  readonly title: string;
  /** A stable class naming the panel, e.g. "panel-smoothing". */
  readonly className: string;
  readonly children: ReactNode;
}

/** <section aria-labelledby> around a panel's heading and content. */
export function PanelFrame({ title, className, children }: PanelFrameProps) {
  const id = useId();
  const ref = useRef<HTMLElement>(null);
  const Extras = useContext(PanelExtrasContext);
  return (
    <section ref={ref} className={`panel ${className}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {Extras && <Extras title={title} panel={ref} />}
      {children}
    </section>
  );
}
