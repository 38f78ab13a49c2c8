/**
 * Panel 2, ranking (paper Eq. 3–4): the pairwise hinge over all n+·n− pairs,
 *   Σ_{j+} Σ_{j−} [p_{j−} − p_{j+} + γ]+   (Eq. 3),   its mean over the pairs (Eq. 4),
 * the number of violating pairs and n+·n−; for small sets a matrix of every pair's hinge.
 */
import { useMemo } from 'react';
import { fmtCount, fmtNum, fmtP, fmtPct, px } from '../viz/format.ts';
import { CHART_MARGINS } from '../viz/scales.ts';
import { PanelFrame } from './common/PanelFrame.tsx';
import { texPairwise } from './tex/equations.ts';
import { SetNotices } from './common/SetNotices.tsx';
import { pairMatrix, type PairMatrix } from './ranking/pairMatrix.ts';
import { PanelReadouts } from './common/PanelReadouts.tsx';
import { ChartFigure } from './common/ChartFigure.tsx';
import { ShareBar } from './common/ShareBar.tsx';
import { t, type Translate } from '../i18n/strings.ts';
import { Tex } from './tex/Tex.tsx';
import { Why } from './common/Why.tsx';
import { whyRanking } from './common/whyTexts.ts';
import type { PanelProps } from './types.ts';
import { baselineHint } from './common/baselineHint.ts';
import type { ExplainerData } from '../explain/types.ts';

/** Room for the column title (top) and the row title (left), in CSS pixels. */
const TOP = 34;
const LEFT = 40;

/** Why there is no matrix: no pairs at all (an empty set), or too many to draw. */
function noMatrixNote(data: ExplainerData, s: Translate): string {
  const { nPos, nNeg, loss } = data.result;
  if (nPos === 0 && nNeg === 0) return s('ranking.noPairs.both');
  if (nPos === 0) return s('ranking.noPairs.pos', { loss: fmtNum(loss) });
  if (nNeg === 0) return s('ranking.noPairs.neg', { loss: fmtNum(loss) });
  return s('ranking.tooMany', { pairs: fmtCount(data.pairwise.pairs) });
}

/** The ranking panel; see the module comment. */
export function RankingPanel(props: PanelProps) {
  const { data, params, lang, hovered, width } = props;
  const s = t(lang);
  const { pairwise } = data;
  const share = pairwise.pairs > 0 ? pairwise.violating / pairwise.pairs : 0;
  const plotWidth = Math.max(1, width - LEFT - CHART_MARGINS.right);
  const matrix = useMemo(
    () => pairMatrix(data.detail, params.margin, plotWidth),
    [data.detail, params.margin, plotWidth],
  );

  return (
    <PanelFrame title={s('panel.ranking.title')} className="panel-ranking">
      <Tex
        expr={texPairwise({ data, params, hovered, lang })}
        hint={baselineHint(
          s,
          props.baseline,
          (a) =>
            `${fmtNum(a.pairwise.loss)}; ${fmtCount(a.pairwise.violating)} / ${fmtCount(a.pairwise.pairs)}`,
        )}
      />
      {matrix ? (
        <MatrixChart {...props} matrix={matrix} s={s} />
      ) : (
        <p className="note">{noMatrixNote(data, s)}</p>
      )}
      <ShareBar
        share={share}
        colour="var(--neg)"
        rest="var(--grid)"
        text={s('ranking.share', { share: fmtPct(share) })}
        ghost={
          props.baseline && props.baseline.pairwise.pairs > 0
            ? props.baseline.pairwise.violating / props.baseline.pairwise.pairs
            : undefined
        }
      />
      <PanelReadouts
        items={[
          {
            term: s('ranking.pairs'),
            value: `${fmtCount(data.pos.n)} × ${fmtCount(data.neg.n)} = ${fmtCount(pairwise.pairs)}`,
          },
          { term: s('ranking.violating'), value: fmtCount(pairwise.violating), emphasis: true },
          { term: s('ranking.loss'), value: fmtNum(pairwise.loss) },
          {
            term: s('ranking.mean'),
            value: fmtNum(pairwise.pairs > 0 ? pairwise.loss / pairwise.pairs : 0),
          },
          { term: s('readout.loss'), value: fmtNum(data.result.loss) },
        ]}
      />
      <SetNotices data={data} s={s} />
      <Why items={whyRanking(data, s)} s={s} />
    </PanelFrame>
  );
}

/**
 * The pair matrix with row and column markers (hoverable and focusable: each names its candidate) and
 * the hovered candidate's row or column outlined.
 */
function MatrixChart(props: PanelProps & { readonly matrix: PairMatrix; readonly s: Translate }) {
  const { data, params, hovered, onHover, matrix, s } = props;
  const detail = data.detail!;
  const { rows, cols, hinge, cell } = matrix;
  const nr = rows.length;
  const nc = cols.length;
  const height = TOP + nr * cell + 8;
  const width = props.width;
  // Opacity grows with the hinge; its largest possible value is 1 + γ (p− = 1, p+ = 0).
  const top = 1 + params.margin;
  const hoverRow = hovered === null ? -1 : rows.findIndex((k) => detail.index[k] === hovered);
  const hoverCol = hovered === null ? -1 : cols.findIndex((k) => detail.index[k] === hovered);
  const gx = (j: number) => px(LEFT + j * cell);
  const gy = (i: number) => px(TOP + i * cell);

  const cells = [];
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) {
      const h = hinge[i * nc + j];
      const violated = h > 0;
      cells.push(
        <rect
          key={`${i}:${j}`}
          x={gx(j) + 0.5}
          y={gy(i) + 0.5}
          width={px(cell - 1)}
          height={px(cell - 1)}
          fill={violated ? 'var(--neg)' : 'none'}
          fillOpacity={violated ? px(0.15 + 0.85 * Math.min(1, h / top)) : undefined}
          stroke={violated ? undefined : 'var(--grid)'}
        />,
      );
    }
  }

  // A row or column marker: hover and keyboard focus both highlight its candidate everywhere,
  // and the highlighted candidate's marker gets a ring (the visible focus, without a stylesheet).
  const marker = (k: number, cx: number, cy: number, positive: boolean) => {
    const index = detail.index[k];
    const on = index === hovered;
    return (
      <circle
        key={index}
        className="pair-marker"
        cx={px(cx)}
        cy={px(cy)}
        r={Math.max(2, Math.min(5, cell / 3))}
        fill={positive ? 'var(--pos)' : 'var(--neg)'}
        stroke={on ? 'var(--highlight)' : undefined}
        strokeWidth={on ? 3 : undefined}
        data-index={index}
        tabIndex={0}
        role="img"
        aria-label={s('lanes.candidateReadOnly', {
          row: detail.row[k],
          cls: detail.cls[k],
          label: s(positive ? 'label.positive' : 'label.negative'),
          p: fmtP(detail.p[k]),
        })}
        onPointerEnter={() => onHover(index)}
        onPointerLeave={() => onHover(null)}
        onFocus={() => onHover(index)}
        onBlur={() => onHover(null)}
      />
    );
  };

  // The hovered candidate's row (a positive) or column (a negative), outlined.
  const band = (x: number, y: number, w: number, h: number) => (
    <rect
      className="hover-band"
      x={x}
      y={y}
      width={px(w)}
      height={px(h)}
      fill="none"
      stroke="var(--highlight)"
      strokeWidth={2}
      pointerEvents="none"
    />
  );

  return (
    <ChartFigure
      label={s('ranking.aria', {
        rows: nr,
        cols: nc,
        violating: fmtCount(data.pairwise.violating),
        pairs: fmtCount(data.pairwise.pairs),
        g: fmtNum(params.margin),
      })}
      title={s('ranking.chartTitle')}
      caption={`${s('ranking.caption')} ${s('ranking.legend')}`}
      width={width}
      height={height}
      interactive
      className="chart-ranking"
    >
      <g fontSize={11} fill="var(--fg)">
        <text x={LEFT} y={12}>
          {s('ranking.axisNeg')} →
        </text>
        <text transform={`translate(12,${TOP}) rotate(90)`}>{s('ranking.axisPos')} →</text>
      </g>
      <g className="cells">{cells}</g>
      <g className="col-markers">
        {Array.from(cols, (k, j) => marker(k, LEFT + (j + 0.5) * cell, TOP - 8, false))}
      </g>
      <g className="row-markers">
        {Array.from(rows, (k, i) => marker(k, LEFT - 8, TOP + (i + 0.5) * cell, true))}
      </g>
      {hoverRow >= 0 ? band(LEFT, gy(hoverRow), nc * cell, cell) : null}
      {hoverCol >= 0 ? band(gx(hoverCol), TOP, cell, nr * cell) : null}
    </ChartFigure>
  );
}
