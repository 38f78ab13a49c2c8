/**
 * Number formats shared by the panels' readouts and the rounding that keeps SVG attributes stable
 * (snapshot files compare markup text, so every coordinate is written with at most 2 decimals).
 */
import { format } from 'd3';

/** Round a pixel coordinate to 2 decimals, with −0 written as 0 (attributes never show "-0"). */
export function px(x: number): number {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
}

const fixed4 = format('.4f');
const sig4 = format('.4~g');
const count = format(',d');
const countShort = format('.3~s');
const percent1 = format('.1%');

/** A probability or score in [0, 1] with 4 decimals ("0.6211"), as the equations show it. */
export function fmtP(x: number): string {
  return Number.isFinite(x) ? fixed4(x) : '—';
}

/** Any real value with 4 significant digits ("2.563", "1.2e-7"); "—" when not finite. */
export function fmtNum(x: number): string {
  return Number.isFinite(x) ? sig4(x === 0 ? 0 : x) : '—';
}

/**
 * A whole count with thousands separators ("8,000,000"), as toLocaleString('en') writes it. The app
 * writes every count with it, never with toLocaleString or Intl: the page's first Intl number format
 * loads ICU's number data, which took about 20 ms of a cold load's main thread before the first
 * readout (sampled with V8's profiler, CPU not throttled).
 */
export function fmtCount(x: number): string {
  return Number.isFinite(x) ? count(Math.round(x)) : '—';
}

/** A whole count with an SI prefix and at most 3 significant digits ("950", "2k", "6.5M"), for tick labels. */
export function fmtCountShort(x: number): string {
  return Number.isFinite(x) ? countShort(Math.round(x)) : '—';
}

/** A share in [0, 1] as a percentage with one decimal ("97.3%"). */
export function fmtPct(x: number): string {
  return Number.isFinite(x) ? percent1(x) : '—';
}
