/**
 * One explainer panel: mounted in its turn (useMountInTurn; a placeholder of a panel's usual height
 * until then), kept live while it is on screen and brought up to date in idle time when it is not
 * (useVisibleValue). Every result re-renders the panels; doing all eight in one commit cost
 * main-thread tasks over 50 ms at detection scale (KaTeX and SVG for charts nobody is looking at).
 * Until the observer first reports, a slot counts as off screen: nothing is mounted on a guess. A
 * chunked panel (laterPanel.tsx) is fetched at its turn and mounted once it is here, in an idle period
 * of its own; until then the slot shows the same placeholder.
 *
 * Memoised: the explainer re-renders in every urgent render that touches what it reads (an import's
 * new set), and a slot whose props did not change has nothing to do in it.
 */
import { memo, Suspense } from 'react';
import type { PanelProps } from '../../panels/types.ts';
import type { PanelComponent } from './laterPanel.tsx';
import { useMountInTurn } from '../hooks/useMountInTurn.ts';
import { useOnScreen } from '../hooks/useOnScreen.ts';
import { useVisibleValue } from '../hooks/useVisibleValue.ts';

export interface PanelSlotProps {
  readonly Panel: PanelComponent;
  /** The latest props (one object shared by every slot; a new object means something changed). */
  readonly props: PanelProps;
  /** The panel's link name (state/lesson.ts PANEL_IDS): the slot's id is `panel-<name>`. */
  readonly panelId?: string;
}

export const PanelSlot = memo(function PanelSlot({ Panel, props, panelId }: PanelSlotProps) {
  const [ref, visible] = useOnScreen<HTMLDivElement>('300px', false);
  const shown = useVisibleValue(props, visible);
  const mounted = useMountInTurn(visible, props, Panel.preload);
  return (
    <div
      className="panel-slot"
      ref={ref}
      {...(panelId !== undefined && { id: `panel-${panelId}`, 'data-panel': panelId })}
    >
      {mounted ? (
        <Suspense fallback={<div className="panel-pending" aria-hidden="true" />}>
          <Panel {...shown} />
        </Suspense>
      ) : (
        <div className="panel-pending" aria-hidden="true" />
      )}
    </div>
  );
});
