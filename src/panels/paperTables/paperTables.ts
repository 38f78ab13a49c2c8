/**
 * The paper's ablation numbers as data (docs/maths.md §7; COCO minival AP of RetinaNet R-50-FPN 1×)
 * and `nearestRow`, which finds the rows closest to the current parameters so the panel can mark them.
 */
import type { AppParams } from '../../params/types.ts';

/** One row of Table 1: the temperatures written as h± (λ+ = 1/ln h+, λ− = 0.1/ln h−). */
export interface LambdaRow {
  readonly hPos: number;
  readonly hNeg: number;
  /** COCO AP in percent. */
  readonly ap: number;
}

/** Table 1 (λ): h+ and h− tried by the paper; best h+ = e, h− = 3.5. */
export const TABLE1: readonly LambdaRow[] = Object.freeze([
  { hPos: Math.E, hNeg: Math.E, ap: 37.1 },
  { hPos: Math.E, hNeg: 3.5, ap: 37.4 },
  { hPos: Math.E, hNeg: 5.5, ap: 37.2 },
  { hPos: Math.E, hNeg: 20, ap: 36.6 },
  { hPos: 5.5, hNeg: 3.5, ap: 36.7 },
  { hPos: 20, hNeg: 3.5, ap: 35.6 },
]);

/** One row of Table 2: the loss or surrogate of the hinge and its parameter. */
export type SurrogateRow =
  | { readonly kind: 'focal'; readonly ap: number }
  | { readonly kind: 'hinge'; readonly ap: number }
  | { readonly kind: 'quad'; readonly rho: number; readonly ap: number }
  | { readonly kind: 'logistic'; readonly L: number; readonly ap: number };

/** Table 2 (surrogate): the focal loss baseline, then DR with each ℓ; best logistic L = 6. */
export const TABLE2: readonly SurrogateRow[] = Object.freeze([
  { kind: 'focal', ap: 36.1 },
  { kind: 'hinge', ap: 35.8 },
  { kind: 'quad', rho: 0.2, ap: 36.9 },
  { kind: 'quad', rho: 0.5, ap: 37.2 },
  { kind: 'logistic', L: 4, ap: 37.2 },
  { kind: 'logistic', L: 6, ap: 37.4 },
  { kind: 'logistic', L: 8, ap: 37.1 },
  { kind: 'logistic', L: 10, ap: 36.8 },
]);

/** Table 3 (which pairs are ranked), in AP; the worst case of Eq. 5 fails to train (no number). */
export const TABLE3 = Object.freeze({ allPairs: 12.9, negativesOnly: 37.0, dr: 37.4 });

/** COCO test-dev AP: RetinaNet → Dr.Retina for two backbones. */
export const TEST_DEV = Object.freeze([
  { backbone: 'ResNet-101', retina: 39.1, drRetina: 41.7 },
  { backbone: 'ResNeXt-101', retina: 40.8, drRetina: 43.1 },
]);

/** Raising the score threshold before NMS from 0.05 to 0.5: AP before → after. */
export const THRESHOLD_TEST = Object.freeze({
  focal: { at005: 36.1, at05: 28.4 },
  dr: { at005: 37.4, at05: 37.2 },
});

/** The row of a table nearest to the current settings, with its distance (0 = the same setting). */
export interface Nearest {
  readonly index: number;
  readonly distance: number;
}

/**
 * Distance of Table 1 rows: the temperatures move on log sliders, so compare them on a log scale,
 *   d = |ln(λ+ / λ+_row)| + |ln(λ− / λ−_row)|,
 * with the row's λ+_row = 1/ln h+, λ−_row = 0.1/ln h−; equivalently |ln ln h+ − ln ln h+_row| + (the
 * same for h−), where h+ = e^{1/λ+}, h− = e^{0.1/λ−} are the current settings read the paper's way.
 * Scale-free, finite for every λ > 0, and 0 exactly at a row's setting (the defaults give row 2).
 */
export function lambdaDistance(
  params: Pick<AppParams, 'lambdaPos' | 'lambdaNeg'>,
  row: LambdaRow,
): number {
  const rowPos = 1 / Math.log(row.hPos);
  const rowNeg = 0.1 / Math.log(row.hNeg);
  return (
    Math.abs(Math.log(params.lambdaPos / rowPos)) + Math.abs(Math.log(params.lambdaNeg / rowNeg))
  );
}

/**
 * Distance of Table 2 rows: a row of another surrogate than the current one is never nearer (Infinity;
 * the focal row is never nearest, the explorer always computes DR). Within the current surrogate:
 * |ln(L / L_row)| for logistic rows, |ln(ρ / ρ_row)| for quadratic rows, 0 for the hinge row.
 */
export function surrogateDistance(
  params: Pick<AppParams, 'smoothing' | 'L' | 'rho'>,
  row: SurrogateRow,
): number {
  if (row.kind !== params.smoothing) return Infinity;
  switch (row.kind) {
    case 'logistic':
      return Math.abs(Math.log(params.L / row.L));
    case 'quad':
      return Math.abs(Math.log(params.rho / row.rho));
    case 'hinge':
      return 0;
  }
}

/** The first row of least finite distance (ties keep the earlier row, as the paper lists them). */
function argmin<R>(rows: readonly R[], distance: (row: R) => number): Nearest {
  let best: Nearest = { index: -1, distance: Infinity };
  rows.forEach((row, index) => {
    const d = distance(row);
    if (d < best.distance) best = { index, distance: d };
  });
  return best;
}

/**
 * The rows of Table 1 and Table 2 nearest to the current parameters (see lambdaDistance and
 * surrogateDistance for the distances). Table 2 always has a row of every surrogate the explorer
 * offers, so both indices are valid (≥ 0) for any valid parameters.
 */
export function nearestRow(params: AppParams): {
  readonly table1: Nearest;
  readonly table2: Nearest;
} {
  return {
    table1: argmin(TABLE1, (row) => lambdaDistance(params, row)),
    table2: argmin(TABLE2, (row) => surrogateDistance(params, row)),
  };
}
