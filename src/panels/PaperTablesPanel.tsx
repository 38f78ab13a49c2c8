/**
 * Panel 8, the paper's numbers (docs/maths.md §7): Table 1 (temperatures as h±) and Table 2 (the
 * surrogate) with the row nearest the current settings marked (aria-current and a visible note),
 * then Table 3, the COCO test-dev results and the score-threshold test as text.
 */
import { t, type Translate } from '../i18n/strings.ts';
import { fmtNum } from '../viz/format.ts';
import { PanelFrame } from './common/PanelFrame.tsx';
import {
  TABLE1,
  TABLE2,
  TABLE3,
  TEST_DEV,
  THRESHOLD_TEST,
  nearestRow,
  type LambdaRow,
  type SurrogateRow,
} from './paperTables/paperTables.ts';
import { Why } from './common/Why.tsx';
import { whyPaper } from './common/whyTexts.ts';
import type { PanelProps } from './types.ts';

/** h as the paper writes it: "e" for Euler's number, else the number. */
function hText(h: number): string {
  return Math.abs(h - Math.E) < 1e-12 ? 'e' : fmtNum(h);
}

function lambdaSetting(row: LambdaRow): string {
  return `h+ = ${hText(row.hPos)}, h− = ${hText(row.hNeg)} (λ+ = ${fmtNum(1 / Math.log(row.hPos))}, λ− = ${fmtNum(0.1 / Math.log(row.hNeg))})`;
}

function surrogateSetting(row: SurrogateRow, s: Translate): string {
  switch (row.kind) {
    case 'focal':
      return s('paper.focal');
    case 'hinge':
      return s('paper.hinge');
    case 'quad':
      return s('paper.quad', { rho: fmtNum(row.rho) });
    case 'logistic':
      return s('paper.logistic', { L: fmtNum(row.L) });
  }
}

/** The best AP of a table (bolded, as the paper does). */
function bestAP(rows: readonly { readonly ap: number }[]): number {
  return Math.max(...rows.map((r) => r.ap));
}

interface AblationTableProps {
  readonly caption: string;
  readonly settings: readonly string[];
  readonly aps: readonly number[];
  readonly nearest: number;
  readonly distance: number;
  /** The row nearest the pinned baseline A's settings (absent: no baseline). */
  readonly nearestA?: number | undefined;
  readonly s: Translate;
}

/** One ablation table: setting and AP per row; the nearest row marked, the best AP in bold. */
function AblationTable({
  caption,
  settings,
  aps,
  nearest,
  distance,
  nearestA,
  s,
}: AblationTableProps) {
  const best = bestAP(aps.map((ap) => ({ ap })));
  return (
    <table className="paper-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{s('paper.colSetting')}</th>
          <th scope="col">{s('paper.colAP')}</th>
        </tr>
      </thead>
      <tbody>
        {settings.map((setting, i) => {
          const isNearest = i === nearest;
          const isBest = aps[i] === best;
          return (
            <tr
              key={setting}
              className={isNearest ? 'nearest' : undefined}
              aria-current={isNearest ? 'true' : undefined}
            >
              <th scope="row">
                {setting}
                {isNearest ? (
                  <span className="nearest-note">
                    {' '}
                    ◀ {s('paper.nearest')} ({s('paper.distance', { d: fmtNum(distance) })})
                  </span>
                ) : null}
                {i === nearestA ? (
                  <span className="ghost ghost-row"> ◁ {s('baseline.paperNearest')}</span>
                ) : null}
              </th>
              <td>
                {isBest ? <strong>{aps[i].toFixed(1)}</strong> : aps[i].toFixed(1)}
                {isBest ? ` (${s('paper.best')})` : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The tables and text of panel 8; hover and edits do not apply here. */
export function PaperTablesPanel(props: PanelProps) {
  const { params, lang } = props;
  const s = t(lang);
  const near = nearestRow(params);
  const nearA = props.baselineParams ? nearestRow(props.baselineParams) : null;
  // h± of the current settings, the paper's reading of λ± (may overflow to Infinity for tiny λ).
  const lnHPos = 1 / params.lambdaPos;
  const lnHNeg = 0.1 / params.lambdaNeg;
  const hCurrent = (lnH: number) =>
    lnH < Math.log(1e6) ? fmtNum(Math.exp(lnH)) : `e^${lnH < 1e6 ? Math.round(lnH) : fmtNum(lnH)}`;
  return (
    <PanelFrame title={s('panel.paper.title')} className="panel-paper">
      <p>{s('paper.caption')}</p>
      <AblationTable
        caption={s('paper.table1')}
        settings={TABLE1.map(lambdaSetting)}
        aps={TABLE1.map((r) => r.ap)}
        nearest={near.table1.index}
        distance={near.table1.distance}
        nearestA={nearA?.table1.index}
        s={s}
      />
      <p className="note">
        {s('paper.distanceNote1', { hPos: hCurrent(lnHPos), hNeg: hCurrent(lnHNeg) })}
      </p>
      <AblationTable
        caption={s('paper.table2')}
        settings={TABLE2.map((r) => surrogateSetting(r, s))}
        aps={TABLE2.map((r) => r.ap)}
        nearest={near.table2.index}
        distance={near.table2.distance}
        nearestA={nearA?.table2.index}
        s={s}
      />
      <p className="note">{s('paper.distanceNote2')}</p>
      <h3>{s('paper.table3')}</h3>
      <ul>
        <li>{s('paper.table3All', { ap: TABLE3.allPairs.toFixed(1) })}</li>
        <li>{s('paper.table3Neg', { ap: TABLE3.negativesOnly.toFixed(1) })}</li>
        <li>{s('paper.table3DR', { ap: TABLE3.dr.toFixed(1) })}</li>
        <li>{s('paper.table3Worst')}</li>
      </ul>
      <h3>{s('paper.testDev')}</h3>
      <ul>
        {TEST_DEV.map((r) => (
          <li key={r.backbone}>
            {s('paper.testDevRow', {
              backbone: r.backbone,
              retina: r.retina.toFixed(1),
              dr: r.drRetina.toFixed(1),
            })}
          </li>
        ))}
      </ul>
      <p>
        {s('paper.threshold', {
          f1: THRESHOLD_TEST.focal.at005.toFixed(1),
          f2: THRESHOLD_TEST.focal.at05.toFixed(1),
          d1: THRESHOLD_TEST.dr.at005.toFixed(1),
          d2: THRESHOLD_TEST.dr.at05.toFixed(1),
        })}
      </p>
      <Why items={whyPaper(s)} s={s} />
    </PanelFrame>
  );
}
