/**
 * Seeded fixtures for the panel tests, built by the shared pure explain():
 * - small: 12 candidates of one class, 3 positives (rows 0, 4, 9), drawn SVG mark by mark;
 * - medium: 5,000 candidates (50 positives): detail present but over the SVG limit, so canvas;
 * - histogramOnly: 30,000 candidates (300 positives): over DETAIL_LIMIT, detail === null.
 * Same seed, same bits on every machine (src/data/rng.ts uses only correctly rounded operations).
 */
import { formatSvg } from './svgFormat.ts';
import type { RenderResult } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { Rng } from '../../src/data/rng.ts';
import { explain } from '../../src/explain/index.ts';
import type { PanelEdit } from '../../src/state/types.ts';
import type { PanelProps } from '../../src/panels/types.ts';
import { DEFAULT_APP_PARAMS } from '../../src/params/table.ts';
import type { AppParams } from '../../src/params/types.ts';
import type { CandidateSet } from '../../src/data/types.ts';
import type { ExplainerData } from '../../src/explain/types.ts';

/** The parameters every fixture is explained under (the paper's defaults). */
export const FIXTURE_PARAMS: AppParams = Object.freeze({ ...DEFAULT_APP_PARAMS });

/**
 * One class, R rows; rows listed in `positives` are positive with logit ~ N(2, 1), the rest negative
 * with logit ~ N(−1.5, 1.2) (so some negatives outscore some positives: the ranking has violations).
 */
export function seededSet(
  R: number,
  positives: (r: number) => boolean,
  seed: number,
): CandidateSet {
  const rng = new Rng(seed);
  const logits = new Float64Array(R);
  const targets = new Int32Array(R);
  for (let r = 0; r < R; r++) {
    const pos = positives(r);
    targets[r] = pos ? 1 : 0;
    logits[r] = pos ? 2 + rng.normal() : -1.5 + 1.2 * rng.normal();
  }
  return { R, K: 1, logits, targets };
}

const SMALL_POSITIVES = new Set([0, 4, 9]);

/** 12 candidates, positives at rows 0, 4 and 9 (seed 2020). */
export const smallSet = (): CandidateSet => seededSet(12, (r) => SMALL_POSITIVES.has(r), 2020);
/** 5,000 candidates, every 100th row positive (seed 7). */
export const mediumSet = (): CandidateSet => seededSet(5_000, (r) => r % 100 === 0, 7);
/** 30,000 candidates, every 100th row positive (seed 11): over DETAIL_LIMIT. */
export const histogramSet = (): CandidateSet => seededSet(30_000, (r) => r % 100 === 0, 11);

const memo = new Map<string, ExplainerData>();
function cached(key: string, make: () => ExplainerData): ExplainerData {
  let d = memo.get(key);
  if (!d) {
    d = make();
    memo.set(key, d);
  }
  return d;
}

/** ExplainerData of a fixture set under FIXTURE_PARAMS overridden by `params` (memoised). */
export function fixtureData(
  which: 'small' | 'medium' | 'histogramOnly',
  params: Partial<AppParams> = {},
): ExplainerData {
  const full = { ...FIXTURE_PARAMS, ...params };
  const set = which === 'small' ? smallSet : which === 'medium' ? mediumSet : histogramSet;
  return cached(`${which}:${JSON.stringify(full)}`, () => explain(set(), full));
}

/** The small fixture (12 candidates, SVG marks). */
export const small = (params: Partial<AppParams> = {}) => fixtureData('small', params);
/** The 5,000-candidate fixture (canvas marks). */
export const medium = (params: Partial<AppParams> = {}) => fixtureData('medium', params);
/** The 30,000-candidate fixture (histograms only, detail === null). */
export const histogramOnly = (params: Partial<AppParams> = {}) =>
  fixtureData('histogramOnly', params);

/** Calls a panel made, recorded for assertions. */
export interface Recorder {
  readonly hovers: (number | null)[];
  readonly edits: PanelEdit[];
}

/**
 * PanelProps for a fixture with recording handlers: `props.onHover` and `props.onEdit` push into
 * `recorder`. Width 640 unless overridden.
 */
export function panelProps(
  data: ExplainerData,
  overrides: Partial<PanelProps> = {},
): { props: PanelProps; recorder: Recorder } {
  const recorder: Recorder = { hovers: [], edits: [] };
  const props: PanelProps = {
    data,
    params: FIXTURE_PARAMS,
    lang: 'en',
    hovered: null,
    width: 640,
    onHover: (i) => recorder.hovers.push(i),
    onEdit: (e) => recorder.edits.push(e),
    ...overrides,
  };
  return { props, recorder };
}

/**
 * The panel's own <svg> charts, one element per line with rounded numbers (svgFormat.ts), joined by
 * blank lines: what the snapshot files hold. SVGs inside (or being) an aria-hidden element are left out: KaTeX draws glyphs such as √ as
 * SVGs inside its aria-hidden HTML rendering, and a canvas overlay's decoration is hidden the same
 * way. React ids from useId are normalised so unrelated renders do not shift them.
 */
export function svgMarkup(view: Pick<RenderResult, 'container'>): string {
  return [...view.container.querySelectorAll('svg')]
    .filter((svg) => svg.closest('[aria-hidden="true"]') === null)
    .map((svg) => formatSvg(svg).replace(/«r\w+»|:r\w+:|_r_\w+_/g, 'ID'))
    .join('\n\n')
    .concat('\n');
}

/** Every attribute value in the render that contains NaN or Infinity (should be none). */
export function badAttributes(view: Pick<RenderResult, 'container'>): string[] {
  const bad: string[] = [];
  for (const el of view.container.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/NaN|Infinity/.test(a.value)) bad.push(`${el.tagName} ${a.name}="${a.value}"`);
    }
  }
  return bad;
}

/** logit(p) = log(p/(1 − p)): the logit a drag of a candidate to score p sends. */
export const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * Runs requestAnimationFrame callbacks under test control (drag edits are throttled to animation
 * frames; advance with vi.advanceTimersToNextFrame): registers the file's before/after hooks.
 */
export function fakeAnimationFrames(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** The candidate mark of flat entry `flat` inside the elements matching `within` (default: anywhere). */
export function candidateMark(container: Element, flat: number, within = ''): SVGGElement {
  const mark = container.querySelector<SVGGElement>(`${within} .candidate[data-index="${flat}"]`);
  if (!mark) throw new Error(`no candidate mark for entry ${flat}`);
  return mark;
}
