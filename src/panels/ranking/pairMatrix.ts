/**
 * Geometry of the pair matrix of panel 2: one cell per (positive, negative) pair holding the hinge
 * [p− − p+ + γ]+ of Eq. 3, positives as rows (lowest score first) and negatives as columns (highest
 * score first), so the violating pairs gather in the top-left corner.
 */
import type { EntryDetail } from '../../explain/types.ts';

/** At most this many cells are drawn (one SVG rect each). */
export const MATRIX_CELL_LIMIT = 2_500;
/** Cells are square, at least this many CSS pixels wide (smaller: no matrix)… */
export const MATRIX_MIN_CELL = 4;
/** …and at most this many. */
export const MATRIX_MAX_CELL = 24;

/** Rows, columns and the hinge of every cell. */
export interface PairMatrix {
  /** Positions in the detail arrays of the positives (ascending p) and negatives (descending p). */
  readonly rows: Int32Array;
  readonly cols: Int32Array;
  /** hinge[i·cols + j] = max(0, p_{cols[j]} − p_{rows[i]} + γ), row-major. */
  readonly hinge: Float64Array;
  readonly cell: number;
}

/**
 * The matrix for `detail` at margin γ, or null when it would not be legible in `plotWidth` px:
 * no detail, an empty set, more than MATRIX_CELL_LIMIT cells, or cells under MATRIX_MIN_CELL px.
 * Ties in p keep flat-index order (a stable sort), so the layout is deterministic.
 */
export function pairMatrix(
  detail: EntryDetail | null,
  margin: number,
  plotWidth: number,
): PairMatrix | null {
  if (detail === null) return null;
  const pos: number[] = [];
  const neg: number[] = [];
  for (let k = 0; k < detail.p.length; k++) (detail.positive[k] === 1 ? pos : neg).push(k);
  const nr = pos.length;
  const nc = neg.length;
  if (nr === 0 || nc === 0 || nr * nc > MATRIX_CELL_LIMIT) return null;
  const cell = Math.min(MATRIX_MAX_CELL, Math.floor(plotWidth / nc));
  if (cell < MATRIX_MIN_CELL) return null;
  pos.sort((a, b) => detail.p[a] - detail.p[b]);
  neg.sort((a, b) => detail.p[b] - detail.p[a]);
  const hinge = new Float64Array(nr * nc);
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) {
      // The same expression as the engine's pairwise test: (p− − p+) + γ.
      hinge[i * nc + j] = Math.max(0, detail.p[neg[j]] - detail.p[pos[i]] + margin);
    }
  }
  return { rows: Int32Array.from(pos), cols: Int32Array.from(neg), hinge, cell };
}
