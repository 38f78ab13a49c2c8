/** Placeholder: exp through Math.exp (replaced by a table-driven fast exp). */
export function expFast(x: number): number {
  return Math.exp(x);
}
