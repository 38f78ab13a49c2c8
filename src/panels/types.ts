/**
 * Props every explainer panel takes. Panels are pure React components: they read these props only (no
 * store import), so they render the same in snapshot tests, in the app, and for any fixture.
 */
import type { ExplainerData } from '../explain/types.ts';
import type { Lang } from '../i18n/lang.ts';
import type { AppParams } from '../params/types.ts';
import type { PanelEdit } from '../state/types.ts';

export interface PanelProps {
  readonly data: ExplainerData;
  readonly params: AppParams;
  readonly lang: Lang;
  /** The hovered entry's flat index (r·K + c), shared by all panels; null when none. */
  readonly hovered: number | null;
  readonly onHover: (index: number | null) => void;
  /** Absent in read-only renderings (snapshots of static views). */
  readonly onEdit?: (edit: PanelEdit) => void;
  /** Drawing width in CSS pixels (the panel is responsive; the container measures it). */
  readonly width: number;
  /**
   * The pinned baseline A's snapshot, drawn faintly under the current state (ghost curves, marks and
   * markers); absent when no baseline is pinned (the drawing is then exactly as without the feature).
   */
  readonly baseline?: ExplainerData;
  /** A's parameters (present with `baseline`): what panel 8 reads A's nearest ablation rows from. */
  readonly baselineParams?: AppParams;
  /**
   * Flat indices of entries to mark (the check view's most differing gradients), largest first;
   * absent when none (the drawing is then exactly as without the feature).
   */
  readonly highlighted?: Int32Array | undefined;
}
