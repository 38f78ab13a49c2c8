/**
 * Panel 5, smoothing (paper Eq. 7–8): the hinge [z]+, the quadratic surrogate (ρ) and the logistic
 * surrogate (L) over z, the current z = P̂− − P̂+ + γ marked on each with its value, and the
 * approximation error ℓ(z) − [z]+ at the current z and at worst (log 2/L, ρ/4, both at z = 0).
 */
import { line, scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { Smoothing } from '../engine/types.ts';
import { t, type StringKey } from '../i18n/strings.ts';
import { Axis } from '../viz/Axis.tsx';
import { fmtNum, px } from '../viz/format.ts';
import { CHART_MARGINS } from '../viz/scales.ts';
import { ChartFigure } from './common/ChartFigure.tsx';
import { PanelFrame } from './common/PanelFrame.tsx';
import {
  sampleSurrogate,
  surrogateValue,
  surrogatesAt,
  zDomain,
} from './smoothing/smoothingCurves.ts';
import { texLogistic, texQuadratic } from './tex/equations.ts';
import { Tex } from './tex/Tex.tsx';
import type { PanelProps } from './types.ts';
import { baselineHint } from './common/baselineHint.ts';

/** Chart height in CSS pixels (the width follows props.width). */
export const SMOOTHING_HEIGHT = 240;

/** How each surrogate is drawn: colours only through the theme's custom properties. */
const STYLE: Readonly<Record<Smoothing, { stroke: string; dash: string | undefined }>> = {
  hinge: { stroke: 'var(--muted)', dash: undefined },
  quad: { stroke: 'var(--accent)', dash: '6 3' },
  logistic: { stroke: 'var(--fg)', dash: undefined },
};

/** Whether `v` lies on the chart's z axis (the baseline's z may be off it). */
function inDomain(v: number, lo: number, hi: number): boolean {
  return v >= lo && v <= hi;
}

/** The curves, the current-z rule and the dots on each curve, in one SVG. */
export function SmoothingPanel(props: PanelProps) {
  const { data, params, lang, width } = props;
  const s = t(lang);
  const z = data.result.z;
  const { L, rho } = params;

  // The curves depend on the z range, not on z itself: a drag that moves z inside the range keeps them.
  const [lo, hi] = zDomain(z);
  const chart = useMemo(() => {
    const m = CHART_MARGINS;
    const x = scaleLinear()
      .domain([lo, hi])
      .range([m.left, Math.max(m.left + 1, width - m.right)]);
    // Every surrogate is non-decreasing in z, so the highest point of each is at the right edge (the
    // logistic with a small L lies far above the hinge there: ℓ(1.5) ≈ 7.7 at L = 0.1).
    const yMax = Math.max(
      ...(['hinge', 'quad', 'logistic'] as const).map((k) => surrogateValue(k, hi, L, rho)),
    );
    const y = scaleLinear()
      .domain([0, yMax])
      .range([SMOOTHING_HEIGHT - m.bottom, m.top])
      .nice(4);
    const path = line<[number, number]>()
      .x((d) => x(d[0]))
      .y((d) => y(d[1]))
      .digits(2);
    const kinds: readonly Smoothing[] = ['hinge', 'quad', 'logistic'];
    const curves = kinds.map((kind) => ({
      kind,
      d: path(sampleSurrogate(kind, lo, hi, L, rho)) ?? '',
    }));
    return { x, y, curves };
  }, [lo, hi, L, rho, width]);

  const atZ = surrogatesAt(z, L, rho);
  const nameKey: Record<Smoothing, StringKey> = {
    hinge: 'smoothing.hinge',
    quad: 'smoothing.quad',
    logistic: 'smoothing.logistic',
  };
  const name = (kind: Smoothing) => s(nameKey[kind], { rho: fmtNum(rho), L: fmtNum(L) });
  const byKind = (kind: Smoothing) => atZ.find((a) => a.kind === kind)!;
  const { x, y, curves } = chart;
  const m = CHART_MARGINS;
  const bottom = SMOOTHING_HEIGHT - m.bottom;
  const label = s('smoothing.aria', {
    from: fmtNum(lo),
    to: fmtNum(hi),
    z: fmtNum(z),
    hinge: fmtNum(byKind('hinge').value),
    quad: fmtNum(byKind('quad').value),
    logistic: fmtNum(byKind('logistic').value),
  });
  const input = { data, params, hovered: props.hovered };
  const hint = baselineHint(
    s,
    props.baseline,
    (a) => `z = ${fmtNum(a.result.z)}, DR = ${fmtNum(a.result.loss)}`,
  );

  return (
    <PanelFrame title={s('panel.smoothing.title')} className="panel-smoothing">
      <Tex expr={texQuadratic(input)} hint={hint} />
      <Tex expr={texLogistic(input)} hint={hint} />
      <ChartFigure
        label={label}
        title={s('panel.smoothing.title')}
        caption={s('smoothing.caption')}
        width={width}
        height={SMOOTHING_HEIGHT}
      >
        <Axis
          scale={x}
          orient="bottom"
          at={bottom}
          label={s('smoothing.axisZ')}
          gridLength={bottom - m.top}
        />
        <Axis scale={y} orient="left" at={m.left} label={s('smoothing.axisLoss')} ticks={4} />
        {curves.map(({ kind, d }) => (
          <path
            key={kind}
            className={`curve curve-${kind}`}
            d={d}
            fill="none"
            stroke={STYLE[kind].stroke}
            strokeDasharray={STYLE[kind].dash}
            strokeWidth={kind === params.smoothing ? 3 : 1.5}
          />
        ))}
        {props.baseline && inDomain(props.baseline.result.z, lo, hi) ? (
          <g className="ghost ghost-z" aria-hidden="true" pointerEvents="none">
            <line
              x1={px(x(props.baseline.result.z))}
              x2={px(x(props.baseline.result.z))}
              y1={bottom}
              y2={m.top}
              stroke="var(--ghost)"
              strokeWidth={2}
              strokeDasharray="2 3"
            />
            <text
              x={px(x(props.baseline.result.z))}
              y={m.top - 2}
              textAnchor="middle"
              fontSize={10}
              fill="var(--ghost)"
            >
              {s('ghost.a')}
            </text>
          </g>
        ) : null}
        <line
          className="current-z"
          x1={px(x(z))}
          x2={px(x(z))}
          y1={bottom}
          y2={m.top}
          stroke="var(--highlight)"
          strokeWidth={1.5}
        />
        {/* Right of the rule in the left half, left of it in the right half: never clipped. */}
        <text
          x={px(x(z) < width / 2 ? x(z) + 4 : x(z) - 4)}
          y={m.top + 10}
          textAnchor={x(z) < width / 2 ? 'start' : 'end'}
          fontSize={11}
          fill="var(--fg)"
        >
          {s('smoothing.currentZ', { z: fmtNum(z) })}
        </text>
        {atZ.map((a) => (
          <circle
            key={a.kind}
            className={`value-${a.kind}`}
            cx={px(x(z))}
            cy={px(y(a.value))}
            r={a.kind === params.smoothing ? 5 : 3.5}
            fill={STYLE[a.kind].stroke}
            stroke="var(--panel-bg)"
          />
        ))}
      </ChartFigure>
      <table className="readout-table">
        <caption>{s('smoothing.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{s('smoothing.colSurrogate')}</th>
            <th scope="col">{s('smoothing.colValue')}</th>
            <th scope="col">{s('smoothing.errorHere')}</th>
            <th scope="col">{s('smoothing.errorMax')}</th>
          </tr>
        </thead>
        <tbody>
          {atZ.map((a) => (
            <tr key={a.kind} aria-current={a.kind === params.smoothing ? 'true' : undefined}>
              <th scope="row">
                <svg width={22} height={10} aria-hidden="true" focusable="false">
                  <line
                    x1={1}
                    x2={21}
                    y1={5}
                    y2={5}
                    stroke={STYLE[a.kind].stroke}
                    strokeDasharray={STYLE[a.kind].dash}
                    strokeWidth={a.kind === params.smoothing ? 3 : 1.5}
                  />
                </svg>{' '}
                {name(a.kind)}
                {a.kind === params.smoothing ? ` (${s('smoothing.current')})` : ''}
              </th>
              <td>{fmtNum(a.value)}</td>
              <td>{fmtNum(a.gap)}</td>
              <td>
                {fmtNum(a.maxGap)}
                {a.kind === 'logistic'
                  ? ` (${s('smoothing.errorMaxLogistic')})`
                  : a.kind === 'quad'
                    ? ` (${s('smoothing.errorMaxQuad')})`
                    : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </PanelFrame>
  );
}
