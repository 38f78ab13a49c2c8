/**
 * The ε box's text: parsing what is typed and showing KL(q‖o). Apart from epsilon.ts (the inversion,
 * which needs the engine on the main thread), so the controls at the top of the page render without
 * the engine; it is fetched when an ε is entered.
 */

/** A value with 7 significant digits, without trailing zeros ("0.6931472", "1e-7"). */
export function formatSig(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(7))) : '—';
}

/** Parse a typed ε ("0.5", "1e-3"); NaN when it is not a number. */
export function parseEpsilon(text: string): number {
  const t = text.trim();
  return t === '' ? Number.NaN : Number(t);
}
