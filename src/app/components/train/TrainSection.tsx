/**
 * The Train section, after the eight panels: DR, focal loss and BCE training the same model from the
 * same start (except the prior), computed ahead in a worker (useTraining), shown step by step.
 *
 * Play walks the shown step forward at the setup's speed, never past what the worker has computed;
 * pause, step, reset and the scrubber set the shown step in the store (the link carries it; no undo
 * step). Every chart reads the recorded series at the shown step; hovering a curve chart moves a
 * second rule through all of them and shows that step's distributions and score fields. Drawing
 * happens at most once per animation frame.
 */
import { startTransition, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { RunName } from '../../../train/types.ts';
import { seriesValue, type TrainRecord } from '../../../worker/trainClient.ts';
import { SCORE_BINS, SERIES_FIELDS } from '../../../worker/trainProtocol.ts';
import { useApp, useAppStore } from '../../hooks/context.tsx';
import { useT } from '../../hooks/i18n.ts';
import { t } from '../../../i18n/strings.ts';
import { translateTrainMessage, translateTrainNotice } from '../../../i18n/trainMessages.ts';
import { useElementWidth } from '../../hooks/useElementWidth.ts';
import { CurveChart, DistChart, curvePoints, type CurveLine } from './charts.tsx';
import { FieldCanvas } from './FieldCanvas.tsx';
import { RUN_KEYS, trainSummary, type RunAtStep } from './summary.ts';
import { TrainSetupControls } from './TrainSetupControls.tsx';
import { useTraining } from './useTraining.ts';
import './train.css';

const RUN_COLORS: Readonly<Record<RunName, string>> = {
  dr: 'var(--accent)',
  focal: 'var(--highlight)',
  bce: 'var(--fg)',
};

const SPEEDS = [5, 20, 50, 200, 1000];
const UNIT = [0, 1] as const;
/** While playing, the shown step reaches React at most this often (drawing is throttled, not computing). */
const PLAY_FRAME_MS = 66;
/** While playing, score fields are asked for at most this often. */
const PLAY_FIELD_MS = 150;
const FIELD_SIZE = 48;
const W = SERIES_FIELDS.length;
const F = (name: (typeof SERIES_FIELDS)[number]) => SERIES_FIELDS.indexOf(name);

/** A metric with 7 significant digits ("0.8634900"); "—" when unknown. */
export function fmt7(x: number): string {
  return Number.isFinite(x) ? x.toPrecision(7) : '—';
}

/** The value of `field` at the last step ≤ `step` where it was computed (AP/AUC may be sampled). */
function lastKnown(rec: TrainRecord, run: number, step: number, field: 'ap' | 'auc'): number {
  for (let s = Math.min(step, rec.computed - 1); s >= 0; s--) {
    const v = seriesValue(rec, run, s, field);
    if (!Number.isNaN(v)) return v;
    if (step - s > rec.info.metricsEvery) break;
  }
  return NaN;
}

export function TrainSection() {
  const s = useT();
  const store = useAppStore();
  const headingId = useId();
  // Training starts once the section comes near the viewport (or the person asks for a step), so
  // the page's first seconds belong to the panels above.
  const [seen, setSeen] = useState(false);
  const observed = useRef<IntersectionObserver | null>(null);
  const { client, current } = useTraining(seen);
  const setup = useApp((st) => st.train.setup);
  const storeStep = useApp((st) => st.train.step);
  const S = setup.steps;
  // Numbers of an older setup are never shown under the new one.
  const rec = current ? (client?.record() ?? null) : null;
  const computed = rec?.computed ?? 0;

  const [playing, setPlaying] = useState(false);
  const [playStep, setPlayStep] = useState(0);
  const [hover, setHover] = useState<number | null>(null);
  const shown = Math.min(S, playing ? playStep : storeStep);
  const view = hover ?? shown;
  // While playing, distributions and score fields follow at the field rate, not every frame.
  const [slowView, setSlowView] = useState(view);
  const slowAt = useRef(-Infinity);
  useEffect(() => {
    const now = performance.now();
    if (!playing || now - slowAt.current >= PLAY_FIELD_MS) {
      slowAt.current = now;
      setSlowView(view);
    }
  }, [view, playing]);
  const detailStep = playing ? slowView : view;

  // Play: a frame loop moving a fractional position; React hears only whole steps.
  const pos = useRef(0);
  const clientRef = useRef(client);
  clientRef.current = client;
  const speedRef = useRef(setup.speed);
  speedRef.current = setup.speed;
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    let drawn = -Infinity;
    const tick = (now: number) => {
      const dt = Math.min(100, now - last);
      last = now;
      const done = (clientRef.current?.record()?.computed ?? 1) - 1;
      pos.current = Math.min(pos.current + (speedRef.current * dt) / 1000, Math.max(0, done), S);
      const whole = Math.floor(pos.current);
      if (now - drawn >= PLAY_FRAME_MS || whole >= S) {
        drawn = now;
        // an interruptible render: React yields to the browser every few milliseconds
        startTransition(() => setPlayStep(whole));
      }
      if (whole >= S) {
        setPlaying(false);
        store.getState().setTrainStep(S);
        return;
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, S, store]);

  const pause = useCallback(
    (at: number) => {
      setSeen(true);
      setPlaying(false);
      store.getState().setTrainStep(at);
    },
    [store],
  );
  const togglePlay = () => {
    setSeen(true);
    if (playing) {
      pause(playStep);
      return;
    }
    const from = storeStep >= S ? 0 : storeStep;
    pos.current = from;
    setPlayStep(from);
    setPlaying(true);
  };

  const [widthRef, width] = useElementWidth<HTMLElement>();
  const ref = useCallback(
    (el: HTMLElement | null) => {
      widthRef(el);
      observed.current?.disconnect();
      observed.current = null;
      if (!el || typeof IntersectionObserver === 'undefined') return;
      const io = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            setSeen(true);
            io.disconnect();
          }
        },
        { rootMargin: '600px' },
      );
      io.observe(el);
      observed.current = io;
    },
    [widthRef],
  );
  const chartW = Math.max(260, Math.min(420, Math.floor((width - 24) / 2)));
  const chartH = 190;

  const runs = rec?.info.runs ?? [];
  // Lines are rebuilt when new steps arrive (version moves at most once a frame), not on every step.
  const lines = useMemo(() => {
    const out: Record<string, CurveLine[]> = {};
    if (!rec) return out;
    const n = rec.computed;
    const per = (
      field: (typeof SERIES_FIELDS)[number],
      dash?: string,
      scaleOf?: (i: number) => number,
    ) =>
      rec.info.runs.map((run, i): CurveLine => ({
        id: `${run}-${field}`,
        color: RUN_COLORS[run],
        ...(dash !== undefined && { dash }),
        points: curvePoints(rec.series[i], W, F(field), n, scaleOf ? scaleOf(i) : 1),
      }));
    out.loss = per('loss', undefined, (i) => 1 / rec.series[i][F('loss')]);
    out.ap = per('ap');
    out.auc = per('auc');
    out.recall = [...per('recall05'), ...per('recall5', '5 4')];
    out.precision = [...per('precision05'), ...per('precision5', '5 4')];
    const dr = rec.info.runs.indexOf('dr');
    out.pHat =
      dr < 0
        ? []
        : [
            {
              id: 'pPlus',
              color: 'var(--pos)',
              points: curvePoints(rec.series[dr], W, F('pPlus'), n),
            },
            {
              id: 'pMinus',
              color: 'var(--neg)',
              dash: '5 4',
              points: curvePoints(rec.series[dr], W, F('pMinus'), n),
            },
          ];
    return out;
    // the record is filled in place: `computed` says when new steps have arrived
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rec, computed]);

  const lossDomain = useMemo((): readonly [number, number] => {
    let m = 1;
    for (const l of lines.loss ?? []) {
      for (let i = 1; i < l.points.length; i += 2) m = Math.max(m, l.points[i]);
    }
    return [0, Math.min(m, 5)];
  }, [lines]);

  // The score fields of the step in view (head models on 2-D anchors).
  const anchors = rec?.anchors ?? null;
  useEffect(() => {
    if (client && anchors && detailStep < computed) client.requestField(detailStep, FIELD_SIZE);
  }, [client, anchors, detailStep, computed]);
  const shares = useMemo(
    () =>
      rec && detailStep < computed
        ? rec.hist.map((h) =>
            h.subarray(detailStep * 2 * SCORE_BINS, (detailStep + 1) * 2 * SCORE_BINS),
          )
        : null,
    [rec, detailStep, computed],
  );
  const latestField = client?.field() ?? null;
  const field = rec && latestField?.gen === rec.gen ? latestField : null;

  const at: RunAtStep[] = rec
    ? runs.map((run, i) => ({
        run,
        ap: lastKnown(rec, i, shown, 'ap'),
        recall05: seriesValue(rec, i, shown, 'recall05'),
        recall5: seriesValue(rec, i, shown, 'recall5'),
      }))
    : [];
  const summary = rec ? trainSummary(s, shown, at, shown < computed) : '';
  const chart = {
    width: chartW,
    height: chartH,
    steps: S,
    step: shown,
    hover,
    onHover: setHover,
    xLabel: s('train.chart.stepAxis'),
  };
  const error = client?.error() ?? null;
  // a crashed pool worker and what became of it (the cause in the browser's words)
  const notices = client?.notices() ?? [];

  return (
    <section
      className="train"
      aria-labelledby={headingId}
      aria-busy={computed <= S}
      ref={ref}
      data-testid="train-section"
    >
      <h2 id={headingId}>{s('train.title')}</h2>
      <p className="train-intro">{s('train.intro')}</p>
      {/* The rest mounts once the section is seen: a page that never scrolls here stays light. */}
      {seen ? <TrainSetupControls /> : null}
      <div className="train-player" role="group" aria-label={s('train.scrubber')}>
        <button type="button" data-testid="train-play" aria-pressed={playing} onClick={togglePlay}>
          {playing ? s('train.pause') : s('train.play')}
        </button>
        <button
          type="button"
          data-testid="train-step-once"
          onClick={() => pause(Math.min(S, shown + 1))}
        >
          {s('train.stepOnce')}
        </button>
        <button type="button" data-testid="train-reset" onClick={() => pause(0)}>
          {s('train.reset')}
        </button>
        <label className="train-speed">
          {s('train.speed')}{' '}
          <select
            data-testid="train-speed"
            value={setup.speed}
            onChange={(e) => store.getState().setTrainSetup({ speed: Number(e.target.value) })}
          >
            {(SPEEDS.includes(setup.speed)
              ? SPEEDS
              : [...SPEEDS, setup.speed].sort((a, b) => a - b)
            ).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label className="train-scrub">
          <span>{s('train.scrubber')}</span>
          <input
            type="range"
            data-testid="train-scrubber"
            min={0}
            max={S}
            step={1}
            value={shown}
            onChange={(e) => pause(Number(e.target.value))}
          />
        </label>
        <span className="train-step-readout">
          {s('train.stepShown')} <output data-testid="train-step">{shown}</output> / {S}
        </span>
        <span className="train-progress" data-testid="train-computed">
          {s('train.computed', { computed: Math.max(0, computed - 1), total: S })}
          {rec && rec.info.metricsEvery > 1
            ? ` · ${s('train.sampled', { k: rec.info.metricsEvery, n: rec.info.nPos + rec.info.nNeg })}`
            : ''}
        </span>
      </div>
      {error !== null ? (
        <p className="train-error" role="alert">
          {s('train.failed', { error: translateTrainMessage(error, s, s === t('en')) })}
        </p>
      ) : null}
      {notices.map((text, i) => (
        <p key={i} className="train-error" role="status" data-testid="train-notice">
          {translateTrainNotice(text, s, s === t('en'))}
        </p>
      ))}
      {rec?.diverged.map((why, i) =>
        why !== null ? (
          <p key={runs[i]} className="train-error" role="status">
            {s('train.diverged', {
              run: s(RUN_KEYS[runs[i]]),
              why: translateTrainMessage(why, s, s === t('en')),
            })}
          </p>
        ) : null,
      )}
      {seen ? (
        <table className="train-metrics">
          <caption>{s('train.metricsCaption', { step: shown })}</caption>
          <thead>
            <tr>
              <th scope="col">{s('train.col.run')}</th>
              <th scope="col">{s('train.col.loss')}</th>
              <th scope="col">{s('train.col.ap')}</th>
              <th scope="col">{s('train.col.auc')}</th>
              <th scope="col">{s('train.col.pr05')}</th>
              <th scope="col">{s('train.col.pr5')}</th>
            </tr>
          </thead>
          <tbody>
            {(['dr', 'focal', 'bce'] as const).map((run) => {
              const i = runs.indexOf(run);
              const v = (f: (typeof SERIES_FIELDS)[number]) =>
                rec && i >= 0 ? seriesValue(rec, i, shown, f) : NaN;
              return (
                <tr key={run}>
                  <th scope="row">
                    <span className="train-swatch" style={{ background: RUN_COLORS[run] }} />
                    {s(RUN_KEYS[run])}
                  </th>
                  <td>{fmt7(v('loss'))}</td>
                  <td data-testid={`train-ap-${run}`}>
                    {fmt7(rec && i >= 0 ? lastKnown(rec, i, shown, 'ap') : NaN)}
                  </td>
                  <td data-testid={`train-auc-${run}`}>
                    {fmt7(rec && i >= 0 ? lastKnown(rec, i, shown, 'auc') : NaN)}
                  </td>
                  <td>
                    {fmt7(v('precision05'))} / {fmt7(v('recall05'))}
                  </td>
                  <td>
                    {fmt7(v('precision5'))} / {fmt7(v('recall5'))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      <p className="train-summary" data-testid="train-summary" aria-live="polite">
        {playing ? '' : summary}
      </p>
      {rec ? (
        <>
          <p className="train-legend" aria-hidden="true">
            {(['dr', 'focal', 'bce'] as const).map((run) => (
              <span key={run}>
                <span className="train-swatch" style={{ background: RUN_COLORS[run] }} />
                {s(RUN_KEYS[run])}
              </span>
            ))}
          </p>
          <div className="train-charts">
            <CurveChart
              {...chart}
              title={s('train.chart.loss')}
              yLabel={s('train.chart.lossAxis')}
              yDomain={lossDomain}
              lines={lines.loss ?? []}
            />
            <CurveChart
              {...chart}
              title={s('train.chart.ap')}
              yLabel={s('train.col.ap')}
              yDomain={UNIT}
              lines={lines.ap ?? []}
            />
            <CurveChart
              {...chart}
              title={s('train.chart.auc')}
              yLabel={s('train.col.auc')}
              yDomain={UNIT}
              lines={lines.auc ?? []}
            />
            <CurveChart
              {...chart}
              title={s('train.chart.recall')}
              yLabel={s('train.chart.valueAxis')}
              yDomain={UNIT}
              lines={lines.recall ?? []}
            />
            <CurveChart
              {...chart}
              title={s('train.chart.precision')}
              yLabel={s('train.chart.valueAxis')}
              yDomain={UNIT}
              lines={lines.precision ?? []}
            />
            {(lines.pHat ?? []).length > 0 ? (
              <CurveChart
                {...chart}
                title={s('train.chart.pHat')}
                yLabel={s('train.chart.valueAxis')}
                yDomain={UNIT}
                lines={lines.pHat ?? []}
              />
            ) : null}
          </div>
        </>
      ) : null}
      {rec && shares ? (
        <div className="train-charts">
          {runs.map((run, i) => (
            <DistChart
              key={run}
              title={s('train.chart.dist', { run: s(RUN_KEYS[run]), step: detailStep })}
              width={Math.min(chartW, 300)}
              height={150}
              shares={shares[i]}
              xLabel={s('train.chart.scoreAxis')}
              yLabel={s('train.chart.shareAxis')}
              posLabel={s('train.legend.pos')}
              negLabel={s('train.legend.neg')}
            />
          ))}
        </div>
      ) : null}
      {anchors ? (
        <>
          <p className="train-note">
            {s('train.chart.fieldNote')}
            {rec && rec.info.K > 1
              ? ` ${s('train.chart.fieldNoteClasses', { K: rec.info.K })}`
              : ''}
          </p>
          <div className="train-charts">
            {runs.map((run, i) => (
              <FieldCanvas
                key={run}
                testId={`train-field-${run}`}
                title={s('train.chart.field', {
                  run: s(RUN_KEYS[run]),
                  step: field ? field.step : view,
                })}
                side={Math.min(chartW, 240)}
                size={FIELD_SIZE}
                field={field ? (field.fields[i] ?? null) : null}
                anchors={anchors}
              />
            ))}
          </div>
        </>
      ) : null}
    </section>
  );
}
