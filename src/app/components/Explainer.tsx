/**
 * The explainer: the paper's argument as eight panels, in order (imbalance → ranking → worst case →
 * distributional ranking → smoothing → gradient → recovering classification → the paper's numbers),
 * all drawn from the one snapshot the worker computed (src/viz/types.ts) and the hovered entry.
 *
 * Panels are pure and memoised. They receive the snapshot through useDeferredValue (and, for dense
 * sets, at most every DENSE_FEED_MS: feed.ts), so a result updates the readouts at once and the panels
 * in an interruptible render right after: a slider drag never waits for eight charts. Panels off
 * screen catch up once changes pause, in idle time (PanelSlot).
 *
 * Their edits go to the store (undoable, in the link); a pointer or key released inside the explainer
 * ends the edit gesture, so one drag or one run of key presses on a candidate is one undo step.
 */
import { memo, useCallback, useDeferredValue, useMemo } from 'react';
import { ImbalancePanel } from '../../panels/ImbalancePanel.tsx';
import type { PanelEdit } from '../../state/types.ts';
import { MAIN_THREAD_ENTRY_LIMIT } from '../../state/store.ts';
import type { PanelProps } from '../../panels/types.ts';
import { PANEL_IDS } from '../../state/lesson.ts';
import { useApp, useAppStore } from '../hooks/context.tsx';
import { useLang, useT } from '../hooks/i18n.ts';
import { feedInterval } from '../scheduling/feed.ts';
import { laterPanel, type PanelComponent } from './laterPanel.tsx';
import { PanelSlot } from './PanelSlot.tsx';
import { PanelExport } from './export/PanelExport.tsx';
import { highlightFor, useHighlight } from './check/highlight.ts';
import { PanelExtrasContext } from '../../panels/common/panelExtras.ts';
import { useElementWidth } from '../hooks/useElementWidth.ts';
import { useThrottledValue } from '../hooks/useThrottledValue.ts';

/** The panels in the order the page walks the paper. */
export const PANELS: readonly PanelComponent[] = [
  memo(ImbalancePanel),
  laterPanel(() => import('../../panels/RankingPanel.tsx'), 'RankingPanel'),
  laterPanel(() => import('../../panels/WorstCasePanel.tsx'), 'WorstCasePanel'),
  laterPanel(() => import('../../panels/DistributionPanel.tsx'), 'DistributionPanel'),
  laterPanel(() => import('../../panels/SmoothingPanel.tsx'), 'SmoothingPanel'),
  laterPanel(() => import('../../panels/GradientPanel.tsx'), 'GradientPanel'),
  laterPanel(() => import('../../panels/RecoveryPanel.tsx'), 'RecoveryPanel'),
  laterPanel(() => import('../../panels/PaperTablesPanel.tsx'), 'PaperTablesPanel'),
];

/** Horizontal padding of a panel (app.css `.panel`), subtracted from the column's width. */
export const PANEL_PADDING_PX = 12;

/** Narrowest drawing width handed to a panel (a 360 px screen leaves about this much). */
export const MIN_PANEL_WIDTH = 280;

export function Explainer() {
  const store = useAppStore();
  const s = useT();
  const latest = useDeferredValue(useApp((st) => st.shown));
  const shown = useThrottledValue(latest, feedInterval(latest?.data.detail));
  const hovered = useDeferredValue(useApp((st) => st.view.hovered));
  const lang = useDeferredValue(useLang());
  const lesson = useApp((st) => st.lesson);
  // The pinned baseline A's snapshot, drawn as a ghost under every panel while A is pinned.
  const baselineShown = useDeferredValue(useApp((st) => (st.baseline ? st.baselineShown : null)));
  const baseline = baselineShown?.data ?? null;
  const baselineParams = baselineShown?.params ?? null;
  // The entries the check view marked, while the set it loaded is shown.
  // Deferred like the rest: read directly, a new source (an import) re-rendered the explainer in the
  // render that applied it, and with it any panel slot whose lazy chunk had arrived since (a mount of
  // that panel's SVG, 100–300 ms once in a trace of the 10⁵ import).
  const source = useDeferredValue(useApp((st) => st.source));
  const highlighted = useDeferredValue(useHighlight((h) => highlightFor(h, source)));
  // Whether the panels may edit the set they draw: judged on the shown result, not on the newest
  // choice. Choosing a set too large to edit on the main thread (a 10⁶-row import) used to re-render
  // every dot of the old result as read-only in the import's own task (20–40 ms at 900 dots), just
  // before the new result replaced them; an edit asked for meanwhile is refused by the store.
  const editable = shown !== null && shown.info.R * shown.info.K <= MAIN_THREAD_ENTRY_LIMIT;
  const [ref, columnWidth] = useElementWidth<HTMLDivElement>();
  const width = Math.max(MIN_PANEL_WIDTH, columnWidth - 2 * PANEL_PADDING_PX);

  const onHover = useCallback(
    (index: number | null) => store.getState().setHovered(index),
    [store],
  );
  const onEdit = useCallback((edit: PanelEdit) => store.getState().applyPanelEdit(edit), [store]);
  const endGesture = useCallback(() => store.getState().endGesture(), [store]);

  // One props object for all eight panels: a new one only when something they draw changed.
  const props = useMemo<PanelProps | null>(
    () =>
      shown
        ? {
            data: shown.data,
            params: shown.params,
            lang,
            hovered,
            onHover,
            ...(editable && { onEdit }),
            width,
            ...(baseline && { baseline }),
            ...(baselineParams && { baselineParams }),
            ...(highlighted && { highlighted }),
          }
        : null,
    [shown, lang, hovered, onHover, onEdit, editable, width, baseline, baselineParams, highlighted],
  );

  return (
    <div
      className="explainer"
      id="explainer"
      ref={ref}
      onPointerUp={endGesture}
      onPointerCancel={endGesture}
      onKeyUp={endGesture}
    >
      {props && columnWidth > 0 ? (
        <PanelExtrasContext.Provider value={PanelExport}>
          {PANELS.map((Panel, i) => {
            const id = PANEL_IDS[i]!;
            // A lesson link shows one panel alone (embed) or hides chosen ones.
            const shown = lesson.embed !== null ? id === lesson.embed : !lesson.hide.includes(id);
            return shown ? <PanelSlot key={i} Panel={Panel} props={props} panelId={id} /> : null;
          })}
        </PanelExtrasContext.Provider>
      ) : (
        <p className="description">{s('app.waiting')}</p>
      )}
    </div>
  );
}
