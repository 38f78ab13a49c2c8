/**
 * Props every explainer panel takes. Panels are pure React components: they read these props only (no
 * store import), so they render the same in snapshot tests, in the app, and for any fixture.
 */
import type { AppParams } from '../state/types.ts';
import type { ExplainerData } from '../viz/types.ts';

export type Lang = 'en' | 'zh';

/** An edit a panel asks for; the app applies it through the store (so undo works). */
export type PanelEdit =
  | {
      readonly kind: 'setLogit';
      readonly row: number;
      readonly cls: number;
      readonly logit: number;
    }
  | { readonly kind: 'cycleLabel'; readonly row: number }
  | { readonly kind: 'delete'; readonly row: number };

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
}
